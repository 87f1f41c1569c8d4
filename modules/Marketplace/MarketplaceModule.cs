using Derrimut.Billing;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity;
using Derrimut.Identity.Contracts;
using Derrimut.Marketplace.BillingEvents;
using Derrimut.Marketplace.Features;
using Derrimut.Marketplace.Seeding;
using Derrimut.Organizations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Marketplace;

/// <summary>
/// The gym's shop: a location's catalogue (products with sizes and flavours, GST-free where the law says so), stock
/// per location that the database never lets go below zero, the member's persisted cart, checkout through Billing
/// with one line per cart line, order numbers per location and day, click-and-collect or shipping, fulfilment,
/// refunds and the tax invoice.
/// </summary>
public sealed class MarketplaceModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Marketplace";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(OrganizationsModule), typeof(IdentityModule), typeof(BillingModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(MarketplaceEndpointJson.Default);
        var services = builder.Services;
        services.AddMarketplaceUseCases();
        services.AddScoped<Contracts.IShopReadModel, Features.ReportingReads.ShopReadModel>();
        services.AddIntegrationEventHandler<CheckoutCompleted, ShopBillingHandlers>();
        services.AddIntegrationEventHandler<PaymentFailed, ShopBillingHandlers>();
        services.AddIntegrationEventHandler<RefundIssued, ShopBillingHandlers>();
        services.AddSingleton<IDataSeedContributor, MarketplaceSeeder>();
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => MarketplaceModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void ConfigureJobs(BuildingBlocks.Jobs.JobDefinitionContext context) => context
        .AddRecurring<Jobs.LapsedCheckoutsJob>(Jobs.LapsedCheckoutsJob.Name, Jobs.LapsedCheckoutsJob.DefaultSchedule,
            "Cancels shop orders that can no longer be paid and puts their stock back: a checkout that lapsed without its expiry event, or one that never opened.");

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, Microsoft.AspNetCore.Routing.RouteGroupBuilder api)
    {
        MarketplaceEndpoints.Map(api);
        Features.Catalogue.ProductImageEndpoints.MapProductImages(app);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmarks:BareEndpoints"))
        {
            Features.Catalogue.CatalogueEndpoints.MapBareBaseline(app);
        }
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(MarketplacePermissions.ShopForSelf, "Keep a cart at this gym, check out and see one's own orders.", PermissionScope.Tenant,
            IdentityRoles.Member, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(MarketplacePermissions.ManageShop, "Run this gym's shop: products, stock, orders, refunds, over-the-counter sales.", PermissionScope.Tenant,
            IdentityRoles.Staff)
        .Add(MarketplacePermissions.ManageFranchiseCatalogue, "Keep the franchise's shop catalogue and publish it to its locations.", PermissionScope.Tenant);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(MarketplaceModule).Assembly)
        .AddNavigation(new(Portal.Member, "Shop", "/shop", MudBlazor.Icons.Material.Outlined.Storefront,
            MarketplacePermissions.ShopForSelf, Order: 39))
        .AddNavigation(new(Portal.Member, "My orders", "/member/orders", MudBlazor.Icons.Material.Outlined.ShoppingBag,
            MarketplacePermissions.ShopForSelf, Order: 40))
        .AddNavigation(new(Portal.Admin, "Shop orders", "/admin/shop/orders", MudBlazor.Icons.Material.Outlined.Storefront,
            MarketplacePermissions.ManageShop, Order: 40))
        .AddNavigation(new(Portal.Admin, "Shop stock", "/admin/shop/stock", MudBlazor.Icons.Material.Outlined.Inventory2,
            MarketplacePermissions.ManageShop, Order: 41))
        .AddNavigation(new(Portal.Admin, "Franchise catalogue", "/admin/shop/franchise-catalogue", MudBlazor.Icons.Material.Outlined.Storefront,
            MarketplacePermissions.ManageFranchiseCatalogue, Sites: SiteKinds.Franchise, Order: 42));
}
