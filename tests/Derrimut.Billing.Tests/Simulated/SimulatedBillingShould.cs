using Derrimut.Billing.Gateways.Simulated;
using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Billing.Tests.Simulated;

public sealed class SimulatedBillingShould
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private static readonly DateTimeOffset FirstPeriodEnd = Now.AddDays(14);
    private readonly SimulatedWorld _world = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfferACheckoutPageWithThePlanAndItsGst()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        started.Url.ShouldBe($"/billing/simulated/checkout/{started.CheckoutId}");
        started.CheckoutId.ShouldStartWith("cs_sim_");
        started.ExpiresAt.ShouldBe(Now.AddHours(24));
        var checkout = (await _world.Billing.FindCheckoutAsync(TestData.StAlbans, started.CheckoutId, _ct)).ShouldNotBeNull();
        checkout.Description.ShouldBe("No lock-in");
        checkout.Amount.ToString().ShouldBe("$93.00"); // $44.00 a fortnight plus the $49.00 joining fee
        checkout.Amount.GstCents.ShouldBe(845);
        checkout.CompletedRedirectUrl.ShouldBe($"https://st-albans.derrimut.com.au/memberships/welcome?session_id={started.CheckoutId}");
    }

    [Fact]
    public async Task PayForAMembershipWithStripesThreeEventsInOrder()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        var delivered = await _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct);

        delivered.Select(e => e.Type).ShouldBe(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
        _world.Sink.Delivered.ShouldBe(delivered);
        delivered.Select(e => e.EventId).Distinct().Count().ShouldBe(3);
        var received = _world.Receive(delivered);

        var completed = received[0].ShouldBeOfType<CheckoutCompleted>();
        completed.CheckoutSessionId.ShouldBe(started.CheckoutId);
        completed.Mode.ShouldBe(CheckoutMode.Subscription);
        completed.PaymentStatus.ShouldBe(CheckoutPaymentStatus.Paid);
        completed.AmountTotalCents.ShouldBe(9300);
        completed.GstCents.ShouldBe(845);
        completed.UserId.ShouldBe(TestData.Priya);
        completed.PlanCode.ShouldBe("no-lock-in");
        completed.StripeEventCreatedAt.ShouldBe(Now);

        var created = received[1].ShouldBeOfType<SubscriptionChanged>();
        created.Change.ShouldBe(SubscriptionChange.Created);
        created.Subscription.SubscriptionId.ShouldBe(completed.SubscriptionId);
        created.Subscription.Status.ShouldBe(SubscriptionStatus.Active);
        created.Subscription.CurrentPeriodStart.ShouldBe(Now);
        created.Subscription.CurrentPeriodEnd.ShouldBe(FirstPeriodEnd);

        var paid = received[2].ShouldBeOfType<PaymentSucceeded>();
        paid.InvoiceId.ShouldBe(completed.InvoiceId);
        paid.SubscriptionId.ShouldBe(completed.SubscriptionId);
        paid.BillingReason.ShouldBe(InvoiceBillingReason.SubscriptionCreate);
        paid.AmountPaidCents.ShouldBe(9300);
        paid.ServicePeriodStart.ShouldBe(Now);
        paid.ServicePeriodEnd.ShouldBe(FirstPeriodEnd);
    }

    [Fact]
    public async Task PayForAOneOffBookingWithACompletedPaymentCheckout()
    {
        var started = await _world.Gateway.CreatePaymentCheckoutAsync(TestData.TrainerBookingCheckout(), _ct);

        var delivered = await _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct);

        var completed = _world.Receive(delivered).ShouldHaveSingleItem().ShouldBeOfType<CheckoutCompleted>();
        completed.Mode.ShouldBe(CheckoutMode.Payment);
        completed.Purpose.ShouldBe(CheckoutPurposes.TrainerBooking);
        completed.Reference.ShouldBe("booking-7f3a");
        completed.PaymentIntentId.ShouldStartWith("pi_sim_");
        completed.SubscriptionId.ShouldBeNull();
        completed.AmountTotalCents.ShouldBe(9000);
    }

    [Fact]
    public async Task TakeAPaymentOnlyOnce()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);
        await _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct);

        await Should.ThrowAsync<ConflictException>(() => _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct));

        _world.Sink.Delivered.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TakeAPaymentOnlyOnceWhenPayIsPressedTwiceAtOnce()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        var presses = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct);
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }, _ct));

        (await Task.WhenAll(presses)).Count(paid => paid).ShouldBe(1);
        _world.Sink.Delivered.Count(e => e.Type == "invoice.paid").ShouldBe(1);
    }

    [Fact]
    public async Task DeclineByExpiringTheCheckout()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        var delivered = await _world.Billing.DeclineAsync(TestData.StAlbans, started.CheckoutId, _ct);

        delivered.ShouldHaveSingleItem().Type.ShouldBe("checkout.session.expired");
        var failed = _world.Receive(delivered).ShouldHaveSingleItem().ShouldBeOfType<PaymentFailed>();
        failed.Stage.ShouldBe(PaymentFailureStage.CheckoutExpired);
        failed.CheckoutSessionId.ShouldBe(started.CheckoutId);
        failed.AmountDueCents.ShouldBe(9300);
        await Should.ThrowAsync<ConflictException>(() => _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct));
    }

    [Fact]
    public async Task RefuseToPayACheckoutOlderThanADay()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);
        _world.Clock.Advance(TimeSpan.FromHours(24));

        var error = await Should.ThrowAsync<ConflictException>(() => _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct));

        error.Message.ShouldContain("expired");
        _world.Sink.Delivered.ShouldBeEmpty();
    }

    [Fact]
    public async Task KeepEachGymsCheckoutsToItself()
    {
        var started = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        (await _world.Billing.FindCheckoutAsync(TestData.Sunshine, started.CheckoutId, _ct)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => _world.Billing.PayAsync(TestData.Sunshine, started.CheckoutId, _ct));
    }

    [Fact]
    public async Task SignEachGymsEventsWithThatGymsSecret()
    {
        await _world.JoinAsync(tenantId: TestData.Sunshine);

        _world.Sink.Delivered.ShouldAllBe(e => e.TenantId == TestData.Sunshine);
        _world.Receive(_world.Sink.Delivered).ShouldAllBe(e => e.TenantId == TestData.Sunshine);
        var stAlbansVerdicts = _world.Sink.Delivered.Select(e => Derrimut.Billing.Webhooks.StripeWebhookVerifier.Verify(
            e.Payload, e.SignatureHeader, TestData.StAlbansWebhookSecret, _world.Clock).Outcome);
        stAlbansVerdicts.ShouldAllBe(o => o == Derrimut.Billing.Webhooks.WebhookVerificationOutcome.BadSignature);
    }

    [Fact]
    public async Task RenewForTheNextPeriodWithAPaidInvoiceThenAnUpdate()
    {
        var subscriptionId = await _world.JoinAsync();
        _world.Clock.Advance(TimeSpan.FromDays(14));

        var delivered = await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct);

        delivered.Select(e => e.Type).ShouldBe(["invoice.paid", "customer.subscription.updated"]);
        var received = _world.Receive(delivered);
        var paid = received[0].ShouldBeOfType<PaymentSucceeded>();
        paid.BillingReason.ShouldBe(InvoiceBillingReason.SubscriptionCycle);
        paid.AmountPaidCents.ShouldBe(4400);
        paid.GstCents.ShouldBe(400);
        paid.ServicePeriodStart.ShouldBe(FirstPeriodEnd);
        paid.ServicePeriodEnd.ShouldBe(FirstPeriodEnd.AddDays(14));
        var updated = received[1].ShouldBeOfType<SubscriptionChanged>();
        updated.Subscription.CurrentPeriodEnd.ShouldBe(FirstPeriodEnd.AddDays(14));
        updated.Subscription.Status.ShouldBe(SubscriptionStatus.Active);
        updated.PreviousStatus.ShouldBeNull();
    }

    [Fact]
    public async Task FailARenewalIntoPastDueAndRecoverOnTheNextPaidOne()
    {
        var subscriptionId = await _world.JoinAsync();
        _world.Clock.Advance(TimeSpan.FromDays(14));

        var failedRenewal = _world.Receive(await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: false, _ct));

        var failed = failedRenewal[0].ShouldBeOfType<PaymentFailed>();
        failed.Stage.ShouldBe(PaymentFailureStage.Invoice);
        failed.SubscriptionId.ShouldBe(subscriptionId);
        failed.AmountDueCents.ShouldBe(4400);
        failed.AttemptCount.ShouldBe(1);
        failed.NextPaymentAttempt.ShouldBe(Now.AddDays(14 + 3));
        var pastDue = failedRenewal[1].ShouldBeOfType<SubscriptionChanged>();
        pastDue.Subscription.Status.ShouldBe(SubscriptionStatus.PastDue);
        pastDue.PreviousStatus.ShouldBe(SubscriptionStatus.Active);

        var recovered = _world.Receive(await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct));

        var active = recovered[1].ShouldBeOfType<SubscriptionChanged>();
        active.Subscription.Status.ShouldBe(SubscriptionStatus.Active);
        active.PreviousStatus.ShouldBe(SubscriptionStatus.PastDue);
    }

    [Fact]
    public async Task EndAMembershipCancelledAtPeriodEndOnBillingDay()
    {
        var subscriptionId = await _world.JoinAsync();
        var cancel = new CancelSubscriptionRequest(TestData.StAlbans, subscriptionId, CancellationTiming.AtPeriodEnd, null, "cancel:1");
        var snapshot = await _world.Gateway.CancelSubscriptionAsync(cancel, _ct);

        snapshot.CancelAtPeriodEnd.ShouldBeTrue();
        snapshot.Status.ShouldBe(SubscriptionStatus.Active);
        var scheduled = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();
        scheduled.Change.ShouldBe(SubscriptionChange.Updated);
        scheduled.Subscription.CancelAtPeriodEnd.ShouldBeTrue();
        scheduled.Subscription.CancelAt.ShouldBe(FirstPeriodEnd);

        _world.Clock.Advance(TimeSpan.FromDays(14));
        var ended = _world.Receive(await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct))
            .ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();

        ended.Change.ShouldBe(SubscriptionChange.Deleted);
        ended.Subscription.Status.ShouldBe(SubscriptionStatus.Canceled);
        ended.Subscription.EndedAt.ShouldBe(FirstPeriodEnd);
        await Should.ThrowAsync<ConflictException>(() => _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct));
        await Should.ThrowAsync<PaymentGatewayException>(() => _world.Gateway.CancelSubscriptionAsync(cancel, _ct));
    }

    [Fact]
    public async Task BillTheLastShortPeriodProRataWhenCancelledMidPeriod()
    {
        var subscriptionId = await _world.JoinAsync();
        var endOfMinimumTerm = FirstPeriodEnd.AddDays(7);
        await _world.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, subscriptionId, CancellationTiming.AtDate, endOfMinimumTerm, "cancel:2"), _ct);

        var lastPeriod = _world.Receive(await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct));
        var ended = _world.Receive(await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct));

        var paid = lastPeriod[0].ShouldBeOfType<PaymentSucceeded>();
        paid.AmountPaidCents.ShouldBe(2200); // 7 of 14 days of $44.00
        paid.ServicePeriodEnd.ShouldBe(endOfMinimumTerm);
        var deleted = ended.ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();
        deleted.Change.ShouldBe(SubscriptionChange.Deleted);
        deleted.Subscription.EndedAt.ShouldBe(endOfMinimumTerm);
    }

    [Fact]
    public async Task ChargeNothingDuringAFreezeAndResumeByItselfWhenItEnds()
    {
        var subscriptionId = await _world.JoinAsync();
        var resumesAt = FirstPeriodEnd.AddDays(7);
        await _world.Gateway.PauseCollectionAsync(new PauseCollectionRequest(TestData.StAlbans, subscriptionId, resumesAt, "freeze:1"), _ct);
        var frozen = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();
        frozen.Subscription.CollectionPaused.ShouldBeTrue();
        frozen.Subscription.CollectionResumesAt.ShouldBe(resumesAt);
        frozen.Subscription.Status.ShouldBe(SubscriptionStatus.Active);

        var duringFreeze = await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct);
        var afterFreeze = await _world.Billing.RenewAsync(TestData.StAlbans, subscriptionId, paymentSucceeds: true, _ct);

        duringFreeze.ShouldHaveSingleItem().Type.ShouldBe("customer.subscription.updated");
        var stillFrozen = _world.Receive(duringFreeze).ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();
        stillFrozen.Subscription.CurrentPeriodEnd.ShouldBe(FirstPeriodEnd.AddDays(14));
        stillFrozen.Subscription.CollectionPaused.ShouldBeTrue();
        afterFreeze.Select(e => e.Type).ShouldBe(["invoice.paid", "customer.subscription.updated"]);
        var thawed = _world.Receive(afterFreeze)[1].ShouldBeOfType<SubscriptionChanged>();
        thawed.Subscription.CollectionPaused.ShouldBeFalse();
        thawed.Subscription.CollectionResumesAt.ShouldBeNull();
    }

    [Fact]
    public async Task RunBillingDayForEveryLiveMembershipOfTheGymOnly()
    {
        var staying = await _world.JoinAsync(key: "join:1");
        var leaving = await _world.JoinAsync(key: "join:2");
        await _world.JoinAsync(tenantId: TestData.Sunshine, key: "join:3");
        await _world.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, leaving, CancellationTiming.Immediately, null, "cancel:3"), _ct);

        var delivered = await _world.Billing.RunBillingDayAsync(TestData.StAlbans, paymentsSucceed: true, _ct);

        delivered.Select(e => e.Type).ShouldBe(["invoice.paid", "customer.subscription.updated"]);
        _world.Receive(delivered).OfType<PaymentSucceeded>().ShouldHaveSingleItem().SubscriptionId.ShouldBe(staying);
    }
}
