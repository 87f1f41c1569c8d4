namespace Derrimut.Marketplace.Data;

/// <summary>
/// A product this location sells: name, description, category, price (GST-inclusive cents, or GST-free where the law
/// says so), an optional compare-at ("was") price, an image, and one or more variants with their own SKU and stock.
/// </summary>
internal sealed class Product : ILocationOwned, IAuditable, IVersioned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Brand { get; set; }

    public ProductCategory Category { get; set; }

    /// <summary>The price of one, in cents, GST included unless <see cref="GstFree"/>.</summary>
    public long PriceCents { get; set; }

    /// <summary>The "was" price shown struck through; null when not on special.</summary>
    public long? CompareAtPriceCents { get; set; }

    /// <summary>GST-free supply (e.g. some basic foods); most shop goods are taxable.</summary>
    public bool GstFree { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The stored, resized image's file name under the shop's image folder, when one was uploaded.</summary>
    public string? ImageFile { get; set; }

    /// <summary>
    /// The franchise catalogue's product this location sells (decision 0044); null for the location's own product.
    /// Name, description, category, GST and SKUs then come from the franchise; price and whether it is sold here are the location's.
    /// </summary>
    public Guid? FranchiseProductId { get; set; }

    /// <summary>The location set its own prices for this franchise product: publishing no longer overwrites them.</summary>
    public bool OwnPrice { get; set; }

    /// <summary>The location stopped selling this franchise product (the franchise's own active flag is applied on top).</summary>
    public bool WithdrawnHere { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<ProductVariant> Variants { get; set; } = [];
}

/// <summary>
/// A size or flavour of a product, with its own SKU and, optionally, its own price. Stock is kept per variant.
/// </summary>
internal sealed class ProductVariant : ILocationOwned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid ProductId { get; set; }

    public Product? Product { get; set; }

    /// <summary>"Chocolate", "M", "1 kg"; empty for a product without options.</summary>
    public string Name { get; set; } = "";

    public string Sku { get; set; } = "";

    /// <summary>This variant's price when it differs from the product's (e.g. a 2 kg tub).</summary>
    public long? PriceCents { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>The franchise catalogue's variant this one sells (its SKU and name come from there); null for the location's own.</summary>
    public Guid? FranchiseVariantId { get; set; }

    /// <summary>Staff are emailed when what is available falls to this or below.</summary>
    public int LowStockThreshold { get; set; } = 5;

    public StockLevel? Stock { get; set; }

    public long EffectivePriceCents(Product product) => PriceCents ?? product.PriceCents;
}

/// <summary>
/// What this location holds of one variant. <see cref="OnHand"/> is on the shelf (sold stock leaves it),
/// <see cref="Reserved"/> is held for open checkouts; available = on hand − reserved. The database refuses any row
/// with on hand or reserved below zero or more reserved than on hand (check constraints), and every change is one
/// conditional UPDATE (<see cref="StockLedger"/>), so concurrent buyers can never oversell.
/// </summary>
internal sealed class StockLevel : ILocationOwned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid VariantId { get; set; }

    public int OnHand { get; set; }

    public int Reserved { get; set; }

    /// <summary>When the low-stock email last went out (so one dip sends one email, not one per sale).</summary>
    public DateTimeOffset? LowStockNotifiedAt { get; set; }

    public int Available => OnHand - Reserved;
}

/// <summary>One line of the stock ledger: what moved, how many, why, and for which order.</summary>
internal sealed class StockMovement : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid VariantId { get; set; }

    public StockMovementKind Kind { get; set; }

    /// <summary>Signed change of on hand (received +, sold −) or, for reservations, of the reserved count.</summary>
    public int Quantity { get; set; }

    public string? Reason { get; set; }

    public Guid? OrderId { get; set; }

    /// <summary>The other location of a transfer.</summary>
    public Guid? OtherLocationId { get; set; }

    public Guid? ByUserId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>One line of a member's cart at this location (the cart is the member's lines; it survives sign-out).</summary>
internal sealed class CartLine : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public Guid VariantId { get; set; }

    public int Quantity { get; set; }

    /// <summary>The unit price when the line was last changed, to tell the member when it has changed since.</summary>
    public long PriceSeenCents { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The day's last order number at this location. The checkout increments it in the order's own transaction (one
/// UPDATE, which also locks the row until commit), so numbers are consecutive, never repeated, and a rolled-back
/// order takes its number back with it.
/// </summary>
internal sealed class OrderCounter : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The location's local date.</summary>
    public DateOnly Day { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>How this location ships (click-and-collect needs no settings).</summary>
internal sealed class ShopSettings : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public bool ShippingEnabled { get; set; } = true;

    /// <summary>The flat shipping charge, GST included.</summary>
    public long ShippingFlatCents { get; set; } = ShippingRule.DefaultFlatCents;

    /// <summary>Orders whose goods come to this or more ship free; null = never free.</summary>
    public long? FreeShippingOverCents { get; set; } = ShippingRule.DefaultFreeOverCents;

    /// <summary>Where low-stock emails go; null = the gym's staff are not emailed.</summary>
    public string? LowStockEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ShippingRule Rule => new(ShippingEnabled, ShippingFlatCents, FreeShippingOverCents);
}

/// <summary>An order: its number, the member, lines, delivery, money and where it is in fulfilment.</summary>
internal sealed class Order : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary><c>ORD-YYYYMMDD-NNN</c>, unique per location.</summary>
    public string Number { get; set; } = "";

    public DateOnly LocalDate { get; set; }

    public int Sequence { get; set; }

    public Guid UserId { get; set; }

    public OrderChannel Channel { get; set; } = OrderChannel.Online;

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    public DeliveryMethod Delivery { get; set; } = DeliveryMethod.Collect;

    public string? ShipToName { get; set; }

    public string? ShipToLine1 { get; set; }

    public string? ShipToLine2 { get; set; }

    public string? ShipToSuburb { get; set; }

    public string? ShipToState { get; set; }

    public string? ShipToPostcode { get; set; }

    public long GoodsCents { get; set; }

    public long ShippingCents { get; set; }

    public long TotalCents { get; set; }

    public long GstCents { get; set; }

    public long RefundedCents { get; set; }

    public string? CheckoutSessionId { get; set; }

    public string? CheckoutUrl { get; set; }

    public DateTimeOffset? CheckoutExpiresAt { get; set; }

    public string? PaymentIntentId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
}

/// <summary>One line of an order, with the product's name, SKU and price as they were when it was bought.</summary>
internal sealed class OrderLine : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid OrderId { get; set; }

    public Guid VariantId { get; set; }

    public Guid ProductId { get; set; }

    public string ProductName { get; set; } = "";

    public string VariantName { get; set; } = "";

    public string Sku { get; set; } = "";

    public long UnitPriceCents { get; set; }

    public int Quantity { get; set; }

    public bool GstFree { get; set; }

    public long LineTotalCents { get; set; }

    public long GstCents { get; set; }

    public int RefundedQuantity { get; set; }

    public string Title => VariantName.Length == 0 ? ProductName : $"{ProductName}, {VariantName}";
}

/// <summary>A refund of an order (staff's, or one made in Stripe's dashboard that landed here).</summary>
internal sealed class OrderRefund : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid OrderId { get; set; }

    public long AmountCents { get; set; }

    /// <summary>The gateway's refund id; null for a refund learnt from Stripe's <c>charge.refunded</c> alone.</summary>
    public string? RefundId { get; set; }

    public string Note { get; set; } = "";

    public Guid? ByUserId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A product of the franchise's catalogue (decision 0044): written on the franchise's site, published to each of its
/// locations as a location <see cref="Product"/> linked by <see cref="Product.FranchiseProductId"/>, where stock, orders
/// and (when the location chooses) the price are the location's own. The tenant filter shows it to the franchise and
/// its locations only.
/// </summary>
internal sealed class FranchiseProduct : IFranchiseOwned, IAuditable, IVersioned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FranchiseId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Brand { get; set; }

    public ProductCategory Category { get; set; }

    /// <summary>The franchise's price of one, in cents, GST included unless <see cref="GstFree"/>.</summary>
    public long PriceCents { get; set; }

    public long? CompareAtPriceCents { get; set; }

    public bool GstFree { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<FranchiseVariant> Variants { get; set; } = [];
}

/// <summary>A size or flavour of a franchise product: the SKU every location of the franchise sells it under.</summary>
internal sealed class FranchiseVariant : IFranchiseOwned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FranchiseId { get; set; }

    public Guid ProductId { get; set; }

    public string Name { get; set; } = "";

    public string Sku { get; set; } = "";

    public long? PriceCents { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }
}
