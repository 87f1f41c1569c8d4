using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.BillingEvents;

/// <summary>
/// Applies Billing's integration events to memberships and the ledger. Runs inside the webhook's tenant scope and
/// transaction (so its writes commit with the inbox record); every rule is idempotent and order-tolerant (see
/// <see cref="MembershipLifecycle"/>), and ledger lines are unique by the gateway's reference.
/// </summary>
internal sealed class MembershipBillingHandlers(
    DerrimutDbContext db,
    IPaymentGateway gateway,
    MembershipNotices notices,
    TimeProvider time,
    ILogger<MembershipBillingHandlers> logger)
    : IIntegrationEventHandler<CheckoutCompleted>,
      IIntegrationEventHandler<SubscriptionChanged>,
      IIntegrationEventHandler<PaymentSucceeded>,
      IIntegrationEventHandler<PaymentFailed>,
      IIntegrationEventHandler<RefundIssued>
{
    public async Task HandleAsync(CheckoutCompleted billingEvent, CancellationToken cancellationToken)
    {
        if (!IsMembership(billingEvent.Purpose) || billingEvent.Mode != CheckoutMode.Subscription)
        {
            return;
        }

        var (membership, minimumTermMonths) = await FindAsync(billingEvent.SubscriptionId, billingEvent.CheckoutSessionId, billingEvent.UserId, cancellationToken);
        if (membership is null)
        {
            logger.LogWarning("Checkout {Session} completed for no known membership of {User}", billingEvent.CheckoutSessionId, billingEvent.UserId);
            return;
        }

        var outcome = MembershipLifecycle.ApplyCheckoutCompleted(membership, billingEvent, minimumTermMonths);
        await SaveAsync(membership, outcome, billingEvent, cancellationToken);
    }

    public async Task HandleAsync(SubscriptionChanged billingEvent, CancellationToken cancellationToken)
    {
        if (!IsMembership(billingEvent.Purpose))
        {
            return;
        }

        var (membership, minimumTermMonths) = await FindAsync(billingEvent.Subscription.SubscriptionId, null, billingEvent.UserId, cancellationToken);
        if (membership is null)
        {
            logger.LogWarning("Subscription {Subscription} changed for no known membership of {User}", billingEvent.Subscription.SubscriptionId, billingEvent.UserId);
            return;
        }

        var snapshot = billingEvent.Subscription;
        if (billingEvent.Change != SubscriptionChange.Deleted && membership.StateAsOf == billingEvent.StripeEventCreatedAt)
        {
            // Two events in the same second cannot be ordered by time: ask the gateway what is true now.
            snapshot = await CurrentAsync(billingEvent, cancellationToken) ?? snapshot;
        }

        var outcome = MembershipLifecycle.ApplySubscription(
            membership, billingEvent.Change, snapshot, billingEvent.StripeEventCreatedAt, minimumTermMonths);
        await SaveAsync(membership, outcome, billingEvent, cancellationToken);
    }

    public async Task HandleAsync(PaymentSucceeded billingEvent, CancellationToken cancellationToken)
    {
        if (!IsMembership(billingEvent.Purpose))
        {
            return;
        }

        var (membership, minimumTermMonths) = await FindAsync(billingEvent.SubscriptionId, null, billingEvent.UserId, cancellationToken);
        if (!await ChargeRecorded.InvokeAsync(db, billingEvent.InvoiceId))
        {
            db.Add(new LedgerEntry
            {
                UserId = billingEvent.UserId,
                MembershipId = membership?.Id,
                Kind = LedgerEntryKind.Charge,
                OccurredAt = billingEvent.StripeEventCreatedAt,
                AmountCents = billingEvent.AmountPaidCents,
                GstCents = billingEvent.GstCents,
                Description = billingEvent.BillingReason switch
                {
                    InvoiceBillingReason.SubscriptionCreate => "First payment" + PlanSuffix(billingEvent.PlanCode),
                    InvoiceBillingReason.SubscriptionCycle => "Membership renewal" + PlanSuffix(billingEvent.PlanCode),
                    _ => "Membership payment" + PlanSuffix(billingEvent.PlanCode),
                },
                Reference = billingEvent.InvoiceId,
                InvoiceId = billingEvent.InvoiceId,
                PaymentIntentId = billingEvent.PaymentIntentId,
            });
        }

        var outcome = MembershipLifecycle.Outcome.Unchanged;
        if (membership is not null)
        {
            outcome = MembershipLifecycle.ApplyInvoicePaid(
                membership, billingEvent.StripeEventCreatedAt, billingEvent.ServicePeriodEnd, minimumTermMonths);
        }

        await SaveAsync(membership, outcome, billingEvent, cancellationToken, ledgerChanged: true, userId: billingEvent.UserId);
    }

    public async Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken)
    {
        if (!IsMembership(billingEvent.Purpose))
        {
            return;
        }

        var (membership, _) = await FindAsync(billingEvent.SubscriptionId, billingEvent.CheckoutSessionId, billingEvent.UserId, cancellationToken);
        var outcome = MembershipLifecycle.Outcome.Unchanged;
        if (billingEvent.Stage == PaymentFailureStage.Invoice && billingEvent.InvoiceId is { } invoiceId)
        {
            var reference = $"{invoiceId}#{billingEvent.AttemptCount}";
            if (!await FailedPaymentRecorded.InvokeAsync(db, reference))
            {
                db.Add(new LedgerEntry
                {
                    UserId = billingEvent.UserId,
                    MembershipId = membership?.Id,
                    Kind = LedgerEntryKind.FailedPayment,
                    OccurredAt = billingEvent.StripeEventCreatedAt,
                    AmountCents = billingEvent.AmountDueCents,
                    GstCents = billingEvent.GstCents,
                    Description = billingEvent.NextPaymentAttempt is null
                        ? "Payment declined"
                        : "Payment declined; we will try again",
                    Reference = reference,
                    InvoiceId = invoiceId,
                });
            }

            if (membership is not null)
            {
                outcome = MembershipLifecycle.ApplyInvoiceFailed(membership, billingEvent.StripeEventCreatedAt);
            }
        }
        else if (membership is not null && billingEvent.Stage is PaymentFailureStage.CheckoutExpired or PaymentFailureStage.CheckoutAsyncPayment
                 && (membership.CheckoutSessionId is null || membership.CheckoutSessionId == billingEvent.CheckoutSessionId))
        {
            outcome = MembershipLifecycle.ApplyCheckoutFailed(membership, billingEvent.StripeEventCreatedAt);
        }

        await SaveAsync(membership, outcome, billingEvent, cancellationToken, ledgerChanged: true, userId: billingEvent.UserId);
    }

    public async Task HandleAsync(RefundIssued billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose is { } purpose && !IsMembership(purpose))
        {
            return;
        }

        // Subscription charges carry no member: find the refund line staff already recorded for this charge, or the
        // charge line by its payment.
        var line = await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Refund && e.Reference == billingEvent.ChargeId, cancellationToken);
        var charge = line is null && billingEvent.PaymentIntentId is { } intent
            ? await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Charge && e.PaymentIntentId == intent, cancellationToken)
            : null;
        if (line is null && charge is null && billingEvent.PaymentIntentId is { } paymentIntent)
        {
            // A renewal recorded from invoice.paid carries no payment intent (Stripe leaves the invoice's payments out
            // of webhooks), and a refund made in Stripe's dashboard names only the charge and its payment intent: ask
            // the gateway which invoice that payment paid, and match the renewal by its invoice.
            var invoiceId = await gateway.FindInvoiceOfPaymentAsync(billingEvent.TenantId, paymentIntent, cancellationToken);
            charge = invoiceId is null
                ? null
                : await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Charge && e.InvoiceId == invoiceId, cancellationToken);
        }

        var userId = line?.UserId ?? charge?.UserId ?? billingEvent.UserId;
        if (userId is not { } member)
        {
            logger.LogInformation("Refund of {Charge} matches no membership charge; not a membership refund", billingEvent.ChargeId);
            return;
        }

        if (line is null)
        {
            line = new LedgerEntry
            {
                UserId = member,
                MembershipId = charge?.MembershipId,
                Kind = LedgerEntryKind.Refund,
                Reference = billingEvent.ChargeId,
                PaymentIntentId = billingEvent.PaymentIntentId,
                InvoiceId = charge?.InvoiceId,
            };
            db.Add(line);
        }
        else if (-line.AmountCents >= billingEvent.AmountRefundedCents)
        {
            return; // Refund amounts are cumulative: a late or repeated event is already counted.
        }

        line.AmountCents = -billingEvent.AmountRefundedCents;
        line.GstCents = -billingEvent.RefundedGstCents;
        line.OccurredAt = billingEvent.StripeEventCreatedAt;
        line.Description = billingEvent.FullyRefunded ? "Refund" : "Partial refund";
        await db.SaveChangesAsync(cancellationToken);
        notices.Changed(member, MembershipStatus.Active);
        await FlushIfCommittedAsync(cancellationToken);
    }

    private static bool IsMembership(string purpose) => string.Equals(purpose, CheckoutPurposes.Membership, StringComparison.Ordinal);

    private static string PlanSuffix(string? planCode) => planCode is null ? "" : $" ({planCode})";

    /// <summary>
    /// The membership an event is about — by subscription, by checkout, else the member's live one here — with its
    /// plan's minimum term, which the lifecycle's rules need for every change. Read together in one round trip: this
    /// runs for every Stripe event, and a second query for the term was a fifth of a delivery's statements.
    /// </summary>
    private async Task<(Membership? Membership, int MinimumTermMonths)> FindAsync(
        string? subscriptionId, string? checkoutSessionId, Guid userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (subscriptionId is not null && await BySubscription.InvokeAsync(db, subscriptionId) is { } bySubscription)
        {
            return (bySubscription.Membership, bySubscription.MinimumTermMonths);
        }

        if (checkoutSessionId is not null && await ByCheckout.InvokeAsync(db, checkoutSessionId) is { } byCheckout)
        {
            return (byCheckout.Membership, byCheckout.MinimumTermMonths);
        }

        // Events can arrive before checkout.session.completed told us the subscription id: the member's live
        // membership that has no subscription yet is the one being paid for.
        return await LiveWithoutSubscription.InvokeAsync(db, userId) is { } live ? (live.Membership, live.MinimumTermMonths) : default;
    }

    // Every Stripe event runs one of these, so they are compiled queries: EF Core skips walking and hashing the LINQ tree
    // on each call (decision 0086). The tenant filter still comes from the context that runs them. The membership is
    // tracked: the handler changes it and saves.
    private static readonly ModelCompiledQuery<string, MembershipWithTerm?> BySubscription =
        new((db, subscriptionId) => db.Set<Membership>()
            .Where(m => m.SubscriptionId == subscriptionId)
            .Select(m => new MembershipWithTerm(m, db.Set<Plan>().Where(p => p.Id == m.PlanId).Select(p => p.MinimumTermMonths).FirstOrDefault()))
            .FirstOrDefault());

    private static readonly ModelCompiledQuery<string, MembershipWithTerm?> ByCheckout =
        new((db, checkoutSessionId) => db.Set<Membership>()
            .Where(m => m.CheckoutSessionId == checkoutSessionId)
            .Select(m => new MembershipWithTerm(m, db.Set<Plan>().Where(p => p.Id == m.PlanId).Select(p => p.MinimumTermMonths).FirstOrDefault()))
            .FirstOrDefault());

    private static readonly ModelCompiledQuery<Guid, MembershipWithTerm?> LiveWithoutSubscription =
        new((db, userId) => db.Set<Membership>()
            .Where(m => m.LiveUserId == userId && m.SubscriptionId == null)
            .Select(m => new MembershipWithTerm(m, db.Set<Plan>().Where(p => p.Id == m.PlanId).Select(p => p.MinimumTermMonths).FirstOrDefault()))
            .FirstOrDefault());

    private static readonly ModelCompiledQuery<string, bool> ChargeRecorded =
        new((db, reference) => db.Set<LedgerEntry>().Any(e => e.Kind == LedgerEntryKind.Charge && e.Reference == reference));

    private static readonly ModelCompiledQuery<string, bool> FailedPaymentRecorded =
        new((db, reference) => db.Set<LedgerEntry>().Any(e => e.Kind == LedgerEntryKind.FailedPayment && e.Reference == reference));

    private sealed record MembershipWithTerm(Membership Membership, int MinimumTermMonths);

    private async Task<SubscriptionSnapshot?> CurrentAsync(SubscriptionChanged billingEvent, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.GetSubscriptionAsync(billingEvent.TenantId, billingEvent.Subscription.SubscriptionId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (PaymentGatewayException ex) when (!ex.IsTransient)
        {
            logger.LogWarning(ex, "Could not re-fetch subscription {Subscription}; applying the event's state", billingEvent.Subscription.SubscriptionId);
            return null;
        }
    }

    private async Task SaveAsync(
        Membership? membership, MembershipLifecycle.Outcome outcome, IBillingEvent billingEvent, CancellationToken cancellationToken,
        bool ledgerChanged = false, Guid? userId = null)
    {
        if (membership is not null && outcome == MembershipLifecycle.Outcome.Applied)
        {
            db.Add(new MembershipAuditEntry
            {
                MembershipId = membership.Id,
                Action = "gateway-update",
                Detail = $"{billingEvent.GetType().Name} {billingEvent.StripeEventId} → {membership.Status}",
                At = time.GetUtcNow(),
            });
        }
        else if (membership is not null && outcome is MembershipLifecycle.Outcome.IgnoredAsStale or MembershipLifecycle.Outcome.IgnoredAsEnded)
        {
            logger.LogInformation("Ignored {Event} {EventId} for membership {Membership}: {Outcome}",
                billingEvent.GetType().Name, billingEvent.StripeEventId, membership.Id, outcome);
        }

        await db.SaveChangesAsync(cancellationToken);
        if ((membership is not null && outcome == MembershipLifecycle.Outcome.Applied) || ledgerChanged)
        {
            notices.Changed(membership?.UserId ?? userId ?? Guid.Empty, membership?.Status ?? MembershipStatus.Active);
            await FlushIfCommittedAsync(cancellationToken);
        }
    }

    /// <summary>Outside a transaction our save was the commit: push now. Inside one, the scope's end pushes.</summary>
    private Task FlushIfCommittedAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? notices.FlushAsync(cancellationToken) : Task.CompletedTask;
}
