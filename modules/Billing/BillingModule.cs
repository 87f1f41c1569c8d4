using Derrimut.Billing.Accounts;
using Derrimut.Billing.Data;
using Derrimut.Billing.Events;
using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Billing.Gateways.Stripe;
using Derrimut.Billing.Jobs;
using Derrimut.Billing.Webhooks;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Billing;

/// <summary>
/// Payments: <see cref="IPaymentGateway"/> (Stripe, or the embedded simulated gateway when no Stripe key is
/// configured), per-gym Stripe keys encrypted at rest, the Stripe webhook endpoint with its inbox, and integration
/// events for higher modules (<see cref="IIntegrationEventHandler{TEvent}"/>).
/// </summary>
public sealed class BillingModule : DerrimutModule
{
    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(Derrimut.Identity.IdentityModule)];

    private PaymentGatewayKind _kind;
    private bool _billingDayTool;

    /// <inheritdoc />
    public override string Name => "Billing";

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(BillingEndpointJson.Default);
        var section = builder.Configuration.GetSection(BillingOptions.Section);
        var options = section.Get<BillingOptions>() ?? new BillingOptions();
        _kind = GatewaySelection.Choose(options, builder.Environment.IsProduction());
        // The "run billing day" tool moves simulated time; it exists only for the simulation, and by default only in Development.
        _billingDayTool = _kind == PaymentGatewayKind.Simulated
            && builder.Configuration.GetValue("Billing:SimulatedTools", builder.Environment.IsDevelopment());

        var services = builder.Services;
        services.Configure<BillingOptions>(section);
        services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        services.Configure<WebhookRetryOptions>(builder.Configuration.GetSection(WebhookRetryOptions.Section));
        services.AddDataProtection();
        services.AddSingleton<ConfigurationStripeKeyResolver>();
        services.AddSingleton<StripeSecretProtector>();
        services.AddSingleton<TenantStripeKeyResolver>();
        // A factory, so the module's own unit tests can build it without a database.
        services.AddSingleton<IStripeKeyResolver>(sp => sp.GetRequiredService<TenantStripeKeyResolver>());
        services.AddIntegrationEventPublisher();
        services.AddScoped<BillingEventPublisher>();
        services.AddScoped<WebhookInbox>();
        services.AddScoped<Contracts.IWebhookInboxReadModel, ReportingReads.WebhookInboxReadModel>();
        services.AddScoped<StripeConnectionTester>();
        if (_kind == PaymentGatewayKind.Stripe)
        {
            services.AddSingleton(StripeClients.Create(options.Stripe));
            services.AddScoped<IPaymentGateway, StripePaymentGateway>();
        }
        else
        {
            services.TryAddSingleton<ISimulatedBillingStore, DatabaseSimulatedBillingStore>();
            // Simulated events go through the webhook inbox, exactly as a delivery to POST /webhooks/stripe does.
            services.TryAddSingleton<ISimulatedEventSink, InProcessSimulatedEventSink>();
            services.AddScoped<SimulatedEventDelivery>();
            services.AddScoped<SimulatedBilling>();
            services.AddScoped<ISimulatedPayments, SimulatedPayments>();
            services.AddScoped<IPaymentGateway, SimulatedPaymentGateway>();
            if (_billingDayTool)
            {
                services.AddSingleton(new SimulatedBillingTools(SimulatedCheckoutPages.BillingDayFormPath));
            }
        }
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => BillingModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing");
        WebhookEndpoints.MapReceiver(app);
        WebhookEndpoints.MapInbox(billing);
        StripeAccountEndpoints.Map(billing);
        StripeConnectionTestEndpoint.Map(billing);
        StripeAccountAuditEndpoint.Map(billing);
        if (_kind == PaymentGatewayKind.Simulated)
        {
            SimulatedCheckoutPages.MapCheckout(app);
            if (_billingDayTool)
            {
                SimulatedCheckoutPages.MapBillingDay(app, billing);
            }
        }
    }

    /// <inheritdoc />
    public override void ConfigureJobs(JobDefinitionContext context) => context
        .AddRecurring<WebhookRetryJob>(WebhookRetryJob.Name, WebhookRetryJob.DefaultSchedule,
            "Retries failed Stripe events with backoff until they succeed or are parked for an admin.")
        .AddRecurring<WebhookQueueJob>(WebhookQueueJob.Name, WebhookQueueJob.DefaultSchedule,
            "Applies the Stripe events stored by gyms' endpoints that acknowledge after storing (Billing:Webhooks:AcknowledgeAfter=Storing).");

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(BillingPermissions.ManageBilling, "Set this gym's Stripe keys, see failed and parked webhook events and retry them.")
        .RequireTwoFactor(BillingPermissions.ManageBilling);

    /// <inheritdoc />
    public override void DefineSettings(SettingDefinitionContext context) => context
        .Add("Billing.Stripe.SecretKey", null, isSecret: true)
        .Add("Billing.Stripe.WebhookSecret", null, isSecret: true);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(BillingModule).Assembly)
        .AddNavigation(new(Portal.Admin, "Payments", "/admin/payments", MudBlazor.Icons.Material.Outlined.CreditCard,
            BillingPermissions.ManageBilling, SiteKinds.Gym, Order: 12))
        .AddSection(new(PageSlots.AdminHome, typeof(Components.SimulatedBillingDay)));
}
