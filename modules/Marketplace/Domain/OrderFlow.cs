namespace Derrimut.Marketplace.Domain;

/// <summary>
/// Which status changes staff may make. Payment (pending → confirmed), expiry (pending → cancelled) and refunds are
/// made by Billing's events and the refund use case (a full refund is how staff cancel a paid order), never by hand.
/// </summary>
internal static class OrderFlow
{
    public static IReadOnlyList<OrderStatus> NextByStaff(OrderStatus status, DeliveryMethod delivery) => status switch
    {
        OrderStatus.Confirmed => [OrderStatus.Processing, delivery == DeliveryMethod.Ship ? OrderStatus.Shipped : OrderStatus.ReadyForCollection],
        OrderStatus.Processing => [delivery == DeliveryMethod.Ship ? OrderStatus.Shipped : OrderStatus.ReadyForCollection],
        OrderStatus.Shipped => [OrderStatus.Delivered],
        OrderStatus.ReadyForCollection => [OrderStatus.Collected],
        _ => [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to, DeliveryMethod delivery) => NextByStaff(from, delivery).Contains(to);

    /// <summary>True while the order's money is held and its goods not handed over (a refund returns stock).</summary>
    public static bool IsPaid(OrderStatus status) => status is not (OrderStatus.Pending or OrderStatus.Cancelled);

    /// <summary>GST in a line: one eleventh of a taxable GST-inclusive total, none for a GST-free supply.</summary>
    public static long GstOf(long lineTotalCents, bool gstFree) => gstFree ? 0 : Gst.ComponentOf(lineTotalCents);
}
