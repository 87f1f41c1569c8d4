namespace Derrimut.Billing.Contracts;

/// <summary>
/// Implemented by higher modules (Memberships, Bookings, Marketplace) to react to payments; registered in DI as
/// <c>IBillingEventHandler&lt;TEvent&gt;</c>, one registration per event type handled. Billing calls every handler of
/// the event's type inside the webhook's transaction and tenant scope, so a handler's writes commit together with the
/// webhook inbox record; a handler that throws rolls all of it back and Stripe retries the delivery.
/// </summary>
/// <typeparam name="TEvent">One of <see cref="CheckoutCompleted"/>, <see cref="SubscriptionChanged"/>,
/// <see cref="PaymentSucceeded"/>, <see cref="PaymentFailed"/>, <see cref="RefundIssued"/>.</typeparam>
public interface IBillingEventHandler<TEvent>
    where TEvent : IBillingEvent
{
    /// <summary>Applies the event; must be idempotent and must ignore events older than the state it holds.</summary>
    Task HandleAsync(TEvent billingEvent, CancellationToken cancellationToken);
}
