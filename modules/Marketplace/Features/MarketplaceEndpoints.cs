using Derrimut.BuildingBlocks.Http;
using Derrimut.Marketplace.BillingEvents;
using Derrimut.Marketplace.Features.Admin;
using Derrimut.Marketplace.Features.Cart;
using Derrimut.Marketplace.Features.Catalogue;
using Derrimut.Marketplace.Features.Checkout;
using Derrimut.Marketplace.Features.Franchise;
using Derrimut.Marketplace.Features.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features;

/// <summary>
/// <c>/api/shop</c>: the location's public catalogue, the member's cart, checkout and orders, and the staff routes
/// under <c>/api/shop/admin</c>. Every route is location-scoped; the tenant filter keeps other gyms' rows out.
/// </summary>
internal static class MarketplaceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var shop = api.MapGroup("/shop").RequireLocation().WithTags("Marketplace: the gym's shop");
        shop.MapCatalogue();

        var mine = shop.MapGroup("").RequireAuthorization(MarketplacePermissions.ShopForSelf);
        mine.MapCartReads();
        mine.MapMemberOrderReads();
        mine.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes)
            .MapCartWrites()
            .MapCheckout();

        var admin = shop.MapGroup("/admin").RequireAuthorization(MarketplacePermissions.ManageShop);
        admin.MapStaffOrderReads();
        admin.MapManageProductReads();
        admin.MapStockReads();
        admin.MapShopSettingsRead();
        admin.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes)
            .MapFulfilment()
            .MapManageProducts()
            .MapProductImageUpload()
            .MapStockWrites()
            .MapCounterSale()
            .MapShopSettingsWrite()
            .MapStockCounts()
            .MapFranchiseCatalogueSync();
        admin.MapTransferDestinations();

        FranchiseCatalogueEndpoints.MapFranchiseCatalogue(api);
    }

    /// <summary>One scoped handler per use case, shared by the API and the pages.</summary>
    public static IServiceCollection AddMarketplaceUseCases(this IServiceCollection services) => services
        .AddScoped<StockLedger>()
        .AddScoped<ShopSettingsReader>()
        .AddScoped<OrderNotices>()
        .AddScoped<OrderLiveNotices>()
        .AddScoped<LowStockWatch>()
        .AddScoped<OrderPlacement>()
        .AddScoped<UnpaidOrders>()
        .AddScoped<BrowseProductsHandler>()
        .AddScoped<GetProductHandler>()
        .AddScoped<CartHandler>()
        .AddScoped<CheckoutHandler>()
        .AddScoped<OrderReadsHandler>()
        .AddScoped<FulfilmentHandler>()
        .AddScoped<ManageProductsHandler>()
        .AddScoped<ManageStockHandler>()
        .AddScoped<CounterSaleHandler>()
        .AddScoped<ProductImages>()
        .AddScoped<ShopSettingsHandler>()
        .AddScoped<StockCountHandler>()
        .AddScoped<TransferDestinationsHandler>()
        .AddScoped<FranchiseCatalogueHandler>()
        .AddScoped<FranchiseCatalogueSync>();
}
