using System.Net;
using Derrimut.Billing.Webhooks;

namespace Derrimut.Billing.Tests.Webhooks;

/// <summary>
/// Every renewal lands on the ledger: an endpoint configured with the original design's
/// <c>invoice.payment_succeeded</c> records renewals like <c>invoice.paid</c> (the same invoice, so the same ledger
/// line), and a dashboard refund's payment is traced back to the invoice it paid.
/// </summary>
public sealed class RenewalEventsShould : IDisposable
{
    private readonly FakeStripeApi _stripe = new();

    public void Dispose() => _stripe.Dispose();

    private static readonly string Renewal = $$"""
        {"id":"in_1QvR2yL8dE4fG5hI","object":"invoice","status":"paid","billing_reason":"subscription_cycle","customer":"cus_RqT5uV6wX7yZ8a",
         "amount_due":4400,"amount_paid":4400,"attempt_count":1,"currency":"aud",
         "parent":{"type":"subscription_details","subscription_details":{"metadata":{{StripeEvents.Metadata()}},"subscription":"sub_1QvR2xL8dE4fG5hI"} },
         "lines":{"object":"list","data":[{"id":"il_1","object":"line_item","amount":4400,"currency":"aud","period":{"start":1793656800,"end":1794866400} }] } }
        """;

    private static StripeEventTranslation Translate(string type)
    {
        var body = StripeEvents.Envelope(type, Renewal);
        var verified = StripeWebhookVerifier.Verify(body, StripeEvents.Sign(body), TestData.StAlbansWebhookSecret, TestData.Clock());
        verified.Outcome.ShouldBe(WebhookVerificationOutcome.Verified, verified.Detail);
        return StripeEventTranslator.Translate(verified.Event!, TestData.StAlbans);
    }

    [Fact]
    public void RecordARenewalFromInvoicePaymentSucceededExactlyAsFromInvoicePaid()
    {
        var fromPaymentSucceeded = Translate("invoice.payment_succeeded").Event.ShouldBeOfType<PaymentSucceeded>();
        var fromPaid = Translate("invoice.paid").Event.ShouldBeOfType<PaymentSucceeded>();

        fromPaymentSucceeded.ShouldBe(fromPaid);
        fromPaymentSucceeded.InvoiceId.ShouldBe("in_1QvR2yL8dE4fG5hI");
        fromPaymentSucceeded.AmountPaidCents.ShouldBe(4400);
    }

    [Fact]
    public async Task FindTheInvoiceAPaymentPaidThroughStripesInvoicePayments()
    {
        _stripe.Respond("GET", "/v1/invoice_payments", """
            {"object":"list","url":"/v1/invoice_payments","has_more":false,
             "data":[{"id":"inpay_1","object":"invoice_payment","invoice":"in_1QvR2yL8dE4fG5hI","status":"paid","amount_paid":4400,"currency":"aud",
                      "payment":{"type":"payment_intent","payment_intent":"pi_3QrenewalA"} }] }
            """);

        var invoiceId = await _stripe.Gateway.FindInvoiceOfPaymentAsync(TestData.StAlbans, "pi_3QrenewalA", TestContext.Current.CancellationToken);

        invoiceId.ShouldBe("in_1QvR2yL8dE4fG5hI");
        var sent = _stripe.SingleRequest();
        var query = WebUtility.UrlDecode(sent.Url);
        query.ShouldContain("payment[type]=payment_intent");
        query.ShouldContain("payment[payment_intent]=pi_3QrenewalA");
        FakeStripeApi.Header(sent, "Authorization").ShouldBe("Bearer sk_test_st_albans");
    }

    [Fact]
    public async Task AnswerNoInvoiceForAOneOffPayment()
    {
        _stripe.Respond("GET", "/v1/invoice_payments", """{"object":"list","url":"/v1/invoice_payments","has_more":false,"data":[]}""");

        (await _stripe.Gateway.FindInvoiceOfPaymentAsync(TestData.StAlbans, "pi_3QoneOff", TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
