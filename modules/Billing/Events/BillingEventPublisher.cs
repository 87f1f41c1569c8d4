using Derrimut.BuildingBlocks.Events;

namespace Derrimut.Billing.Events;

/// <summary>
/// Hands a billing event to the kernel's <see cref="IIntegrationEventPublisher"/>, which calls every
/// <see cref="IIntegrationEventHandler{TEvent}"/> registered for its type in the caller's scope: the webhook endpoint
/// calls it inside the tenant scope and the transaction that also records the webhook in the inbox, so a handler's
/// failure rolls everything back.
/// </summary>
internal sealed class BillingEventPublisher(IIntegrationEventPublisher publisher)
{
    /// <summary>Publishes one event; returns how many handlers received it.</summary>
    public Task<int> PublishAsync(IBillingEvent billingEvent, CancellationToken cancellationToken) => billingEvent switch
    {
        // A closed switch rather than reflection: the set of billing events is the module's contract, and each must
        // reach the handlers of its own type (not of IBillingEvent).
        CheckoutCompleted e => publisher.PublishAsync(e, cancellationToken),
        SubscriptionChanged e => publisher.PublishAsync(e, cancellationToken),
        PaymentSucceeded e => publisher.PublishAsync(e, cancellationToken),
        PaymentFailed e => publisher.PublishAsync(e, cancellationToken),
        RefundIssued e => publisher.PublishAsync(e, cancellationToken),
        _ => throw new ArgumentException($"{billingEvent.GetType().Name} is not a billing event.", nameof(billingEvent)),
    };
}
