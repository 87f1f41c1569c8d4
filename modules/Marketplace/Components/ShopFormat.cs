namespace Derrimut.Marketplace.Components;

/// <summary>How the shop's pages word things.</summary>
internal static class ShopFormat
{
    /// <summary>An order status as members and staff read it.</summary>
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "Awaiting payment",
        OrderStatus.ReadyForCollection => "Ready for collection",
        _ => status.ToString(),
    };

    /// <summary>A category's name in the shop's menu.</summary>
    public static string Category(ProductCategory category) => category switch
    {
        ProductCategory.Supplement => "Supplements",
        ProductCategory.Equipment => "Equipment",
        ProductCategory.Apparel => "Apparel",
        _ => "Accessories",
    };

    /// <summary>Cents as Australian dollars.</summary>
    public static string Money(long cents) => Aud.Format(cents);
}
