namespace Derrimut.Marketplace.Contracts;

/// <summary>Permissions declared by the Marketplace module.</summary>
public static class MarketplacePermissions
{
    /// <summary>Keep a cart at this gym, check out and see one's own orders.</summary>
    public const string ShopForSelf = "shop:own_orders";

    /// <summary>Run this gym's shop: products and prices, stock, orders, refunds and over-the-counter sales.</summary>
    public const string ManageShop = "manage:shop";

    /// <summary>Keep the franchise's shop catalogue and publish it to its locations (on the franchise's site).</summary>
    public const string ManageFranchiseCatalogue = "manage:franchise_catalogue";
}
