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
    IReadOnlyList<ShopVariantDto> Variants,
    bool FromFranchise = false,
    bool OwnPrice = false);

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

/// <summary>One page of the staff's orders board, newest first, with the total the filter matches.</summary>
public sealed record OrderBoardPage(IReadOnlyList<OrderSummaryDto> Items, int Total, int Page, int PageSize);

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

/// <summary>A variant of a franchise catalogue product: the SKU every location sells it under.</summary>
public sealed record FranchiseVariantDto(Guid Id, string Name, string Sku, long? PriceCents, bool IsActive);

/// <summary>A product of the franchise's catalogue (the franchise's price; a location may set its own).</summary>
public sealed record FranchiseProductDto(
    Guid Id, string Name, string Description, string? Brand, ProductCategory Category, long PriceCents, long? CompareAtPriceCents, bool GstFree,
    bool IsActive, IReadOnlyList<FranchiseVariantDto> Variants);

/// <summary>How publishing went at one location.</summary>
public sealed record LocationPublication(Guid LocationId, string LocationName, bool Published, string? Problem);

/// <summary>A saved (or republished) franchise product and how publishing went at each location of the franchise.</summary>
public sealed record FranchisePublication(FranchiseProductDto? Product, IReadOnlyList<LocationPublication> Locations);

/// <summary>What bringing the franchise catalogue into one location did.</summary>
public sealed record FranchiseSyncResult(int Added, int Updated, IReadOnlyList<string> Problems);

/// <summary>Another location of the franchise that stock can be sent to.</summary>
public sealed record TransferDestinationDto(Guid LocationId, string Name);
