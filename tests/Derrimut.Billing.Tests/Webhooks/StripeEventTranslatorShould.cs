using Derrimut.Billing.Webhooks;
using Stripe;

namespace Derrimut.Billing.Tests.Webhooks;

public sealed class StripeEventTranslatorShould
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(StripeEvents.Created);

    [Fact]
    public void TurnACompletedSubscriptionCheckoutIntoCheckoutCompleted()
    {
        var session = $$"""
            {"id":"cs_test_a1","object":"checkout.session","mode":"subscription","status":"complete","payment_status":"paid",
             "client_reference_id":"{{TestData.Priya}}","customer":"cus_RqT5uV6wX7yZ8a","subscription":"sub_1QvR2xL8dE4fG5hI",
             "invoice":"in_1QvR2yL8dE4fG5hI","payment_intent":null,"amount_total":9300,"currency":"aud","metadata":{{StripeEvents.Metadata()}}}
            """;

        var published = Translate(StripeEvents.Envelope("checkout.session.completed", session));

        published.ShouldBe(new CheckoutCompleted(
            "evt_1QvR4bL8dE4fG5hIa1b2c3d4", Created, TestData.StAlbans, TestData.Priya, "membership", "no-lock-in", null, "cs_test_a1",
            CheckoutMode.Subscription, CheckoutPaymentStatus.Paid, "cus_RqT5uV6wX7yZ8a", "sub_1QvR2xL8dE4fG5hI", null, "in_1QvR2yL8dE4fG5hI",
            9300, 845, "aud"));
    }

    [Fact]
    public void TurnAnUnpaidDelayedPaymentCheckoutIntoAnUnpaidCheckoutCompleted()
    {
        var session = $$"""
            {"id":"cs_test_b2","object":"checkout.session","mode":"payment","status":"complete","payment_status":"unpaid",
             "payment_intent":"pi_3QvR2zL8dE4fG5hI1o2p3q4r","amount_total":9000,"currency":"aud",
             "metadata":{"purpose":"trainer_booking","reference":"booking-7f3a","tenant_id":"{{TestData.StAlbans}}","user_id":"{{TestData.Priya}}"} }
            """;

        var published = Translate(StripeEvents.Envelope("checkout.session.completed", session)).ShouldBeOfType<CheckoutCompleted>();

        published.Mode.ShouldBe(CheckoutMode.Payment);
        published.PaymentStatus.ShouldBe(CheckoutPaymentStatus.Unpaid);
        published.Reference.ShouldBe("booking-7f3a");
        published.PlanCode.ShouldBeNull();
        published.PaymentIntentId.ShouldBe("pi_3QvR2zL8dE4fG5hI1o2p3q4r");
    }

    [Fact]
    public void TurnAnExpiredCheckoutIntoAFailedPayment()
    {
        var session = $$"""
            {"id":"cs_test_c3","object":"checkout.session","mode":"subscription","status":"expired","payment_status":"unpaid",
             "amount_total":9300,"currency":"aud","metadata":{{StripeEvents.Metadata()}}}
            """;

        var published = Translate(StripeEvents.Envelope("checkout.session.expired", session)).ShouldBeOfType<PaymentFailed>();

        published.Stage.ShouldBe(PaymentFailureStage.CheckoutExpired);
        published.CheckoutSessionId.ShouldBe("cs_test_c3");
        published.AmountDueCents.ShouldBe(9300);
        published.PlanCode.ShouldBe("no-lock-in");
    }

    [Fact]
    public void TurnASubscriptionUpdateIntoSubscriptionChangedWithThePreviousStatus()
    {
        var published = Translate(StripeEvents.SubscriptionUpdated("past_due", "active")).ShouldBeOfType<SubscriptionChanged>();

        published.Change.ShouldBe(SubscriptionChange.Updated);
        published.PreviousStatus.ShouldBe(SubscriptionStatus.Active);
        published.Subscription.Status.ShouldBe(SubscriptionStatus.PastDue);
        published.Subscription.SubscriptionId.ShouldBe("sub_1QvR2xL8dE4fG5hI");
        published.UserId.ShouldBe(TestData.Priya);
        published.PlanCode.ShouldBe("no-lock-in");
        published.StripeEventCreatedAt.ShouldBe(Created);
    }

    [Fact]
    public void TakeTheLatestItemsPeriodEndAsTheSubscriptionsPeriodEnd()
    {
        var items = StripeEvents.Item("si_1", 1_793_656_800, 1_794_866_400) + "," + StripeEvents.Item("si_2", 1_793_000_000, 1_796_335_200);

        var published = Translate(StripeEvents.Envelope("customer.subscription.created", StripeEvents.Subscription(items: items)))
            .ShouldBeOfType<SubscriptionChanged>();

        published.Change.ShouldBe(SubscriptionChange.Created);
        published.PreviousStatus.ShouldBeNull();
        published.Subscription.CurrentPeriodEnd.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_796_335_200));
        published.Subscription.CurrentPeriodStart.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_793_000_000));
    }

    [Fact]
    public void TurnADeletedSubscriptionIntoATerminalChange()
    {
        var published = Translate(StripeEvents.Envelope("customer.subscription.deleted", StripeEvents.Subscription("canceled"))).ShouldBeOfType<SubscriptionChanged>();

        published.Change.ShouldBe(SubscriptionChange.Deleted);
        published.Subscription.IsTerminal.ShouldBeTrue();
    }

    [Fact]
    public void TurnAPaidRenewalIntoPaymentSucceededForTheLinesServicePeriod()
    {
        var invoice = $$"""
            {"id":"in_1QvR2yL8dE4fG5hI","object":"invoice","status":"paid","billing_reason":"subscription_cycle","customer":"cus_RqT5uV6wX7yZ8a",
             "amount_due":4400,"amount_paid":4400,"attempt_count":1,"currency":"aud","period_start":1792447200,"period_end":1793656800,
             "parent":{"type":"subscription_details","quote_details":null,
                       "subscription_details":{"metadata":{{StripeEvents.Metadata()}},"subscription":"sub_1QvR2xL8dE4fG5hI"} },
             "lines":{"object":"list","data":[{"id":"il_1","object":"line_item","amount":4400,"currency":"aud","period":{"start":1793656800,"end":1794866400} }] } }
            """;

        var published = Translate(StripeEvents.Envelope("invoice.paid", invoice));

        published.ShouldBe(new PaymentSucceeded(
            "evt_1QvR4bL8dE4fG5hIa1b2c3d4", Created, TestData.StAlbans, TestData.Priya, "membership", "no-lock-in", "in_1QvR2yL8dE4fG5hI",
            "sub_1QvR2xL8dE4fG5hI", "cus_RqT5uV6wX7yZ8a", null, InvoiceBillingReason.SubscriptionCycle, 4400, 400, "aud",
            DateTimeOffset.FromUnixTimeSeconds(1_793_656_800), DateTimeOffset.FromUnixTimeSeconds(1_794_866_400)));
    }

    [Fact]
    public void ReadThePaymentIntentOfAnInvoiceWhenItsPaymentsAreIncluded()
    {
        var invoice = $$"""
            {"id":"in_1","object":"invoice","status":"paid","billing_reason":"subscription_create","amount_paid":9300,"currency":"aud",
             "parent":{"type":"subscription_details","subscription_details":{"metadata":{{StripeEvents.Metadata()}},"subscription":"sub_1"} },
             "payments":{"object":"list","data":[{"id":"inpay_1","object":"invoice_payment","status":"paid","payment":{"type":"payment_intent","payment_intent":"pi_1"} }] } }
            """;

        var published = Translate(StripeEvents.Envelope("invoice.paid", invoice)).ShouldBeOfType<PaymentSucceeded>();

        published.PaymentIntentId.ShouldBe("pi_1");
        published.BillingReason.ShouldBe(InvoiceBillingReason.SubscriptionCreate);
    }

    [Fact]
    public void TurnAFailedRenewalIntoPaymentFailedWithTheNextAttempt()
    {
        var invoice = $$"""
            {"id":"in_2","object":"invoice","status":"open","billing_reason":"subscription_cycle","amount_due":4400,"amount_paid":0,
             "attempt_count":2,"next_payment_attempt":1793916000,"currency":"aud",
             "parent":{"type":"subscription_details","subscription_details":{"metadata":{{StripeEvents.Metadata()}},"subscription":"sub_1"} } }
            """;

        var published = Translate(StripeEvents.Envelope("invoice.payment_failed", invoice)).ShouldBeOfType<PaymentFailed>();

        published.Stage.ShouldBe(PaymentFailureStage.Invoice);
        published.InvoiceId.ShouldBe("in_2");
        published.SubscriptionId.ShouldBe("sub_1");
        published.AmountDueCents.ShouldBe(4400);
        published.GstCents.ShouldBe(400);
        published.AttemptCount.ShouldBe(2);
        published.NextPaymentAttempt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_793_916_000));
    }

    [Fact]
    public void IgnoreAnInvoiceThatBelongsToNoSubscription()
    {
        var invoice = """{"id":"in_3","object":"invoice","status":"paid","amount_paid":2200,"currency":"aud","parent":null}""";

        Ignored(StripeEvents.Envelope("invoice.paid", invoice)).ShouldContain("not a subscription invoice");
    }

    [Fact]
    public void TurnAPartialRefundOfASubscriptionChargeIntoRefundIssuedForTheEndpointsGym()
    {
        var charge = """
            {"id":"ch_3QvR2zL8dE4fG5hI1k2l3m4n","object":"charge","amount":4400,"amount_refunded":2200,"refunded":false,
             "currency":"aud","payment_intent":"pi_3QvR2zL8dE4fG5hI1o2p3q4r","metadata":{},"status":"succeeded","paid":true,"captured":true}
            """;

        var published = Translate(StripeEvents.Envelope("charge.refunded", charge, """{"amount_refunded":0}"""));

        published.ShouldBe(new RefundIssued(
            "evt_1QvR4bL8dE4fG5hIa1b2c3d4", Created, TestData.StAlbans, null, null, null, "ch_3QvR2zL8dE4fG5hI1k2l3m4n",
            "pi_3QvR2zL8dE4fG5hI1o2p3q4r", 4400, 2200, 200, false, "aud"));
    }

    [Fact]
    public void CarryThePayerOfARefundedOneOffCharge()
    {
        var charge = $$"""
            {"id":"ch_1","object":"charge","amount":9000,"amount_refunded":9000,"refunded":true,"currency":"aud","payment_intent":"pi_1",
             "metadata":{"purpose":"trainer_booking","reference":"booking-7f3a","tenant_id":"{{TestData.StAlbans}}","user_id":"{{TestData.Priya}}"} }
            """;

        var published = Translate(StripeEvents.Envelope("charge.refunded", charge)).ShouldBeOfType<RefundIssued>();

        published.UserId.ShouldBe(TestData.Priya);
        published.Reference.ShouldBe("booking-7f3a");
        published.FullyRefunded.ShouldBeTrue();
        published.RefundedGstCents.ShouldBe(818);
    }

    [Fact]
    public void IgnoreAnotherGymsObjectDeliveredToThisGymsEndpoint() =>
        Ignored(StripeEvents.Envelope("customer.subscription.updated", StripeEvents.Subscription(metadata: StripeEvents.Metadata(TestData.Sunshine))))
            .ShouldContain("another gym");

    [Fact]
    public void IgnoreAnObjectNotCreatedByDerrimut() =>
        Ignored(StripeEvents.Envelope("customer.subscription.updated", StripeEvents.Subscription(metadata: "{}"))).ShouldContain("no tenant_id");

    [Fact]
    public void IgnoreAnObjectWhoseUserIsNotAUserId() =>
        Ignored(StripeEvents.Envelope("customer.subscription.created", StripeEvents.Subscription(
            metadata: $$"""{"purpose":"membership","tenant_id":"{{TestData.StAlbans}}","user_id":"42"}"""))).ShouldContain("user_id");

    [Theory]
    [InlineData("customer.created")]
    [InlineData("payment_intent.succeeded")]
    [InlineData("invoice.created")]
    public void IgnoreEventTypesItDoesNotHandle(string type) =>
        Ignored(StripeEvents.Envelope(type, StripeEvents.Subscription())).ShouldBe($"Billing does not handle {type} events.");

    private static IBillingEvent Translate(string body)
    {
        var translation = StripeEventTranslator.Translate(Parse(body), TestData.StAlbans);
        translation.IgnoredBecause.ShouldBeNull();
        return translation.Event.ShouldNotBeNull();
    }

    private static string Ignored(string body)
    {
        var translation = StripeEventTranslator.Translate(Parse(body), TestData.StAlbans);
        translation.Event.ShouldBeNull();
        return translation.IgnoredBecause.ShouldNotBeNull();
    }

    private static Event Parse(string body)
    {
        var verified = StripeWebhookVerifier.Verify(body, StripeEvents.Sign(body), TestData.StAlbansWebhookSecret, TestData.Clock());
        verified.Outcome.ShouldBe(WebhookVerificationOutcome.Verified, verified.Detail);
        return verified.Event!;
    }
}
