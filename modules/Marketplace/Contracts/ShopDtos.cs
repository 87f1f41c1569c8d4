namespace Derrimut.Marketplace.Contracts;

/// <summary>A size or flavour on sale: its own id (what goes in the cart), SKU, price and whether any is available.</summary>
public sealed record ShopVariantDto(Guid VariantId, string Name, string Sku, long PriceCents, bool InStock, int Available);

/// <summary>A product as the shop shows it, with its active variants.</summary>
public sealed record ShopProductDto(
    Guid Id,
    string Name,
    string Description,
    string? Brand,
    ProductCategory Category,
    long PriceCents,
    long? CompareAtPriceCents,
    bool GstFree,
    string? ImageUrl,
    bool InStock,
    IReadOnlyList<ShopVariantDto> Variants);

/// <summary>One page of the catalogue.</summary>
public sealed record ShopProductPage(IReadOnlyList<ShopProductDto> Items, int Page, int PageSize, int Total);

/// <summary>
/// One cart line. <see cref="PriceChanged"/> is true when the price now differs from the price when the line was
/// last changed (<see cref="PreviousPriceCents"/>), so the member sees it before paying.
/// </summary>
public sealed record CartLineDto(
    Guid VariantId,
    Guid ProductId,
    string ProductName,
    string VariantName,
    string Sku,
    int Quantity,
    long UnitPriceCents,
    long LineTotalCents,
    bool PriceChanged,
    long PreviousPriceCents,
    int Available,
    bool Purchasable);

/// <summary>The member's cart at this location, with goods total and the shipping charge if shipped.</summary>
public sealed record CartDto(IReadOnlyList<CartLineDto> Lines, long GoodsCents, long ShippingIfShippedCents, bool ShippingAvailable);

/// <summary>Where an order goes: <c>collect</c> (default) or <c>ship</c> with an address.</summary>
public sealed record DeliveryChoice(string? Method, ShippingAddress? Address);

/// <summary>A checkout that was opened: pay at <see cref="CheckoutUrl"/>.</summary>
public sealed record CheckoutStarted(Guid OrderId, string OrderNumber, string CheckoutUrl, long TotalCents);

/// <summary>One line of an order.</summary>
public sealed record OrderLineDto(
    Guid Id, Guid VariantId, string ProductName, string VariantName, string Sku, int Quantity, long UnitPriceCents, long LineTotalCents,
    bool GstFree, long GstCents, int RefundedQuantity);

/// <summary>An order with its lines, delivery, money and fulfilment.</summary>
public sealed record OrderDto(
    Guid Id,
    string Number,
    Guid UserId,
    string? MemberName,
    OrderChannel Channel,
    OrderStatus Status,
    DeliveryMethod Delivery,
    ShippingAddress? ShipTo,
    long GoodsCents,
    long ShippingCents,
    long TotalCents,
    long GstCents,
    long RefundedCents,
    string? Carrier,
    string? TrackingNumber,
    string? CheckoutUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    IReadOnlyList<OrderLineDto> Lines,
    IReadOnlyList<OrderStatus> NextStatuses);

/// <summary>An order in a list.</summary>
public sealed record OrderSummaryDto(
    Guid Id, string Number, string? MemberName, OrderStatus Status, DeliveryMethod Delivery, long TotalCents, int Items, DateTimeOffset CreatedAt,
    string? TrackingNumber);

/// <summary>The tax invoice of a paid order: the seller, its ABN, GST per line and in total.</summary>
public sealed record TaxInvoiceDto(
    string SellerName, string? Abn, string SellerAddress, string OrderNumber, DateTimeOffset IssuedAt, string BuyerName, string BuyerEmail,
    IReadOnlyList<OrderLineDto> Lines, long ShippingCents, long ShippingGstCents, long TotalCents, long GstCents, long RefundedCents);

/// <summary>One variant's stock at this location, for staff.</summary>
public sealed record StockRowDto(
    Guid VariantId, Guid ProductId, string ProductName, string VariantName, string Sku, int OnHand, int Reserved, int Available, int LowStockThreshold,
    bool IsLow);

/// <summary>One line of the stock ledger.</summary>
public sealed record StockMovementDto(Guid VariantId, StockMovementKind Kind, int Quantity, string? Reason, Guid? OrderId, DateTimeOffset At);

/// <summary>This location's shop settings: the shipping rule (flat, free over a threshold) and the low-stock email.</summary>
public sealed record ShopSettingsDto(bool ShippingEnabled, long ShippingFlatCents, long? FreeShippingOverCents, string? LowStockEmail);
