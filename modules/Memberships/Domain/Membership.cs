namespace Derrimut.Memberships.Domain;

/// <summary>
/// A member's paid membership of one location, from the checkout that starts it to the day it ends. Its state is
/// what the gateway last told us (by webhook), applied in event-time order: <see cref="StateAsOf"/> is the Stripe
/// creation time of the newest event applied, and anything older is ignored so that a late delivery never moves
/// the membership backwards.
/// </summary>
internal sealed class Membership : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>
    /// <see cref="UserId"/> while the membership is live (pending, active or past due), null once it ended. A unique
    /// index on (tenant, live user) lets the database refuse a second live membership of the same person at the same
    /// gym, however many requests race (NULLs never collide; SQL Server gets an <c>IS NOT NULL</c> filter).
    /// </summary>
    public Guid? LiveUserId { get; set; }

    public Guid PlanId { get; set; }

    public string PlanCode { get; set; } = "";

    public MembershipStatus Status { get; set; } = MembershipStatus.Pending;

    public string? CheckoutSessionId { get; set; }

    public string? CheckoutUrl { get; set; }

    public DateTimeOffset? CheckoutExpiresAt { get; set; }

    public string? SubscriptionId { get; set; }

    public string? CustomerId { get; set; }

    /// <summary>When the first payment cleared.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the minimum term ends (null for no lock-in).</summary>
    public DateTimeOffset? MinimumTermEndsAt { get; set; }

    /// <summary>The end of the period paid for: the next billing date.</summary>
    public DateTimeOffset? NextBillingAt { get; set; }

    /// <summary>When a requested cancellation takes effect.</summary>
    public DateTimeOffset? CancelsAt { get; set; }

    public DateTimeOffset? CancellationRequestedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Payment collection is paused (a freeze): nothing is charged until <see cref="FrozenUntil"/>.</summary>
    public bool IsFrozen { get; set; }

    public DateTimeOffset? FrozenUntil { get; set; }

    /// <summary>
    /// The billing date (<see cref="NextBillingAt"/>) the last renewal reminder was sent for: one reminder per billing
    /// period, however often the reminder job runs or on however many nodes.
    /// </summary>
    public DateTimeOffset? RenewalReminderSentFor { get; set; }

    /// <summary>The Stripe creation time of the newest event applied to the status; older events are ignored.</summary>
    public DateTimeOffset? StateAsOf { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public bool IsLive => Status is MembershipStatus.Pending or MembershipStatus.Active or MembershipStatus.PastDue;

    /// <summary>Ends the membership for good: frees the member to join again.</summary>
    public void End(MembershipStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt ??= at;
        LiveUserId = null;
        IsFrozen = false;
        FrozenUntil = null;
    }
}
