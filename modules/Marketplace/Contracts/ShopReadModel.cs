namespace Derrimut.Marketplace.Contracts;

/// <summary>An order as reports read it (init properties so composed queries translate to SQL).</summary>
public sealed class ShopOrderRow
{
    /// <summary>The order's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its number, e.g. <c>ORD-20261204-0001</c>.</summary>
    public string Number { get; init; } = "";

    /// <summary>Where it is now.</summary>
    public OrderStatus Status { get; init; }

    /// <summary>Online or at the counter.</summary>
    public OrderChannel Channel { get; init; }

    /// <summary>When it was paid, UTC; null while unpaid.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The GST-inclusive total in cents (goods and shipping).</summary>
    public long TotalCents { get; init; }

    /// <summary>The GST in the total (one eleventh of the taxable lines; GST-free lines carry none).</summary>
    public long GstCents { get; init; }

    /// <summary>Refunded so far, in cents.</summary>
    public long RefundedCents { get; init; }
}

/// <summary>An order line as reports read it.</summary>
public sealed class ShopOrderLineRow
{
    /// <summary>The order.</summary>
    public Guid OrderId { get; init; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; init; }

    /// <summary>The product's name at the sale.</summary>
    public string ProductName { get; init; } = "";

    /// <summary>Units sold.</summary>
    public int Quantity { get; init; }

    /// <summary>Units refunded.</summary>
    public int RefundedQuantity { get; init; }

    /// <summary>The line's GST-inclusive total in cents.</summary>
    public long LineTotalCents { get; init; }

    /// <summary>The GST in the line.</summary>
    public long GstCents { get; init; }
}

/// <summary>A refund of an order as reports read it.</summary>
public sealed class ShopRefundRow
{
    /// <summary>The order.</summary>
    public Guid OrderId { get; init; }

    /// <summary>Cents given back (positive).</summary>
    public long AmountCents { get; init; }

    /// <summary>When, UTC.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The GST given back with it (positive): the order's GST in proportion to the amount, rounded half up. A refund
    /// record names no lines, so this is exact for a whole order and for an order all taxable or all GST-free (to the
    /// cent), and an apportionment for part of a mixed order.
    /// </summary>
    public long GstCents { get; init; }
}

/// <summary>A stock line (one variant) as reports read it.</summary>
public sealed class ShopStockRow
{
    /// <summary>The variant.</summary>
    public Guid VariantId { get; init; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; init; }

    /// <summary>The product's name.</summary>
    public string ProductName { get; init; } = "";

    /// <summary>The variant's name ("" for a product with one).</summary>
    public string VariantName { get; init; } = "";

    /// <summary>The product's category.</summary>
    public ProductCategory Category { get; init; }

    /// <summary>Units on the shelf.</summary>
    public int OnHand { get; init; }

    /// <summary>Units held for unpaid checkouts.</summary>
    public int Reserved { get; init; }

    /// <summary>At or below this many available, the line is low.</summary>
    public int LowStockThreshold { get; init; }

    /// <summary>The GST-inclusive unit price in cents (the variant's own, else the product's).</summary>
    public long PriceCents { get; init; }

    /// <summary>Whether the product and variant are on sale.</summary>
    public bool OnSale { get; init; }
}

/// <summary>
/// Marketplace's read contract for reports: the current location's orders, lines, refunds and stock as queryable rows
/// on the caller's own DbContext (the tenant filter applies), never the shop's entities.
/// </summary>
public interface IShopReadModel
{
    /// <summary>The location's orders.</summary>
    IQueryable<ShopOrderRow> Orders { get; }

    /// <summary>Their lines.</summary>
    IQueryable<ShopOrderLineRow> OrderLines { get; }

    /// <summary>Their refunds.</summary>
    IQueryable<ShopRefundRow> Refunds { get; }

    /// <summary>Stock per variant.</summary>
    IQueryable<ShopStockRow> Stock { get; }
}
