using Derrimut.Billing;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Ui;
using Derrimut.Identity;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.BillingEvents;
using Derrimut.Memberships.Data;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features;
using Derrimut.Memberships.Jobs;
using Derrimut.Memberships.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Memberships;

/// <summary>
/// A location's plans, joining through the payment gateway, the membership lifecycle driven by Billing's events,
/// self-service cancel and freeze, and the member's ledger.
/// </summary>
public sealed class MembershipsModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Memberships";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(IdentityModule), typeof(BillingModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(MembershipsEndpointJson.Default);
        builder.Services.AddCacheJson(MembershipsCacheJson.Default);
        builder.Services
            .AddPageStateJson(MembershipsPageStateJson.Default.MembershipDto)
            .AddPageStateJson(MembershipsPageStateJson.Default.ListMembershipPlanDto);
        var services = builder.Services;
        services.AddScoped<MembershipNotices>();
        services.AddSingleton(sp => new Features.GetMyMembership.MyMembershipCache(
            sp.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            sp.GetRequiredService<Derrimut.BuildingBlocks.Caching.ICacheInvalidationBus>(),
            builder.Configuration.GetValue("Memberships:MineCacheExpiration", Features.GetMyMembership.MyMembershipCache.DefaultExpiration)));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.GetMyMembership.MyMembershipInvalidation>();
        services.AddMembershipUseCases();
        services.AddScoped<Contracts.IMembershipReadModel, Features.ReportingReads.MembershipReadModel>();
        services.AddHostedService<Features.MembershipsMetrics>();
        services.AddScoped<Contracts.IMembershipFreezeReadModel, Features.ReportingReads.MembershipFreezeReadModel>();

        services.AddIntegrationEventHandler<CheckoutCompleted, MembershipBillingHandlers>();
        services.AddIntegrationEventHandler<SubscriptionChanged, MembershipBillingHandlers>();
        services.AddIntegrationEventHandler<PaymentSucceeded, MembershipBillingHandlers>();
        services.AddIntegrationEventHandler<PaymentFailed, MembershipBillingHandlers>();
        services.AddIntegrationEventHandler<Derrimut.Organizations.Contracts.LocationOpened, Features.FranchisePlans.FranchisePlansForNewLocations>();
        services.AddIntegrationEventHandler<RefundIssued, MembershipBillingHandlers>();

        services.AddSingleton<IDataSeedContributor, MembershipsSeeder>();
        services.Configure<RenewalReminderOptions>(builder.Configuration.GetSection(RenewalReminderOptions.Section));
        services.Configure<PriceChangeOptions>(builder.Configuration.GetSection(PriceChangeOptions.Section));
    }

    /// <inheritdoc />
    public override void ConfigureJobs(JobDefinitionContext context) => context
        .AddRecurring<RenewalRemindersJob>(RenewalRemindersJob.Name, RenewalRemindersJob.DefaultSchedule,
            "Emails members whose next payment is a few days away, once per billing period.")
        .AddRecurring<FreezeExpiryJob>(FreezeExpiryJob.Name, FreezeExpiryJob.DefaultSchedule,
            "Ends freezes whose date has passed, resuming collection at the gateway when it has not.")
        .AddRecurring<ScheduledPriceChangesJob>(ScheduledPriceChangesJob.Name, ScheduledPriceChangesJob.DefaultSchedule,
            "Puts each announced price rise on the member's subscription at the gateway a day before the billing date it starts on.");

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => MembershipsModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => MembershipsEndpoints.Map(api);

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(MembershipsPermissions.ViewMemberships, "See this gym's memberships and any member's payments.", PermissionScope.Tenant, IdentityRoles.Staff)
        .Add(MembershipsPermissions.ManageMemberships, "Cancel or refund any membership at this gym.")
        .Add(MembershipsPermissions.ManagePlans, "Create, change and retire this gym's membership plans and prices.")
        .Add(MembershipsPermissions.ManageOwnMembership, "Join, see, freeze and cancel one's own membership.", PermissionScope.Tenant,
            IdentityRoles.Member, IdentityRoles.Trainer, IdentityRoles.Staff);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(MembershipsModule).Assembly)
        .AddSection(new(PageSlots.LocationHome, typeof(Components.PlansSection)))
        .AddNavigation(new(Portal.Member, "Membership and payments", "/member/membership", MudBlazor.Icons.Material.Outlined.CardMembership,
            MembershipsPermissions.ManageOwnMembership, Order: 10))
        .AddNavigation(new(Portal.Admin, "Memberships", "/admin/memberships", MudBlazor.Icons.Material.Outlined.People,
            MembershipsPermissions.ViewMemberships, Order: 10))
        .AddNavigation(new(Portal.Admin, "Membership plans", "/admin/plans", MudBlazor.Icons.Material.Outlined.Sell,
            MembershipsPermissions.ManagePlans, Order: 11));
}
