using Derrimut.Billing.Events;
using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Billing.Gateways.Stripe;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Billing;

/// <summary>
/// Payments: <see cref="IPaymentGateway"/> (Stripe, or the embedded simulated gateway when no Stripe key is
/// configured), Stripe webhook verification, and integration events for higher modules
/// (<see cref="IBillingEventHandler{TEvent}"/>).
/// </summary>
public sealed class BillingModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Billing";

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BillingOptions.Section);
        var options = section.Get<BillingOptions>() ?? new BillingOptions();
        var kind = GatewaySelection.Choose(options, builder.Environment.IsProduction());

        var services = builder.Services;
        services.Configure<BillingOptions>(section);
        services.AddSingleton<IStripeKeyResolver, ConfigurationStripeKeyResolver>();
        services.AddScoped<BillingEventPublisher>();
        if (kind == PaymentGatewayKind.Stripe)
        {
            services.AddSingleton(StripeClients.Create(options.Stripe));
            services.AddScoped<IPaymentGateway, StripePaymentGateway>();
        }
        else
        {
            // The host registers the ISimulatedEventSink that posts to the webhook endpoint.
            services.AddSingleton<ISimulatedBillingStore, InMemorySimulatedBillingStore>();
            services.AddScoped<SimulatedEventDelivery>();
            services.AddScoped<SimulatedBilling>();
            services.AddScoped<IPaymentGateway, SimulatedPaymentGateway>();
        }
    }

    /// <inheritdoc />
    public override void DefineSettings(SettingDefinitionContext context) => context
        .Add("Billing.Stripe.SecretKey", null, isSecret: true)
        .Add("Billing.Stripe.WebhookSecret", null, isSecret: true);
}
