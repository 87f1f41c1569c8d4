using System.Net;
using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Billing.Tests.Gateways;

public sealed class StripePaymentGatewayShould : IDisposable
{
    private const string SubscriptionId = "sub_1QvR2xL8dE4fG5hI";
    private readonly FakeStripeApi _stripe = new();

    public void Dispose() => _stripe.Dispose();

    [Fact]
    public async Task CreateASubscriptionCheckoutWithThePlansPriceMetadataAndIdempotencyKey()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.CheckoutSession("subscription"));
        var request = TestData.MembershipCheckout(TestData.NoLockIn(stripePriceId: "price_1QvR2xL8dE4fG5hI") with { JoiningFeeCents = 0 });

        var started = await _stripe.Gateway.CreateSubscriptionCheckoutAsync(request, TestContext.Current.CancellationToken);

        var sent = _stripe.SingleRequest();
        sent.Method.ShouldBe("POST");
        sent.Path.ShouldBe("/v1/checkout/sessions");
        var form = FakeStripeApi.Form(sent);
        form.ShouldBe(new Dictionary<string, string>
        {
            ["mode"] = "subscription",
            ["line_items[0][price]"] = "price_1QvR2xL8dE4fG5hI",
            ["line_items[0][quantity]"] = "1",
            ["client_reference_id"] = TestData.Priya.ToString(),
            ["customer_email"] = "priya@example.com",
            ["success_url"] = "https://st-albans.derrimut.com.au/memberships/welcome?session_id={CHECKOUT_SESSION_ID}",
            ["cancel_url"] = "https://st-albans.derrimut.com.au/memberships",
            ["metadata[tenant_id]"] = TestData.StAlbans.ToString(),
            ["metadata[user_id]"] = TestData.Priya.ToString(),
            ["metadata[plan]"] = "no-lock-in",
            ["metadata[purpose]"] = "membership",
            ["subscription_data[metadata][tenant_id]"] = TestData.StAlbans.ToString(),
            ["subscription_data[metadata][user_id]"] = TestData.Priya.ToString(),
            ["subscription_data[metadata][plan]"] = "no-lock-in",
            ["subscription_data[metadata][purpose]"] = "membership",
        }, ignoreOrder: true);
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("checkout:membership:1");
        FakeStripeApi.Header(sent, "Authorization").ShouldBe("Bearer sk_test_st_albans");
        FakeStripeApi.Header(sent, "Stripe-Version").ShouldBe("2026-10-28.endive");
        FakeStripeApi.Header(sent, "Content-Type").ShouldStartWith("application/x-www-form-urlencoded");

        started.CheckoutId.ShouldBe(StripeJson.CheckoutSessionId);
        started.Url.ShouldBe($"https://checkout.stripe.com/c/pay/{StripeJson.CheckoutSessionId}#fidkdWxOYHwnPyd1blpxYHZxWjA0");
        started.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1793743200));
    }

    [Fact]
    public async Task PriceAPlanWithoutAStripePriceInlineAsARecurringGstInclusivePriceWithTheJoiningFeeOnce()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.CheckoutSession("subscription"));

        await _stripe.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), TestContext.Current.CancellationToken);

        var form = FakeStripeApi.Form(_stripe.SingleRequest());
        form["line_items[0][price_data][currency]"].ShouldBe("aud");
        form["line_items[0][price_data][unit_amount]"].ShouldBe("4400");
        form["line_items[0][price_data][tax_behavior]"].ShouldBe("inclusive");
        form["line_items[0][price_data][product_data][name]"].ShouldBe("No lock-in");
        form["line_items[0][price_data][recurring][interval]"].ShouldBe("week");
        form["line_items[0][price_data][recurring][interval_count]"].ShouldBe("2");
        form["line_items[0][quantity]"].ShouldBe("1");
        form["line_items[1][price_data][unit_amount]"].ShouldBe("4900");
        form["line_items[1][price_data][product_data][name]"].ShouldBe("Joining fee – No lock-in");
        form.ShouldNotContainKey("line_items[1][price_data][recurring][interval]");
        form.ShouldNotContainKey("line_items[0][price]");
    }

    [Fact]
    public async Task CreateAPaymentCheckoutWhoseMetadataReachesThePaymentIntent()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.CheckoutSession("payment"));

        await _stripe.Gateway.CreatePaymentCheckoutAsync(TestData.TrainerBookingCheckout(), TestContext.Current.CancellationToken);

        var sent = _stripe.SingleRequest();
        var form = FakeStripeApi.Form(sent);
        form["mode"].ShouldBe("payment");
        form["line_items[0][price_data][unit_amount]"].ShouldBe("9000");
        form["line_items[0][price_data][product_data][name]"].ShouldBe("PT session with Sam, Tue 4 Nov 6:00 pm");
        form["payment_intent_data[metadata][tenant_id]"].ShouldBe(TestData.StAlbans.ToString());
        form["payment_intent_data[metadata][user_id]"].ShouldBe(TestData.Priya.ToString());
        form["payment_intent_data[metadata][purpose]"].ShouldBe("trainer_booking");
        form["payment_intent_data[metadata][reference]"].ShouldBe("booking-7f3a");
        form["metadata[reference]"].ShouldBe("booking-7f3a");
        form.Keys.ShouldNotContain(k => k.StartsWith("subscription_data", StringComparison.Ordinal));
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("checkout:booking:bk_1");
    }

    [Fact]
    public async Task SendOneLineItemPerLineOfAShopOrder()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.CheckoutSession("payment"));
        var request = TestData.TrainerBookingCheckout() with
        {
            Purpose = CheckoutPurposes.ShopOrder,
            AmountCents = 2 * 8995 + 695 + 1295,
            Lines = [new CheckoutLine("Whey Isolate, Chocolate", 8995, 2), new CheckoutLine("Rolled Oats", 695, 1), new CheckoutLine("Shipping", 1295, 1)],
        };

        await _stripe.Gateway.CreatePaymentCheckoutAsync(request, TestContext.Current.CancellationToken);

        var form = FakeStripeApi.Form(_stripe.SingleRequest());
        form["line_items[0][price_data][product_data][name]"].ShouldBe("Whey Isolate, Chocolate");
        form["line_items[0][price_data][unit_amount]"].ShouldBe("8995");
        form["line_items[0][quantity]"].ShouldBe("2");
        form["line_items[1][price_data][product_data][name]"].ShouldBe("Rolled Oats");
        form["line_items[1][quantity]"].ShouldBe("1");
        form["line_items[2][price_data][unit_amount]"].ShouldBe("1295");
        form["line_items[2][price_data][tax_behavior]"].ShouldBe("inclusive");
        form.ShouldNotContainKey("line_items[3][quantity]");
    }

    [Fact]
    public async Task UseEachGymsOwnSecretKey()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.CheckoutSession("subscription"));

        await _stripe.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(tenantId: TestData.Sunshine), TestContext.Current.CancellationToken);

        FakeStripeApi.Header(_stripe.SingleRequest(), "Authorization").ShouldBe("Bearer sk_test_sunshine");
    }

    [Fact]
    public async Task CancelAtTheEndOfThePeriod()
    {
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription(cancelAtPeriodEnd: true, cancelAt: 1794866400));

        var snapshot = await _stripe.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, SubscriptionId, CancellationTiming.AtPeriodEnd, null, "cancel:1"), TestContext.Current.CancellationToken);

        var sent = _stripe.SingleRequest();
        FakeStripeApi.Form(sent).ShouldBe(new Dictionary<string, string> { ["cancel_at_period_end"] = "true" });
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("cancel:1");
        snapshot.CancelAtPeriodEnd.ShouldBeTrue();
        snapshot.CancelAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1794866400));
        snapshot.CanceledAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1793660400));
    }

    [Fact]
    public async Task CancelAtTheEndOfTheMinimumTermAsAUnixTimestamp()
    {
        var endOfMinimumTerm = new DateTimeOffset(2027, 11, 2, 13, 0, 0, TimeSpan.Zero);
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription(cancelAt: endOfMinimumTerm.ToUnixTimeSeconds()));

        var snapshot = await _stripe.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, SubscriptionId, CancellationTiming.AtDate, endOfMinimumTerm, "cancel:2"), TestContext.Current.CancellationToken);

        FakeStripeApi.Form(_stripe.SingleRequest()).ShouldBe(new Dictionary<string, string> { ["cancel_at"] = "1825160400" });
        snapshot.CancelAt.ShouldBe(endOfMinimumTerm);
        snapshot.CancelAtPeriodEnd.ShouldBeFalse();
    }

    [Fact]
    public async Task CancelImmediatelyWithADelete()
    {
        _stripe.Respond("DELETE", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription(status: "canceled"));

        var snapshot = await _stripe.Gateway.CancelSubscriptionAsync(
            new CancelSubscriptionRequest(TestData.StAlbans, SubscriptionId, CancellationTiming.Immediately, null, "cancel:3"), TestContext.Current.CancellationToken);

        _stripe.SingleRequest().Method.ShouldBe("DELETE");
        snapshot.Status.ShouldBe(SubscriptionStatus.Canceled);
        snapshot.IsTerminal.ShouldBeTrue();
    }

    [Fact]
    public async Task RefuseToCancelAtADateInThePastWithoutCallingStripe()
    {
        var request = new CancelSubscriptionRequest(TestData.StAlbans, SubscriptionId, CancellationTiming.AtDate, TestData.Now.AddDays(-1), "cancel:4");

        var error = await Should.ThrowAsync<ValidationException>(() => _stripe.Gateway.CancelSubscriptionAsync(request, TestContext.Current.CancellationToken));

        error.Errors.ShouldContainKey("cancelAt");
        _stripe.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PauseCollectionVoidingInvoicesUntilTheFreezeEnds()
    {
        var resumesAt = new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription(pauseCollection: """{"behavior": "void", "resumes_at": 1796130000}"""));

        var snapshot = await _stripe.Gateway.PauseCollectionAsync(
            new PauseCollectionRequest(TestData.StAlbans, SubscriptionId, resumesAt, "freeze:1"), TestContext.Current.CancellationToken);

        var sent = _stripe.SingleRequest();
        FakeStripeApi.Form(sent).ShouldBe(new Dictionary<string, string>
        {
            ["pause_collection[behavior]"] = "void",
            ["pause_collection[resumes_at]"] = "1796130000",
        }, ignoreOrder: true);
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("freeze:1");
        snapshot.CollectionPaused.ShouldBeTrue();
        snapshot.CollectionResumesAt.ShouldBe(resumesAt);
        snapshot.Status.ShouldBe(SubscriptionStatus.Active);
    }

    [Fact]
    public async Task ResumeCollectionBySendingAnEmptyPauseCollection()
    {
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription());

        var snapshot = await _stripe.Gateway.ResumeCollectionAsync(
            new ResumeCollectionRequest(TestData.StAlbans, SubscriptionId, "thaw:1"), TestContext.Current.CancellationToken);

        FakeStripeApi.Form(_stripe.SingleRequest()).ShouldBe(new Dictionary<string, string> { ["pause_collection"] = "" });
        snapshot.CollectionPaused.ShouldBeFalse();
        snapshot.CollectionResumesAt.ShouldBeNull();
    }

    [Fact]
    public async Task RefundPartOfAPaymentIntent()
    {
        _stripe.Respond("POST", "/v1/refunds", StripeJson.Refund(2200));

        var refund = await _stripe.Gateway.RefundAsync(
            new RefundRequest(TestData.StAlbans, "pi_3QvR2zL8dE4fG5hI1o2p3q4r", 2200, RefundReason.RequestedByCustomer, "refund:1", TestData.Priya, "ledger-42"),
            TestContext.Current.CancellationToken);

        var sent = _stripe.SingleRequest();
        FakeStripeApi.Form(sent).ShouldBe(new Dictionary<string, string>
        {
            ["payment_intent"] = "pi_3QvR2zL8dE4fG5hI1o2p3q4r",
            ["amount"] = "2200",
            ["reason"] = "requested_by_customer",
            ["metadata[tenant_id]"] = TestData.StAlbans.ToString(),
            ["metadata[user_id]"] = TestData.Priya.ToString(),
            ["metadata[reference]"] = "ledger-42",
        }, ignoreOrder: true);
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("refund:1");
        refund.ShouldBe(new IssuedRefund("re_3QvR3aL8dE4fG5hI0x1y2z3a", "ch_3QvR2zL8dE4fG5hI1k2l3m4n", "pi_3QvR2zL8dE4fG5hI1o2p3q4r", 2200, "succeeded"));
        refund.GstCents.ShouldBe(200);
    }

    [Fact]
    public async Task RefundAChargeInFullBySendingNoAmount()
    {
        _stripe.Respond("POST", "/v1/refunds", StripeJson.Refund(9000));

        await _stripe.Gateway.RefundAsync(
            new RefundRequest(TestData.StAlbans, "ch_3QvR2zL8dE4fG5hI1k2l3m4n", null, RefundReason.Duplicate, "refund:2"), TestContext.Current.CancellationToken);

        var form = FakeStripeApi.Form(_stripe.SingleRequest());
        form["charge"].ShouldBe("ch_3QvR2zL8dE4fG5hI1k2l3m4n");
        form["reason"].ShouldBe("duplicate");
        form.ShouldNotContainKey("amount");
        form.ShouldNotContainKey("payment_intent");
    }

    [Fact]
    public async Task RefundAnInvoiceThroughItsPaidPaymentIntent()
    {
        _stripe.Respond("GET", "/v1/invoice_payments", StripeJson.InvoicePayments).Respond("POST", "/v1/refunds", StripeJson.Refund(9300));

        await _stripe.Gateway.RefundAsync(
            new RefundRequest(TestData.StAlbans, "in_1QvR2yL8dE4fG5hI", null, RefundReason.RequestedByCustomer, "refund:3"), TestContext.Current.CancellationToken);

        _stripe.Requests.Count.ShouldBe(2);
        var lookup = _stripe.Requests[0];
        lookup.Method.ShouldBe("GET");
        lookup.RawQuery!.ShouldContain("invoice=in_1QvR2yL8dE4fG5hI");
        lookup.RawQuery!.ShouldContain("status=paid");
        FakeStripeApi.Form(_stripe.Requests[1])["payment_intent"].ShouldBe("pi_3QvR2zL8dE4fG5hI1o2p3q4r");
        FakeStripeApi.Header(_stripe.Requests[1], "Idempotency-Key").ShouldBe("refund:3");
    }

    [Fact]
    public async Task ReadASubscriptionsPeriodFromItsItems()
    {
        _stripe.Respond("GET", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription(status: "past_due"));

        var snapshot = await _stripe.Gateway.GetSubscriptionAsync(TestData.StAlbans, SubscriptionId, TestContext.Current.CancellationToken);

        _stripe.SingleRequest().Method.ShouldBe("GET");
        snapshot.ShouldBe(new SubscriptionSnapshot(
            SubscriptionId, "cus_RqT5uV6wX7yZ8a", SubscriptionStatus.PastDue,
            DateTimeOffset.FromUnixTimeSeconds(1793656800), DateTimeOffset.FromUnixTimeSeconds(1794866400),
            CancelAtPeriodEnd: false, CancelAt: null, CanceledAt: null, EndedAt: null, CollectionPaused: false, CollectionResumesAt: null));
    }

    [Fact]
    public async Task NotShowOneGymAnotherGymsSubscriptionOnASharedStripeAccount()
    {
        _stripe.Respond("GET", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription());

        await Should.ThrowAsync<NotFoundException>(() => _stripe.Gateway.GetSubscriptionAsync(TestData.Sunshine, SubscriptionId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReportADeclinedCardAsDeclined()
    {
        _stripe.Respond("POST", "/v1/refunds", StripeJson.CardDeclined, HttpStatusCode.PaymentRequired);

        var error = await Should.ThrowAsync<PaymentGatewayException>(() => _stripe.Gateway.RefundAsync(
            new RefundRequest(TestData.StAlbans, "pi_3QvR2zL8dE4fG5hI1o2p3q4r", null, RefundReason.RequestedByCustomer, "refund:4"), TestContext.Current.CancellationToken));

        error.Failure.ShouldBe(PaymentGatewayFailure.Declined);
        error.Code.ShouldBe("insufficient_funds");
        error.Message.ShouldBe("Your card has insufficient funds.");
    }

    [Fact]
    public async Task ReportAnUnknownSubscriptionAsNotFound()
    {
        _stripe.Respond("GET", "/v1/subscriptions/sub_missing", StripeJson.NoSuchSubscription, HttpStatusCode.NotFound);

        var error = await Should.ThrowAsync<NotFoundException>(() => _stripe.Gateway.GetSubscriptionAsync(TestData.StAlbans, "sub_missing", TestContext.Current.CancellationToken));

        error.Message.ShouldBe("No such subscription: 'sub_missing'");
    }

    [Fact]
    public async Task ReportAStripeOutageAsTransient()
    {
        _stripe.Respond("POST", "/v1/checkout/sessions", StripeJson.ApiError, HttpStatusCode.InternalServerError);

        var error = await Should.ThrowAsync<PaymentGatewayException>(() =>
            _stripe.Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(), TestContext.Current.CancellationToken));

        error.IsTransient.ShouldBeTrue();
        _stripe.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RejectAPlanCheaperThanStripesMinimumChargeWithoutCallingStripe()
    {
        var request = TestData.MembershipCheckout(TestData.NoLockIn() with { PriceCents = 49 });

        var error = await Should.ThrowAsync<ValidationException>(() => _stripe.Gateway.CreateSubscriptionCheckoutAsync(request, TestContext.Current.CancellationToken));

        error.Errors.Keys.ShouldBe(["plan.priceCents"]);
        _stripe.Requests.ShouldBeEmpty();
    }
}
