using Derrimut.Marketplace.Features.Orders;

namespace Derrimut.Marketplace.Features.Checkout;

/// <summary>
/// Cancels an order that will not be paid, gives its stock back and tells the member (their orders page live, and by
/// email), once: a conditional status change lets only one of the gateway's event, the lapsed-checkouts job and a late
/// payment win. One rule for the billing handler and the job.
/// </summary>
internal sealed class UnpaidOrders(DerrimutDbContext db, OrderPlacement placement, OrderNotices notices, OrderLiveNotices live)
{
    /// <summary>True when this call cancelled the order; false when it was no longer pending.</summary>
    public async Task<bool> CancelAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        if (!await placement.CancelUnpaidAsync(orderId, reason, cancellationToken))
        {
            return false;
        }

        var order = await db.Set<Order>().AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.UserId, o.Number }).FirstAsync(cancellationToken);
        await live.ChangedAsync(order.UserId, OrderStatus.Cancelled, cancellationToken);
        await notices.StatusChangedAsync(order.UserId, order.Number, OrderStatus.Cancelled, null, null, cancellationToken);
        return true;
    }
}
