using System.Net;
using Derrimut.Billing.Accounts;
using Derrimut.Billing.Gateways;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Derrimut.Billing.Tests.Gateways;

/// <summary>The payments page's "Test the connection": a live call to Stripe's balance endpoint with the gym's key.</summary>
public sealed class StripeConnectionTesterShould : IDisposable
{
    private readonly FakeStripeApi _stripe = new();

    public void Dispose() => _stripe.Dispose();

    private StripeConnectionTester Tester()
    {
        var services = new ServiceCollection().AddSingleton(_stripe.Client).BuildServiceProvider();
        return new StripeConnectionTester(PerGymKeys.Default, Options.Create(new BillingOptions()), services);
    }

    [Fact]
    public async Task ReportSuccessAndTheModeWhenStripeAcceptsTheGymsKey()
    {
        _stripe.Respond("GET", "/v1/balance", """{"object":"balance","livemode":false,"available":[{"amount":0,"currency":"aud"}],"pending":[{"amount":0,"currency":"aud"}]}""");

        var result = await Tester().HandleAsync(TestData.Sunshine, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.LiveMode.ShouldBe(false);
        result.Message.ShouldContain("test keys");
        FakeStripeApi.Header(_stripe.SingleRequest(), "Authorization").ShouldBe("Bearer sk_test_sunshine");
    }

    [Fact]
    public async Task ReportStripesOwnErrorWhenItRefusesTheKey()
    {
        _stripe.Respond("GET", "/v1/balance", """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****bans"}}""", HttpStatusCode.Unauthorized);

        var result = await Tester().HandleAsync(TestData.StAlbans, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("Invalid API Key provided");
    }
}
