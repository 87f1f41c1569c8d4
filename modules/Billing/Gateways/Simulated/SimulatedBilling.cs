using System.Collections.Immutable;
using Stripe;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>
/// What the payer and the passing of time do under the simulated gateway: press Pay or Decline on the checkout page,
/// and reach billing day. Each action changes the simulated state and delivers, in order, the events Stripe would send
/// for it, signed with the gym's webhook secret. Every event of one action carries the same <c>created</c> second.
/// </summary>
internal sealed class SimulatedBilling(ISimulatedBillingStore store, SimulatedEventDelivery delivery, TimeProvider time)
{
    /// <summary>How long Stripe waits before retrying a failed renewal under Smart Retries (the simulation fixes it at 3 days).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromDays(3);

    /// <summary>The checkout the page shows, if it is this gym's.</summary>
    public Task<SimulatedCheckout?> FindCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken) =>
        store.FindCheckoutAsync(tenantId, checkoutId, cancellationToken);

    /// <summary>
    /// The payer pays. A subscription checkout yields <c>checkout.session.completed</c>,
    /// <c>customer.subscription.created</c> (active) and <c>invoice.paid</c> (the first period, plus any joining fee);
    /// a payment checkout yields <c>checkout.session.completed</c>.
    /// </summary>
    /// <exception cref="NotFoundException">No such checkout for this gym.</exception>
    /// <exception cref="ConflictException">The checkout was already paid, declined or has expired.</exception>
    public async Task<IReadOnlyList<SignedStripeEvent>> PayAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken)
    {
        var now = Now();
        var checkout = await OpenCheckoutAsync(tenantId, checkoutId, now, cancellationToken);
        var customerId = SimulatedIds.New("cus");
        var paymentIntentId = SimulatedIds.New("pi");
        var events = new List<SimulatedStripeEvent>();
        if (checkout.Mode == CheckoutMode.Subscription)
        {
            var plan = checkout.Plan!;
            var invoiceId = SimulatedIds.New("in");
            var subscription = new SimulatedSubscription(
                SimulatedIds.New("sub"), 1, tenantId, checkout.UserId, checkout.Purpose, plan, checkout.Id, customerId,
                SimulatedIds.New("si"), plan.StripePriceId ?? SimulatedIds.New("price"), SimulatedIds.New("prod"),
                SubscriptionStatus.Active, now, now, plan.Interval.After(now), invoiceId);
            var paid = checkout with
            {
                Version = checkout.Version + 1,
                Status = SimulatedCheckoutStatus.Complete,
                CustomerId = customerId,
                SubscriptionId = subscription.Id,
                InvoiceId = invoiceId,
            };
            var payment = Payment(paymentIntentId, subscription, invoiceId, checkout.AmountCents, now) with { CheckoutId = checkout.Id };
            await SaveAsync(checkout.Id, store.TrySaveAsync(paid, subscription, payment, cancellationToken));

            var lines = new List<SimulatedInvoiceLine> { PlanLine(subscription, plan.PriceCents, now, subscription.CurrentPeriodEnd) };
            if (plan.JoiningFeeCents > 0)
            {
                // A one-off item billed with the first invoice; its "period" is the moment it was billed.
                lines.Add(new SimulatedInvoiceLine(SimulatedIds.New("il"), $"Joining fee – {plan.Name}", plan.JoiningFeeCents, now, now));
            }

            // The first invoice's own period is the instant of creation (Stripe's period_start == period_end).
            var invoice = new SimulatedInvoice(invoiceId, subscription, "paid", "subscription_create", checkout.AmountCents, checkout.AmountCents,
                1, null, now, now, now, lines);
            events.Add(SimulatedStripeEvents.Create(EventTypes.CheckoutSessionCompleted, SimulatedStripeEvents.CheckoutSession(paid), now));
            events.Add(SimulatedStripeEvents.Create(EventTypes.CustomerSubscriptionCreated, SimulatedStripeEvents.Subscription(subscription), now));
            events.Add(SimulatedStripeEvents.Create(EventTypes.InvoicePaid, SimulatedStripeEvents.Invoice(invoice), now));
        }
        else
        {
            var paid = checkout with
            {
                Version = checkout.Version + 1,
                Status = SimulatedCheckoutStatus.Complete,
                CustomerId = customerId,
                PaymentIntentId = paymentIntentId,
            };
            var payment = new SimulatedPayment(
                paymentIntentId, 1, tenantId, checkout.UserId, checkout.Purpose, PlanCode: null, checkout.Reference, SimulatedIds.New("ch"),
                customerId, InvoiceId: null, SubscriptionId: null, checkout.Id, checkout.AmountCents, 0, now, []);
            await SaveAsync(checkout.Id, store.TrySaveAsync(paid, payment: payment, cancellationToken: cancellationToken));
            events.Add(SimulatedStripeEvents.Create(EventTypes.CheckoutSessionCompleted, SimulatedStripeEvents.CheckoutSession(paid), now));
        }

        return await delivery.DeliverAsync(tenantId, events, cancellationToken);
    }

    /// <summary>
    /// The payer declines (or gives up). On Stripe a declined card leaves the session open for another try until it
    /// expires; the simulation ends it at once with <c>checkout.session.expired</c>.
    /// </summary>
    /// <exception cref="NotFoundException">No such checkout for this gym.</exception>
    /// <exception cref="ConflictException">The checkout was already paid or declined.</exception>
    public async Task<IReadOnlyList<SignedStripeEvent>> DeclineAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken)
    {
        var now = Now();
        var checkout = await OpenCheckoutAsync(tenantId, checkoutId, now, cancellationToken, allowExpired: true);
        var expired = checkout with { Version = checkout.Version + 1, Status = SimulatedCheckoutStatus.Expired };
        await SaveAsync(checkout.Id, store.TrySaveAsync(expired, cancellationToken: cancellationToken));
        return await delivery.DeliverAsync(tenantId,
            [SimulatedStripeEvents.Create(EventTypes.CheckoutSessionExpired, SimulatedStripeEvents.CheckoutSession(expired), now)],
            cancellationToken);
    }

    /// <summary>
    /// Billing day for one subscription: the period that ends next is renewed, whatever today's date (the simulation's
    /// way of letting time pass). Paid: <c>invoice.paid</c> for the next period, then <c>customer.subscription.updated</c>.
    /// Declined: <c>invoice.payment_failed</c>, then <c>customer.subscription.updated</c> with status <c>past_due</c>.
    /// A scheduled cancellation ends it instead (<c>customer.subscription.deleted</c>); while collection is paused the
    /// invoice is voided and only the period moves on.
    /// </summary>
    /// <exception cref="NotFoundException">No such subscription for this gym.</exception>
    /// <exception cref="ConflictException">The subscription has ended.</exception>
    public async Task<IReadOnlyList<SignedStripeEvent>> RenewAsync(Guid tenantId, string subscriptionId, bool paymentSucceeds, CancellationToken cancellationToken)
    {
        var subscription = await store.FindSubscriptionAsync(tenantId, subscriptionId, cancellationToken)
            ?? throw new NotFoundException($"No such subscription: '{subscriptionId}'.");
        if (!subscription.IsLive)
        {
            throw new ConflictException($"Subscription {subscriptionId} has ended.");
        }

        var events = Renewal(subscription, paymentSucceeds, Now(), out var renewed, out var payment);
        await SaveAsync(subscription.Id, store.TrySaveAsync(subscription: renewed, payment: payment, cancellationToken: cancellationToken));
        return await delivery.DeliverAsync(tenantId, events, cancellationToken);
    }

    /// <summary>Billing day for every live subscription of the gym (the Development admin tool's "run billing day").</summary>
    public async Task<IReadOnlyList<SignedStripeEvent>> RunBillingDayAsync(Guid tenantId, bool paymentsSucceed, CancellationToken cancellationToken)
    {
        var delivered = new List<SignedStripeEvent>();
        foreach (var subscription in await store.ListSubscriptionsAsync(tenantId, cancellationToken))
        {
            if (subscription.IsLive)
            {
                delivered.AddRange(await RenewAsync(tenantId, subscription.Id, paymentsSucceed, cancellationToken));
            }
        }

        return delivered;
    }

    private static List<SimulatedStripeEvent> Renewal(
        SimulatedSubscription subscription,
        bool paymentSucceeds,
        DateTimeOffset now,
        out SimulatedSubscription renewed,
        out SimulatedPayment? payment)
    {
        payment = null;
        var version = subscription.Version + 1;
        var nextStart = subscription.CurrentPeriodEnd;
        if (subscription.CancelAtPeriodEnd || subscription.CancelAt <= nextStart)
        {
            // Stripe ends it at the scheduled moment; request is null because Stripe itself made the change.
            renewed = subscription with { Version = version, Status = SubscriptionStatus.Canceled, EndedAt = subscription.CancelAt ?? nextStart };
            return [SubscriptionEvent(EventTypes.CustomerSubscriptionDeleted, subscription, renewed, now)];
        }

        var nextEnd = subscription.Plan.Interval.After(nextStart);
        var amount = subscription.Plan.PriceCents;
        if (subscription.CancelAt is { } cancelAt && cancelAt < nextEnd)
        {
            // Cancelling mid-period: Stripe bills the last, shorter period pro rata (proration_behavior create_prorations).
            amount = (long)Math.Round(amount * (decimal)(cancelAt - nextStart).Ticks / (nextEnd - nextStart).Ticks, MidpointRounding.AwayFromZero);
            nextEnd = cancelAt;
        }

        // A freeze whose end has come is lifted by Stripe itself before the invoice is raised.
        var stillPaused = subscription.CollectionPaused && !(subscription.CollectionResumesAt <= nextStart);
        var invoiceId = SimulatedIds.New("in");
        renewed = subscription with
        {
            Version = version,
            CurrentPeriodStart = nextStart,
            CurrentPeriodEnd = nextEnd,
            LatestInvoiceId = invoiceId,
            CollectionPaused = stillPaused,
            CollectionResumesAt = stillPaused ? subscription.CollectionResumesAt : null,
        };
        if (stillPaused)
        {
            // pause_collection behavior "void": the invoice is voided at once, nobody is charged, the period moves on.
            return [SubscriptionEvent(EventTypes.CustomerSubscriptionUpdated, subscription, renewed, now)];
        }

        var lines = new List<SimulatedInvoiceLine> { PlanLine(renewed, amount, nextStart, nextEnd) };
        if (paymentSucceeds)
        {
            renewed = renewed with { Status = SubscriptionStatus.Active };
            payment = Payment(SimulatedIds.New("pi"), renewed, invoiceId, amount, now);
            var invoice = new SimulatedInvoice(invoiceId, renewed, "paid", "subscription_cycle", amount, amount, 1, null, now,
                subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, lines);
            return
            [
                SimulatedStripeEvents.Create(EventTypes.InvoicePaid, SimulatedStripeEvents.Invoice(invoice), now),
                SubscriptionEvent(EventTypes.CustomerSubscriptionUpdated, subscription, renewed, now),
            ];
        }

        renewed = renewed with { Status = SubscriptionStatus.PastDue };
        var failed = new SimulatedInvoice(invoiceId, renewed, "open", "subscription_cycle", amount, 0, 1, now + RetryDelay, now,
            subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, lines);
        return
        [
            SimulatedStripeEvents.Create(EventTypes.InvoicePaymentFailed, SimulatedStripeEvents.Invoice(failed), now),
            SubscriptionEvent(EventTypes.CustomerSubscriptionUpdated, subscription, renewed, now),
        ];
    }

    private static SimulatedStripeEvent SubscriptionEvent(string type, SimulatedSubscription before, SimulatedSubscription after, DateTimeOffset now) =>
        SimulatedStripeEvents.Create(type, SimulatedStripeEvents.Subscription(after), now, SimulatedStripeEvents.SubscriptionChanges(before, after));

    private static SimulatedInvoiceLine PlanLine(SimulatedSubscription subscription, long amount, DateTimeOffset start, DateTimeOffset end) =>
        new(SimulatedIds.New("il"), $"1 × {subscription.Plan.Name}", amount, start, end);

    private static SimulatedPayment Payment(string paymentIntentId, SimulatedSubscription subscription, string invoiceId, long amount, DateTimeOffset now) => new(
        paymentIntentId, 1, subscription.TenantId, subscription.UserId, subscription.Purpose, subscription.Plan.Code, Reference: null,
        SimulatedIds.New("ch"), subscription.CustomerId, invoiceId, subscription.Id, CheckoutId: null, amount, 0, now, ImmutableList<SimulatedRefund>.Empty);

    private static async Task SaveAsync(string id, Task<bool> save)
    {
        if (!await save)
        {
            throw SimulatedPaymentGateway.ChangedMeanwhile(id);
        }
    }

    private async Task<SimulatedCheckout> OpenCheckoutAsync(Guid tenantId, string checkoutId, DateTimeOffset now, CancellationToken cancellationToken, bool allowExpired = false)
    {
        var checkout = await store.FindCheckoutAsync(tenantId, checkoutId, cancellationToken)
            ?? throw new NotFoundException($"No such checkout: '{checkoutId}'.");
        return checkout.Status switch
        {
            SimulatedCheckoutStatus.Complete => throw new ConflictException("This checkout has already been paid."),
            SimulatedCheckoutStatus.Expired => throw new ConflictException("This checkout has expired."),
            _ when now >= checkout.ExpiresAt && !allowExpired => throw new ConflictException("This checkout has expired."),
            _ => checkout,
        };
    }

    private DateTimeOffset Now() => SimulatedPaymentGateway.TruncateToSeconds(time.GetUtcNow());
}
