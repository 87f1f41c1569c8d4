namespace Derrimut.Marketplace.Contracts;

/// <summary>Live-update topics the shop publishes (see <c>ILiveUpdates</c>).</summary>
public static class ShopTopics
{
    /// <summary>
    /// An order's money changed: it was paid (online or at the counter), refunded in part or whole, or cancelled unpaid.
    /// UserId = the buyer; Detail = the order's status. Open dashboards reload their shop figures on it.
    /// </summary>
    public const string Orders = "shop-orders";
}
