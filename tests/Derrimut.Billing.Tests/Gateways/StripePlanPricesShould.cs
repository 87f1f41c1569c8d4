using System.Net;

namespace Derrimut.Billing.Tests.Gateways;

/// <summary>A plan's price is created on the gym's own Stripe account: recurring, GST-inclusive, idempotent.</summary>
public sealed class StripePlanPricesShould : IDisposable
{
    private readonly FakeStripeApi _stripe = new();

    public void Dispose() => _stripe.Dispose();

    private static PlanPriceRequest Fortnightly(long cents) =>
        new(TestData.StAlbans, "no-lock-in", "No lock-in", cents, new BillingInterval(BillingIntervalUnit.Week, 2), "plan-price:st-albans:no-lock-in:3590");

    [Fact]
    public async Task CreateARecurringGstInclusivePriceWithTheGymsKeyAndReturnItsId()
    {
        _stripe.Respond("POST", "/v1/prices", """{"id":"price_1QnewFortnightly","object":"price","active":true,"currency":"aud","unit_amount":3590,"type":"recurring"}""");

        var priceId = await _stripe.Gateway.CreatePlanPriceAsync(Fortnightly(3590), TestContext.Current.CancellationToken);

        priceId.ShouldBe("price_1QnewFortnightly");
        var sent = _stripe.SingleRequest();
        sent.Path.ShouldBe("/v1/prices");
        var form = FakeStripeApi.Form(sent);
        form["currency"].ShouldBe("aud");
        form["unit_amount"].ShouldBe("3590");
        form["tax_behavior"].ShouldBe("inclusive");
        form["recurring[interval]"].ShouldBe("week");
        form["recurring[interval_count]"].ShouldBe("2");
        form["product_data[name]"].ShouldBe("No lock-in");
        form["metadata[plan]"].ShouldBe("no-lock-in");
        form["metadata[tenant_id]"].ShouldBe(TestData.StAlbans.ToString());
        FakeStripeApi.Header(sent, "Authorization").ShouldBe("Bearer sk_test_st_albans");
        FakeStripeApi.Header(sent, "Idempotency-Key").ShouldBe("plan-price:st-albans:no-lock-in:3590");
    }

    [Fact]
    public async Task ReportStripesRefusalAsAGatewayException()
    {
        _stripe.Respond("POST", "/v1/prices", """{"error":{"type":"invalid_request_error","message":"Invalid currency: aud."}}""", HttpStatusCode.BadRequest);

        var refused = await Should.ThrowAsync<PaymentGatewayException>(_stripe.Gateway.CreatePlanPriceAsync(Fortnightly(3590), TestContext.Current.CancellationToken));

        refused.Message.ShouldContain("Invalid currency");
    }
}
