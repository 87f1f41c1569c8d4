using System.Net;

namespace Derrimut.Billing.Tests.Gateways;

/// <summary>
/// A scheduled price change reaches Stripe as an update of the subscription's item: the plan's new price (or an
/// inline price on the item's product), no proration, with the gym's key and the change's idempotency key.
/// </summary>
public sealed class StripeSubscriptionPriceChangeShould : IDisposable
{
    private const string SubscriptionId = "sub_1QvR2xL8dE4fG5hI";

    private readonly FakeStripeApi _stripe = new();

    public void Dispose() => _stripe.Dispose();

    private static SubscriptionPriceChangeRequest Change(string? stripePriceId) => new(
        TestData.StAlbans, SubscriptionId,
        new CheckoutPlan("no-lock-in", "No lock-in", 4690, new BillingInterval(BillingIntervalUnit.Week, 2), 0, stripePriceId),
        "plan-price-change:0197a1b2c3d4");

    [Fact]
    public async Task MoveTheSubscriptionsItemToThePlansNewPriceWithoutProration()
    {
        _stripe.Respond("GET", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription());
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription());

        await _stripe.Gateway.ChangeSubscriptionPriceAsync(Change("price_1QnewFortnightly"), TestContext.Current.CancellationToken);

        var update = _stripe.Requests.Single(r => r.Method == "POST");
        var form = FakeStripeApi.Form(update);
        form["items[0][id]"].ShouldBe("si_RqT5aB1cD2eF3g");
        form["items[0][price]"].ShouldBe("price_1QnewFortnightly");
        form["proration_behavior"].ShouldBe("none");
        FakeStripeApi.Header(update, "Authorization").ShouldBe("Bearer sk_test_st_albans");
        FakeStripeApi.Header(update, "Idempotency-Key").ShouldBe("plan-price-change:0197a1b2c3d4");
    }

    [Fact]
    public async Task PriceInlineOnTheItemsProductWhenThePlanHasNoStripePrice()
    {
        var withProduct = StripeJson.Subscription().Replace("\"unit_amount\": 4400,", "\"unit_amount\": 4400, \"product\": \"prod_NoLockIn\",", StringComparison.Ordinal);
        _stripe.Respond("GET", $"/v1/subscriptions/{SubscriptionId}", withProduct);
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", withProduct);

        await _stripe.Gateway.ChangeSubscriptionPriceAsync(Change(null), TestContext.Current.CancellationToken);

        var form = FakeStripeApi.Form(_stripe.Requests.Single(r => r.Method == "POST"));
        form["items[0][id]"].ShouldBe("si_RqT5aB1cD2eF3g");
        form["items[0][price_data][product]"].ShouldBe("prod_NoLockIn");
        form["items[0][price_data][unit_amount]"].ShouldBe("4690");
        form["items[0][price_data][currency]"].ShouldBe("aud");
        form["items[0][price_data][tax_behavior]"].ShouldBe("inclusive");
        form["items[0][price_data][recurring][interval]"].ShouldBe("week");
        form["items[0][price_data][recurring][interval_count]"].ShouldBe("2");
        form["proration_behavior"].ShouldBe("none");
    }

    [Fact]
    public async Task ReportStripesRefusalAsAGatewayException()
    {
        _stripe.Respond("GET", $"/v1/subscriptions/{SubscriptionId}", StripeJson.Subscription());
        _stripe.Respond("POST", $"/v1/subscriptions/{SubscriptionId}", """{"error":{"type":"invalid_request_error","message":"No such price: 'price_gone'"}}""", HttpStatusCode.BadRequest);

        var refused = await Should.ThrowAsync<PaymentGatewayException>(
            _stripe.Gateway.ChangeSubscriptionPriceAsync(Change("price_gone"), TestContext.Current.CancellationToken));

        refused.Message.ShouldContain("No such price");
    }
}
