namespace Derrimut.Billing.Events;

/// <summary>
/// Hands an integration event to every <see cref="IBillingEventHandler{TEvent}"/> registered for its type, one after
/// another in registration order. It runs in the caller's scope: the webhook endpoint calls it inside the tenant scope
/// and the transaction that also records the webhook in the inbox, so a handler's failure rolls everything back.
/// </summary>
internal sealed class BillingEventPublisher(IServiceProvider services)
{
    /// <summary>Publishes one event; returns how many handlers received it.</summary>
    public Task<int> PublishAsync(IBillingEvent billingEvent, CancellationToken cancellationToken) => billingEvent switch
    {
        // A closed switch rather than reflection: the set of billing events is the module's contract.
        CheckoutCompleted e => DispatchAsync(e, cancellationToken),
        SubscriptionChanged e => DispatchAsync(e, cancellationToken),
        PaymentSucceeded e => DispatchAsync(e, cancellationToken),
        PaymentFailed e => DispatchAsync(e, cancellationToken),
        RefundIssued e => DispatchAsync(e, cancellationToken),
        _ => throw new ArgumentException($"{billingEvent.GetType().Name} is not a billing event.", nameof(billingEvent)),
    };

    private async Task<int> DispatchAsync<TEvent>(TEvent billingEvent, CancellationToken cancellationToken)
        where TEvent : IBillingEvent
    {
        var count = 0;
        foreach (var handler in services.GetServices<IBillingEventHandler<TEvent>>())
        {
            await handler.HandleAsync(billingEvent, cancellationToken);
            count++;
        }

        return count;
    }
}
