namespace Derrimut.Billing.Contracts;

/// <summary>
/// A subscription's status as Stripe names it (<c>Stripe.SubscriptionStatuses</c>). Stripe says the list can grow;
/// a value this build does not know is <see cref="Unknown"/>.
/// </summary>
public enum SubscriptionStatus
{
    /// <summary>A status this build does not know.</summary>
    Unknown = 0,

    /// <summary>The first payment failed or needs action; after 23 hours it becomes <see cref="IncompleteExpired"/>.</summary>
    Incomplete = 1,

    /// <summary>The first payment never succeeded. Terminal.</summary>
    IncompleteExpired = 2,

    /// <summary>In a free trial.</summary>
    Trialing = 3,

    /// <summary>Paid up.</summary>
    Active = 4,

    /// <summary>A renewal payment failed; Stripe is retrying.</summary>
    PastDue = 5,

    /// <summary>Ended. Terminal.</summary>
    Canceled = 6,

    /// <summary>Retries exhausted and the subscription kept (per the account's settings); invoices are not collected.</summary>
    Unpaid = 7,

    /// <summary>A trial ended without a payment method. Not a freeze: see <see cref="SubscriptionSnapshot.CollectionPaused"/>.</summary>
    Paused = 8,
}

/// <summary>A subscription's state at one moment, as the gateway reported it.</summary>
/// <param name="SubscriptionId">The gateway's id (<c>sub_…</c>).</param>
/// <param name="CustomerId">The gateway's customer (<c>cus_…</c>).</param>
/// <param name="Status">The status.</param>
/// <param name="CurrentPeriodStart">Start of the period paid for (since Stripe API 2025-03-31 this lives on the items).</param>
/// <param name="CurrentPeriodEnd">End of the period paid for: the next billing date (the latest of the items' ends).</param>
/// <param name="CancelAtPeriodEnd">The subscription ends at <paramref name="CurrentPeriodEnd"/>.</param>
/// <param name="CancelAt">When it is scheduled to end, if it is.</param>
/// <param name="CanceledAt">When the cancellation was asked for (Stripe sets it at the request, not at the end).</param>
/// <param name="EndedAt">When it actually ended.</param>
/// <param name="CollectionPaused">Collection is paused (a freeze): invoices are voided, nobody is charged.</param>
/// <param name="CollectionResumesAt">When a paused collection resumes by itself.</param>
public sealed record SubscriptionSnapshot(
    string SubscriptionId,
    string CustomerId,
    SubscriptionStatus Status,
    DateTimeOffset? CurrentPeriodStart,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    DateTimeOffset? CancelAt,
    DateTimeOffset? CanceledAt,
    DateTimeOffset? EndedAt,
    bool CollectionPaused,
    DateTimeOffset? CollectionResumesAt)
{
    /// <summary>True for states that never change again (<see cref="SubscriptionStatus.Canceled"/>, <see cref="SubscriptionStatus.IncompleteExpired"/>).</summary>
    public bool IsTerminal => Status is SubscriptionStatus.Canceled or SubscriptionStatus.IncompleteExpired;
}
