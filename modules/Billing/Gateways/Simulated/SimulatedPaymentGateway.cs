using Derrimut.Billing.Gateways.Stripe;
using Stripe;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>
/// <see cref="IPaymentGateway"/> without Stripe: the embedded default. Checkouts are paid or declined on a local page
/// (<c>/billing/simulated/checkout/{id}</c>, driven by <see cref="SimulatedBilling"/>); every change is reported the
/// way Stripe reports it, as signed webhook events delivered to the gym's real endpoint, so the whole payment path
/// runs with no network. Refuses what Stripe refuses, with the same exceptions as the Stripe gateway.
/// </summary>
internal sealed class SimulatedPaymentGateway(ISimulatedBillingStore store, SimulatedEventDelivery delivery, TimeProvider time) : IPaymentGateway
{
    /// <summary>Where the simulated checkout page lives, on the gym's own site.</summary>
    public const string CheckoutPagePath = "/billing/simulated/checkout/";

    /// <inheritdoc />
    public PaymentGatewayKind Kind => PaymentGatewayKind.Simulated;

    /// <inheritdoc />
    public async Task<StartedCheckout> CreateSubscriptionCheckoutAsync(SubscriptionCheckoutRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var now = Now();
        var checkout = new SimulatedCheckout(
            SimulatedIds.New("cs"), 1, request.TenantId, request.UserId, CheckoutMode.Subscription, request.Purpose, request.Plan,
            Reference: null, request.Plan.Name, request.Plan.PriceCents + request.Plan.JoiningFeeCents, request.IdempotencyKey,
            request.SuccessUrl, request.CancelUrl, request.CustomerEmail, now, now + SimulatedCheckout.Lifetime, SimulatedCheckoutStatus.Open);
        return await StartAsync(checkout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StartedCheckout> CreatePaymentCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var now = Now();
        var checkout = new SimulatedCheckout(
            SimulatedIds.New("cs"), 1, request.TenantId, request.UserId, CheckoutMode.Payment, request.Purpose, Plan: null,
            request.Reference, request.Description, request.AmountCents, request.IdempotencyKey,
            request.SuccessUrl, request.CancelUrl, request.CustomerEmail, now, now + SimulatedCheckout.Lifetime, SimulatedCheckoutStatus.Open,
            Lines: request.Lines is { Count: > 0 } lines ? [.. lines] : null);
        return await StartAsync(checkout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> CancelSubscriptionAsync(CancelSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var now = Now();
        GatewayRequestRules.Validate(request, now);
        var subscription = await LiveSubscriptionAsync(request.TenantId, request.SubscriptionId, cancellationToken);
        var changed = request.Timing switch
        {
            CancellationTiming.Immediately => subscription with { Status = SubscriptionStatus.Canceled, CanceledAt = now, EndedAt = now },
            // Stripe reports a period-end cancellation with cancel_at set to the period's end, too.
            CancellationTiming.AtPeriodEnd => subscription with { CancelAtPeriodEnd = true, CancelAt = subscription.CurrentPeriodEnd, CanceledAt = now },
            _ => subscription with { CancelAtPeriodEnd = false, CancelAt = request.CancelAt, CanceledAt = now },
        };
        if (request.Timing != CancellationTiming.Immediately
            && changed.CancelAt == subscription.CancelAt && changed.CancelAtPeriodEnd == subscription.CancelAtPeriodEnd)
        {
            return subscription.ToSnapshot(); // Asked again: nothing changes, so Stripe sends no event either.
        }

        var type = request.Timing == CancellationTiming.Immediately ? EventTypes.CustomerSubscriptionDeleted : EventTypes.CustomerSubscriptionUpdated;
        return await SaveAndReportAsync(subscription, changed, type, request.IdempotencyKey, now, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> PauseCollectionAsync(PauseCollectionRequest request, CancellationToken cancellationToken)
    {
        var now = Now();
        GatewayRequestRules.Validate(request, now);
        var subscription = await LiveSubscriptionAsync(request.TenantId, request.SubscriptionId, cancellationToken);
        var resumesAt = TruncateToSeconds(request.ResumesAt);
        if (subscription.CollectionPaused && subscription.CollectionResumesAt == resumesAt)
        {
            return subscription.ToSnapshot();
        }

        var changed = subscription with { CollectionPaused = true, CollectionResumesAt = resumesAt };
        return await SaveAndReportAsync(subscription, changed, EventTypes.CustomerSubscriptionUpdated, request.IdempotencyKey, now, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> ResumeCollectionAsync(ResumeCollectionRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var subscription = await LiveSubscriptionAsync(request.TenantId, request.SubscriptionId, cancellationToken);
        if (!subscription.CollectionPaused)
        {
            return subscription.ToSnapshot();
        }

        var changed = subscription with { CollectionPaused = false, CollectionResumesAt = null };
        return await SaveAndReportAsync(subscription, changed, EventTypes.CustomerSubscriptionUpdated, request.IdempotencyKey, Now(), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The simulated gateway prices every checkout inline from the plan, so there is no price to create.</remarks>
    public Task<string?> CreatePlanPriceAsync(PlanPriceRequest request, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> ChangeSubscriptionPriceAsync(SubscriptionPriceChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Plan.PriceCents <= 0 || string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw new ArgumentException("A price change needs a positive amount and an idempotency key.", nameof(request));
        }

        var subscription = await LiveSubscriptionAsync(request.TenantId, request.SubscriptionId, cancellationToken);
        if (subscription.Plan.PriceCents == request.Plan.PriceCents)
        {
            return subscription.ToSnapshot(); // Already at this price (a retry): Stripe would change nothing either.
        }

        // Renewals bill the subscription's plan price, so the next one charges the new amount; nothing is charged now.
        var changed = subscription with
        {
            Plan = subscription.Plan with { PriceCents = request.Plan.PriceCents, StripePriceId = request.Plan.StripePriceId },
            PriceId = request.Plan.StripePriceId ?? SimulatedIds.New("price"),
        };
        return await SaveAndReportAsync(subscription, changed, EventTypes.CustomerSubscriptionUpdated, request.IdempotencyKey, Now(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> FindInvoiceOfPaymentAsync(Guid tenantId, string paymentIntentId, CancellationToken cancellationToken) =>
        (await store.FindPaymentAsync(tenantId, paymentIntentId, cancellationToken))?.InvoiceId;

    /// <inheritdoc />
    public async Task<IssuedRefund> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var payment = await store.FindPaymentAsync(request.TenantId, request.PaymentId, cancellationToken)
            ?? throw new NotFoundException($"No such payment: '{request.PaymentId}'.");
        if (payment.Refunds.Find(r => r.IdempotencyKey == request.IdempotencyKey) is { } earlier)
        {
            return Issued(payment, earlier); // A retried request: Stripe answers with the refund it already made.
        }

        var amount = request.AmountCents ?? payment.RefundableCents;
        if (payment.RefundableCents == 0)
        {
            throw new PaymentGatewayException(PaymentGatewayFailure.Rejected, $"Charge {payment.ChargeId} has already been refunded.", "charge_already_refunded");
        }

        if (amount > payment.RefundableCents)
        {
            throw new PaymentGatewayException(
                PaymentGatewayFailure.Rejected,
                $"Refund amount ({Aud.Format(amount)}) is greater than unrefunded amount on charge ({Aud.Format(payment.RefundableCents)}).",
                "amount_too_large");
        }

        var now = Now();
        var refund = new SimulatedRefund(SimulatedIds.New("re"), request.IdempotencyKey, amount, now);
        var refunded = payment with
        {
            Version = payment.Version + 1,
            AmountRefundedCents = payment.AmountRefundedCents + amount,
            Refunds = payment.Refunds.Add(refund),
        };
        if (!await store.TrySaveAsync(payment: refunded, cancellationToken: cancellationToken))
        {
            throw ChangedMeanwhile(payment.ChargeId);
        }

        await delivery.DeliverAsync(request.TenantId,
        [
            SimulatedStripeEvents.Create(EventTypes.ChargeRefunded, SimulatedStripeEvents.Charge(refunded), now,
                SimulatedStripeEvents.ChargeChanges(payment, refunded), SimulatedApiRequest.For(request.IdempotencyKey)),
        ], cancellationToken);
        return Issued(refunded, refund);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> GetSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        GatewayRequestRules.ValidateSubscriptionLookup(tenantId, subscriptionId);
        var subscription = await store.FindSubscriptionAsync(tenantId, subscriptionId, cancellationToken)
            ?? throw new NotFoundException($"No such subscription: '{subscriptionId}'.");
        return subscription.ToSnapshot();
    }

    /// <summary>Stripe keeps whole seconds; so does the simulation, so that events and snapshots agree.</summary>
    internal static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    /// <summary>Thrown when a concurrent action changed a record first (two presses of a button).</summary>
    internal static ConflictException ChangedMeanwhile(string id) => new($"{id} was changed by another request at the same time; try again.");

    private static IssuedRefund Issued(SimulatedPayment payment, SimulatedRefund refund) =>
        new(refund.RefundId, payment.ChargeId, payment.PaymentIntentId, refund.AmountCents, "succeeded");

    private DateTimeOffset Now() => TruncateToSeconds(time.GetUtcNow());

    private async Task<StartedCheckout> StartAsync(SimulatedCheckout checkout, CancellationToken cancellationToken)
    {
        var stored = await store.AddCheckoutAsync(checkout, cancellationToken);
        if (stored.Id != checkout.Id && !stored.IsSameRequestAs(checkout))
        {
            // Stripe answers a reused key with other parameters with an idempotency_error (400).
            throw new PaymentGatewayException(
                PaymentGatewayFailure.Rejected,
                "Keys for idempotent requests can only be used with the same parameters they were first used with.",
                "idempotency_error");
        }

        return new StartedCheckout(stored.Id, CheckoutPagePath + stored.Id, stored.ExpiresAt);
    }

    private async Task<SimulatedSubscription> LiveSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await store.FindSubscriptionAsync(tenantId, subscriptionId, cancellationToken)
            ?? throw new NotFoundException($"No such subscription: '{subscriptionId}'.");
        if (!subscription.IsLive)
        {
            throw new PaymentGatewayException(
                PaymentGatewayFailure.Rejected,
                $"Subscription {subscriptionId} has ended ({StripeObjectMapping.StripeStatusOf(subscription.Status)}); it cannot be changed.",
                "resource_missing");
        }

        return subscription;
    }

    private async Task<SubscriptionSnapshot> SaveAndReportAsync(
        SimulatedSubscription before,
        SimulatedSubscription after,
        string eventType,
        string idempotencyKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        after = after with { Version = before.Version + 1 };
        if (!await store.TrySaveAsync(subscription: after, cancellationToken: cancellationToken))
        {
            throw ChangedMeanwhile(before.Id);
        }

        await delivery.DeliverAsync(after.TenantId,
        [
            SimulatedStripeEvents.Create(eventType, SimulatedStripeEvents.Subscription(after), now,
                SimulatedStripeEvents.SubscriptionChanges(before, after), SimulatedApiRequest.For(idempotencyKey)),
        ], cancellationToken);
        return after.ToSnapshot();
    }
}
