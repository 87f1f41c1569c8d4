namespace Derrimut.Memberships.Domain;

/// <summary>
/// How the gateway's news moves a membership. Stripe delivers at least once and in any order, so every rule here is
/// idempotent and compares the event's time with <see cref="Membership.StateAsOf"/>: an event older than what was
/// last applied changes nothing, and an ended membership never comes back (a subscription deleted before its
/// "created" event arrived stays cancelled).
/// </summary>
internal static class MembershipLifecycle
{
    /// <summary>What happened when an event was offered to a membership.</summary>
    internal enum Outcome
    {
        Applied,
        IgnoredAsStale,
        IgnoredAsEnded,
        Unchanged,
    }

    /// <summary>
    /// Applies a subscription's state as carried by a <c>customer.subscription.*</c> event created at
    /// <paramref name="eventAt"/>. A deletion ends the membership whatever its time (deleted is terminal).
    /// </summary>
    public static Outcome ApplySubscription(Membership membership, SubscriptionChange change, SubscriptionSnapshot snapshot, DateTimeOffset eventAt, int minimumTermMonths)
    {
        if (!membership.IsLive)
        {
            return Outcome.IgnoredAsEnded;
        }

        membership.SubscriptionId ??= snapshot.SubscriptionId;
        membership.CustomerId ??= snapshot.CustomerId;
        if (change == SubscriptionChange.Deleted || snapshot.IsTerminal)
        {
            var ended = snapshot.EndedAt ?? snapshot.CanceledAt ?? eventAt;
            membership.End(membership.StartedAt is null && snapshot.Status == SubscriptionStatus.IncompleteExpired ? MembershipStatus.Expired : MembershipStatus.Cancelled, ended);
            membership.CancelsAt = null;
            membership.StateAsOf = Later(membership.StateAsOf, eventAt);
            return Outcome.Applied;
        }

        if (membership.StateAsOf is { } asOf && eventAt < asOf)
        {
            return Outcome.IgnoredAsStale;
        }

        var status = snapshot.Status switch
        {
            SubscriptionStatus.Active or SubscriptionStatus.Trialing => MembershipStatus.Active,
            SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid or SubscriptionStatus.Paused => MembershipStatus.PastDue,
            SubscriptionStatus.Incomplete => MembershipStatus.Pending,
            _ => membership.Status, // A status this build does not know: keep what we have.
        };

        // A subscription only goes back to incomplete if it never started; never demote a member who has paid.
        if (status == MembershipStatus.Pending && membership.StartedAt is not null)
        {
            status = membership.Status;
        }

        membership.Status = status;
        if (status == MembershipStatus.Active)
        {
            Start(membership, snapshot.CurrentPeriodStart ?? eventAt, minimumTermMonths);
        }

        membership.NextBillingAt = snapshot.CurrentPeriodEnd ?? membership.NextBillingAt;
        membership.CancelsAt = snapshot.CancelAtPeriodEnd ? snapshot.CurrentPeriodEnd ?? snapshot.CancelAt : snapshot.CancelAt;
        membership.IsFrozen = snapshot.CollectionPaused;
        membership.FrozenUntil = snapshot.CollectionPaused ? snapshot.CollectionResumesAt : null;
        membership.StateAsOf = eventAt;
        return Outcome.Applied;
    }

    /// <summary>A checkout for this membership completed: paid (or nothing due) starts it.</summary>
    public static Outcome ApplyCheckoutCompleted(Membership membership, CheckoutCompleted completed, int minimumTermMonths)
    {
        if (!membership.IsLive)
        {
            return Outcome.IgnoredAsEnded;
        }

        membership.CheckoutSessionId ??= completed.CheckoutSessionId;
        membership.SubscriptionId ??= completed.SubscriptionId;
        membership.CustomerId ??= completed.CustomerId;
        if (completed.PaymentStatus == CheckoutPaymentStatus.Unpaid)
        {
            // A delayed payment method: it starts when the async payment succeeds (a second CheckoutCompleted).
            return Outcome.Unchanged;
        }

        if (membership.Status != MembershipStatus.Pending)
        {
            return Outcome.Unchanged;
        }

        if (membership.StateAsOf is { } asOf && completed.StripeEventCreatedAt < asOf)
        {
            return Outcome.IgnoredAsStale;
        }

        membership.Status = MembershipStatus.Active;
        Start(membership, completed.StripeEventCreatedAt, minimumTermMonths);
        membership.StateAsOf = completed.StripeEventCreatedAt;
        return Outcome.Applied;
    }

    /// <summary>A renewal could not be collected: the member is past due, unless newer news says otherwise.</summary>
    public static Outcome ApplyInvoiceFailed(Membership membership, DateTimeOffset eventAt)
    {
        if (!membership.IsLive)
        {
            return Outcome.IgnoredAsEnded;
        }

        if (membership.StateAsOf is { } asOf && eventAt < asOf)
        {
            return Outcome.IgnoredAsStale;
        }

        if (membership.Status != MembershipStatus.Active)
        {
            return Outcome.Unchanged;
        }

        membership.Status = MembershipStatus.PastDue;
        membership.StateAsOf = eventAt;
        return Outcome.Applied;
    }

    /// <summary>An invoice was paid: a past-due member is square again.</summary>
    public static Outcome ApplyInvoicePaid(Membership membership, DateTimeOffset eventAt, DateTimeOffset? paidUntil, int minimumTermMonths)
    {
        if (!membership.IsLive)
        {
            return Outcome.IgnoredAsEnded;
        }

        if (membership.StateAsOf is { } asOf && eventAt < asOf)
        {
            return Outcome.IgnoredAsStale;
        }

        if (membership.Status == MembershipStatus.Active && membership.NextBillingAt >= paidUntil)
        {
            return Outcome.Unchanged;
        }

        membership.Status = MembershipStatus.Active;
        Start(membership, eventAt, minimumTermMonths);
        if (paidUntil is not null && (membership.NextBillingAt is null || paidUntil > membership.NextBillingAt))
        {
            membership.NextBillingAt = paidUntil;
        }

        membership.StateAsOf = eventAt;
        return Outcome.Applied;
    }

    /// <summary>The checkout was never paid: the membership never started and the member may try again.</summary>
    public static Outcome ApplyCheckoutFailed(Membership membership, DateTimeOffset eventAt)
    {
        if (membership.Status != MembershipStatus.Pending)
        {
            return membership.IsLive ? Outcome.Unchanged : Outcome.IgnoredAsEnded;
        }

        membership.End(MembershipStatus.Expired, eventAt);
        membership.StateAsOf = Later(membership.StateAsOf, eventAt);
        return Outcome.Applied;
    }

    /// <summary>When a member asking to cancel now actually stops: the end of the minimum term if it is still running.</summary>
    public static DateTimeOffset? MinimumTermEnd(Membership membership) => membership.MinimumTermEndsAt;

    private static void Start(Membership membership, DateTimeOffset startedAt, int minimumTermMonths)
    {
        if (membership.StartedAt is not null)
        {
            return;
        }

        membership.StartedAt = startedAt;
        membership.MinimumTermEndsAt = minimumTermMonths > 0 ? startedAt.AddMonths(minimumTermMonths) : null;
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
