using System.Text.Json.Serialization;

namespace Derrimut.Marketplace.Contracts;

/// <summary>What kind of thing a product is (the shop's top-level filter).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProductCategory>))]
public enum ProductCategory
{
    /// <summary>Protein, pre-workout, creatine, bars.</summary>
    Supplement = 1,

    /// <summary>Bands, rollers, home-gym kit.</summary>
    Equipment = 2,

    /// <summary>Tees, singlets, hoodies (in sizes).</summary>
    Apparel = 3,

    /// <summary>Shakers, gloves, straps, bottles.</summary>
    Accessory = 4,
}

/// <summary>
/// Where an order is: pending (awaiting payment) → confirmed (paid) → processing (being packed) → shipped or ready for
/// collection → delivered or collected; cancelled when the payment never came or staff cancel it; refunded when all
/// its money went back.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Stock reserved, waiting for the payment.</summary>
    Pending = 1,

    /// <summary>Paid: stock sold.</summary>
    Confirmed = 2,

    /// <summary>Staff are packing it.</summary>
    Processing = 3,

    /// <summary>Handed to the carrier (a tracking number is known).</summary>
    Shipped = 4,

    /// <summary>On the front desk shelf for the member to collect.</summary>
    ReadyForCollection = 5,

    /// <summary>The carrier delivered it.</summary>
    Delivered = 6,

    /// <summary>The member collected it.</summary>
    Collected = 7,

    /// <summary>Never paid (the checkout expired) or cancelled by staff before dispatch.</summary>
    Cancelled = 8,

    /// <summary>All of its money was refunded.</summary>
    Refunded = 9,
}

/// <summary>How the member gets the order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryMethod>))]
public enum DeliveryMethod
{
    /// <summary>Click and collect at the gym (the default).</summary>
    Collect = 1,

    /// <summary>Posted to an Australian address.</summary>
    Ship = 2,
}

/// <summary>Where a sale was made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderChannel>))]
public enum OrderChannel
{
    /// <summary>The member's own online checkout.</summary>
    Online = 1,

    /// <summary>The front desk sold it to the member over the counter.</summary>
    Counter = 2,
}

/// <summary>One kind of line in the stock ledger.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StockMovementKind>))]
public enum StockMovementKind
{
    /// <summary>A delivery arrived (on hand up).</summary>
    Received = 1,

    /// <summary>Held for a checkout (available down, on hand unchanged).</summary>
    Reserved = 2,

    /// <summary>A reservation's checkout expired (available back up).</summary>
    Released = 3,

    /// <summary>A paid order took it (on hand and reservation down).</summary>
    Sold = 4,

    /// <summary>A refunded item went back on the shelf.</summary>
    Returned = 5,

    /// <summary>A count or correction, with a reason (on hand up or down).</summary>
    Adjusted = 6,

    /// <summary>Sent to another location of the franchise.</summary>
    TransferredOut = 7,

    /// <summary>Arrived from another location of the franchise.</summary>
    TransferredIn = 8,

    /// <summary>A refunded item that cannot be sold again (opened, damaged).</summary>
    WrittenOff = 9,
}
