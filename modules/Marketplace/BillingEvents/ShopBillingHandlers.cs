using Derrimut.Marketplace.Features.Checkout;
using Derrimut.Marketplace.Features.Orders;

namespace Derrimut.Marketplace.BillingEvents;

/// <summary>
/// Applies Billing's integration events to shop orders (purpose <see cref="CheckoutPurposes.ShopOrder"/>, the order id
/// in the reference). Runs in the webhook's tenant scope and transaction. Each change is a conditional status UPDATE,
/// so a repeated or late event changes nothing: a checkout turns into a sale exactly once, an expired checkout
/// releases its reservation exactly once, and a paid order is never cancelled by a stale expiry.
/// </summary>
internal sealed class ShopBillingHandlers(
    DerrimutDbContext db,
    StockLedger ledger,
    UnpaidOrders unpaid,
    OrderNotices notices,
    OrderLiveNotices live,
    LowStockWatch lowStock,
    TimeProvider time,
    ILogger<ShopBillingHandlers> logger)
    : IIntegrationEventHandler<CheckoutCompleted>,
      IIntegrationEventHandler<PaymentFailed>,
      IIntegrationEventHandler<RefundIssued>
{
    public async Task HandleAsync(CheckoutCompleted billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose != CheckoutPurposes.ShopOrder || billingEvent.PaymentStatus == CheckoutPaymentStatus.Unpaid
            || !Guid.TryParse(billingEvent.Reference, out var orderId))
        {
            return;
        }

        var now = time.GetUtcNow();
        var won = await db.Set<Order>().Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OrderStatus.Confirmed)
                .SetProperty(o => o.PaidAt, billingEvent.StripeEventCreatedAt)
                .SetProperty(o => o.PaymentIntentId, billingEvent.PaymentIntentId)
                .SetProperty(o => o.UpdatedAt, now)
                .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Checkout {Session} completed for no known shop order {Order}", billingEvent.CheckoutSessionId, billingEvent.Reference);
            return;
        }

        if (won == 0)
        {
            if (order.Status == OrderStatus.Cancelled)
            {
                // Stripe does not take payment on an expired session, so this is a bug or a manual capture: staff must act.
                logger.LogError("Shop order {Order} was paid after it was cancelled; refund it or restock by hand", order.Number);
            }

            return; // Already confirmed: a repeated delivery.
        }

        foreach (var line in order.Lines.OrderBy(l => l.VariantId))
        {
            if (!await ledger.SellReservedAsync(line.VariantId, line.Quantity, order.Id, cancellationToken))
            {
                // The reservation is gone (never happens while the rules hold); roll the whole event back and let it retry.
                throw new InvalidOperationException($"Order {order.Number}'s reservation of {line.Sku} is missing.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await lowStock.CheckAsync([.. order.Lines.Select(l => l.VariantId)], cancellationToken);
        await live.ChangedAsync(order.UserId, OrderStatus.Confirmed, cancellationToken);
        await notices.StatusChangedAsync(order.UserId, order.Number, OrderStatus.Confirmed, null, null, cancellationToken);
    }

    public async Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose != CheckoutPurposes.ShopOrder || billingEvent.Stage == PaymentFailureStage.Invoice
            || !Guid.TryParse(billingEvent.Reference, out var orderId))
        {
            return;
        }

        await unpaid.CancelAsync(orderId, billingEvent.Stage == PaymentFailureStage.CheckoutExpired
            ? "The checkout expired without payment."
            : "The payment failed.", cancellationToken);
    }

    public async Task HandleAsync(RefundIssued billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose is { } purpose && purpose != CheckoutPurposes.ShopOrder)
        {
            return;
        }

        var order = Guid.TryParse(billingEvent.Reference, out var orderId)
            ? await db.Set<Order>().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            : billingEvent.PaymentIntentId is { } intent
                ? await db.Set<Order>().FirstOrDefaultAsync(o => o.PaymentIntentId == intent, cancellationToken)
                : null;
        if (order is null)
        {
            return;
        }

        // Amounts are cumulative: only what exceeds what the order already knows is new (a refund made in Stripe's
        // dashboard); a refund staff made here was recorded when it was made, so its event changes nothing.
        var known = order.RefundedCents;
        var total = Math.Min(billingEvent.AmountRefundedCents, order.TotalCents);
        if (total <= known)
        {
            return;
        }

        order.RefundedCents = total;
        db.Add(new OrderRefund
        {
            OrderId = order.Id,
            AmountCents = total - known,
            Note = "Refunded in the payment provider's dashboard.",
            At = billingEvent.StripeEventCreatedAt,
        });
        if (total >= order.TotalCents && order.Status != OrderStatus.Refunded)
        {
            order.Status = OrderStatus.Refunded;
        }

        await db.SaveChangesAsync(cancellationToken);
        await live.ChangedAsync(order.UserId, order.Status, cancellationToken);
        await notices.RefundedAsync(order.UserId, order.Number, total - known, cancellationToken);
    }
}
