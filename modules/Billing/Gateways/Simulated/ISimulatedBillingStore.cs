namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>
/// The simulated gateway's memory of checkouts, subscriptions and payments: what Stripe would remember. The embedded
/// default keeps it in process memory (<see cref="InMemorySimulatedBillingStore"/>); a database-backed store can replace
/// it so that several nodes share it. Every lookup is by tenant as well as id, so one gym never sees another's.
/// </summary>
internal interface ISimulatedBillingStore
{
    /// <summary>
    /// Adds a new checkout, unless the tenant already used its idempotency key: then the earlier checkout is returned
    /// instead (compare ids to tell).
    /// </summary>
    Task<SimulatedCheckout> AddCheckoutAsync(SimulatedCheckout checkout, CancellationToken cancellationToken);

    /// <summary>The tenant's checkout with this id.</summary>
    Task<SimulatedCheckout?> FindCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken);

    /// <summary>The tenant's subscription with this id.</summary>
    Task<SimulatedSubscription?> FindSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>All of the tenant's subscriptions.</summary>
    Task<IReadOnlyList<SimulatedSubscription>> ListSubscriptionsAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>The tenant's payment known by its payment intent (<c>pi_</c>), charge (<c>ch_</c>) or invoice (<c>in_</c>) id.</summary>
    Task<SimulatedPayment?> FindPaymentAsync(Guid tenantId, string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the given records atomically, all or none. A record at version 1 is inserted (and must be new); a record
    /// at version N replaces the stored version N−1. Returns false, saving nothing, when any record changed meanwhile.
    /// </summary>
    Task<bool> TrySaveAsync(
        SimulatedCheckout? checkout = null,
        SimulatedSubscription? subscription = null,
        SimulatedPayment? payment = null,
        CancellationToken cancellationToken = default);
}
