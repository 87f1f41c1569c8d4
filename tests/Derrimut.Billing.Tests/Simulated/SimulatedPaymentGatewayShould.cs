using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Billing.Tests.Simulated;

public sealed class SimulatedPaymentGatewayShould
{
    private readonly SimulatedWorld _world = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReturnTheSameCheckoutForARetriedRequest()
    {
        var first = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);
        var retried = await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        retried.ShouldBe(first);
    }

    [Fact]
    public async Task RefuseAnIdempotencyKeyReusedForADifferentRequestAsStripeDoes()
    {
        await _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), _ct);

        var error = await Should.ThrowAsync<PaymentGatewayException>(() =>
            _world.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(TestData.TwelveMonthUpfront()), _ct));

        error.Code.ShouldBe("idempotency_error");
        error.Failure.ShouldBe(PaymentGatewayFailure.Rejected);
    }

    [Fact]
    public async Task ValidateRequestsLikeTheStripeGateway()
    {
        var error = await Should.ThrowAsync<ValidationException>(() => _world.Gateway.CreatePaymentCheckoutAsync(
            TestData.TrainerBookingCheckout() with { AmountCents = 0, SuccessUrl = "/relative" }, _ct));

        error.Errors.Keys.ShouldBe(["amountCents", "successUrl"], ignoreOrder: true);
    }

    [Fact]
    public async Task RefuseCheckoutLinesThatDoNotAddUpToTheAmount()
    {
        var error = await Should.ThrowAsync<ValidationException>(() => _world.Gateway.CreatePaymentCheckoutAsync(
            TestData.TrainerBookingCheckout() with { AmountCents = 10_000, Lines = [new CheckoutLine("Shaker", 1495, 2), new CheckoutLine("", 100, 0)] }, _ct));

        error.Errors.Keys.ShouldBe(["lines", "lines[1].name", "lines[1].quantity"], ignoreOrder: true);
    }

    [Fact]
    public async Task KeepAPaymentCheckoutsLinesForItsPage()
    {
        var started = await _world.Gateway.CreatePaymentCheckoutAsync(
            TestData.TrainerBookingCheckout() with { AmountCents = 2 * 1495 + 695, Lines = [new CheckoutLine("Shaker", 1495, 2), new CheckoutLine("Oats", 695, 1)] }, _ct);

        var checkout = (await _world.Billing.FindCheckoutAsync(TestData.StAlbans, started.CheckoutId, _ct))!;
        checkout.Lines!.Select(l => (l.Name, l.TotalCents)).ShouldBe([("Shaker", 2990L), ("Oats", 695L)]);
    }

    [Fact]
    public async Task CancelImmediatelyWithADeletedSubscriptionEvent()
    {
        var subscriptionId = await _world.JoinAsync();

        var snapshot = await _world.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, subscriptionId, CancellationTiming.Immediately, null, "cancel:1"), _ct);

        snapshot.Status.ShouldBe(SubscriptionStatus.Canceled);
        snapshot.EndedAt.ShouldBe(TestData.Now);
        var deleted = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>();
        deleted.Change.ShouldBe(SubscriptionChange.Deleted);
        deleted.PreviousStatus.ShouldBe(SubscriptionStatus.Active);
        (await _world.Gateway.GetSubscriptionAsync(TestData.StAlbans, subscriptionId, _ct)).ShouldBe(snapshot);
    }

    [Fact]
    public async Task SendNoEventWhenACancellationIsAskedForAgain()
    {
        var subscriptionId = await _world.JoinAsync();
        var cancel = new CancelSubscriptionRequest(TestData.StAlbans, subscriptionId, CancellationTiming.AtPeriodEnd, null, "cancel:2");
        await _world.Gateway.CancelSubscriptionAsync(cancel, _ct);
        var delivered = _world.Sink.Delivered.Count;

        await _world.Gateway.CancelSubscriptionAsync(cancel with { IdempotencyKey = "cancel:3" }, _ct);

        _world.Sink.Delivered.Count.ShouldBe(delivered);
    }

    [Fact]
    public async Task MarkAnEventCausedByAnApiRequestWithItsIdempotencyKey()
    {
        var subscriptionId = await _world.JoinAsync();

        await _world.Gateway.PauseCollectionAsync(
            new PauseCollectionRequest(TestData.StAlbans, subscriptionId, TestData.Now.AddDays(28), "freeze:7"), _ct);

        var payload = _world.Sink.Delivered[^1].Payload;
        payload.ShouldContain("\"idempotency_key\":\"freeze:7\"");
        payload.ShouldContain("\"previous_attributes\":{\"pause_collection\":null}");
    }

    [Fact]
    public async Task EndAFreezeEarlyAndDoNothingWhenNoneIsOn()
    {
        var subscriptionId = await _world.JoinAsync();
        await _world.Gateway.PauseCollectionAsync(new PauseCollectionRequest(TestData.StAlbans, subscriptionId, TestData.Now.AddDays(28), "freeze:1"), _ct);

        var resumed = await _world.Gateway.ResumeCollectionAsync(new ResumeCollectionRequest(TestData.StAlbans, subscriptionId, "thaw:1"), _ct);
        var delivered = _world.Sink.Delivered.Count;
        await _world.Gateway.ResumeCollectionAsync(new ResumeCollectionRequest(TestData.StAlbans, subscriptionId, "thaw:2"), _ct);

        resumed.CollectionPaused.ShouldBeFalse();
        _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<SubscriptionChanged>().Subscription.CollectionPaused.ShouldBeFalse();
        _world.Sink.Delivered.Count.ShouldBe(delivered);
    }

    [Fact]
    public async Task RefundAMembershipChargeByItsInvoiceInPartsUntilNothingIsLeft()
    {
        await _world.JoinAsync();
        var paid = _world.Receive(_world.Sink.Delivered).OfType<PaymentSucceeded>().Single();

        var first = await _world.Gateway.RefundAsync(new RefundRequest(TestData.StAlbans, paid.InvoiceId, 4900, RefundReason.RequestedByCustomer, "refund:joining-fee"), _ct);
        var firstEvent = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<RefundIssued>();
        var rest = await _world.Gateway.RefundAsync(new RefundRequest(TestData.StAlbans, first.ChargeId!, null, RefundReason.RequestedByCustomer, "refund:rest"), _ct);
        var restEvent = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<RefundIssued>();

        first.AmountCents.ShouldBe(4900);
        first.GstCents.ShouldBe(445);
        first.RefundId.ShouldStartWith("re_sim_");
        firstEvent.ChargeId.ShouldBe(first.ChargeId);
        firstEvent.AmountRefundedCents.ShouldBe(4900);
        firstEvent.FullyRefunded.ShouldBeFalse();
        firstEvent.UserId.ShouldBeNull(); // a subscription's charge carries no metadata, as on Stripe
        rest.AmountCents.ShouldBe(4400);
        restEvent.AmountRefundedCents.ShouldBe(9300);
        restEvent.RefundedGstCents.ShouldBe(845);
        restEvent.FullyRefunded.ShouldBeTrue();
        var error = await Should.ThrowAsync<PaymentGatewayException>(() =>
            _world.Gateway.RefundAsync(new RefundRequest(TestData.StAlbans, paid.InvoiceId, null, RefundReason.RequestedByCustomer, "refund:again"), _ct));
        error.Code.ShouldBe("charge_already_refunded");
    }

    [Fact]
    public async Task RefundOnceHoweverOftenTheSameRequestIsSent()
    {
        await _world.JoinAsync();
        var paid = _world.Receive(_world.Sink.Delivered).OfType<PaymentSucceeded>().Single();
        var request = new RefundRequest(TestData.StAlbans, paid.InvoiceId, 1000, RefundReason.RequestedByCustomer, "refund:1");

        var first = await _world.Gateway.RefundAsync(request, _ct);
        var delivered = _world.Sink.Delivered.Count;
        var retried = await _world.Gateway.RefundAsync(request, _ct);

        retried.ShouldBe(first);
        _world.Sink.Delivered.Count.ShouldBe(delivered);
    }

    [Fact]
    public async Task RefuseToRefundMoreThanWasPaid()
    {
        await _world.JoinAsync();
        var paid = _world.Receive(_world.Sink.Delivered).OfType<PaymentSucceeded>().Single();

        var error = await Should.ThrowAsync<PaymentGatewayException>(() =>
            _world.Gateway.RefundAsync(new RefundRequest(TestData.StAlbans, paid.InvoiceId, 9301, RefundReason.RequestedByCustomer, "refund:1"), _ct));

        error.Code.ShouldBe("amount_too_large");
    }

    [Fact]
    public async Task RefundAOneOffPaymentWithItsPayerAndReference()
    {
        var started = await _world.Gateway.CreatePaymentCheckoutAsync(TestData.TrainerBookingCheckout(), _ct);
        var completed = _world.Receive(await _world.Billing.PayAsync(TestData.StAlbans, started.CheckoutId, _ct)).OfType<CheckoutCompleted>().Single();

        await _world.Gateway.RefundAsync(new RefundRequest(TestData.StAlbans, completed.PaymentIntentId!, null, RefundReason.RequestedByCustomer, "refund:1"), _ct);

        var refunded = _world.Receive([_world.Sink.Delivered[^1]]).ShouldHaveSingleItem().ShouldBeOfType<RefundIssued>();
        refunded.UserId.ShouldBe(TestData.Priya);
        refunded.Purpose.ShouldBe(CheckoutPurposes.TrainerBooking);
        refunded.Reference.ShouldBe("booking-7f3a");
        refunded.PaymentIntentId.ShouldBe(completed.PaymentIntentId);
        refunded.AmountRefundedCents.ShouldBe(9000);
    }

    [Fact]
    public async Task KeepEachGymsSubscriptionsAndPaymentsToItself()
    {
        var subscriptionId = await _world.JoinAsync();
        var paid = _world.Receive(_world.Sink.Delivered).OfType<PaymentSucceeded>().Single();

        await Should.ThrowAsync<NotFoundException>(() => _world.Gateway.GetSubscriptionAsync(TestData.Sunshine, subscriptionId, _ct));
        await Should.ThrowAsync<NotFoundException>(() => _world.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.Sunshine, subscriptionId, CancellationTiming.Immediately, null, "cancel:x"), _ct));
        await Should.ThrowAsync<NotFoundException>(() => _world.Gateway.RefundAsync(
            new RefundRequest(TestData.Sunshine, paid.InvoiceId, null, RefundReason.RequestedByCustomer, "refund:x"), _ct));
    }
}
