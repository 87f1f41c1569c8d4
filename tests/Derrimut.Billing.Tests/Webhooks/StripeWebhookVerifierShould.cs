using System.Text;
using Derrimut.Billing.Webhooks;
using Stripe;

namespace Derrimut.Billing.Tests.Webhooks;

public sealed class StripeWebhookVerifierShould
{
    private static readonly string Body = StripeEvents.SubscriptionUpdated();

    [Fact]
    public void AcceptAGenuineFreshEvent()
    {
        var result = Verify(Body, StripeEvents.Sign(Body));

        result.Outcome.ShouldBe(WebhookVerificationOutcome.Verified);
        result.IsVerified.ShouldBeTrue();
        result.Event.Id.ShouldBe("evt_1QvR4bL8dE4fG5hIa1b2c3d4");
        result.Event.Type.ShouldBe("customer.subscription.updated");
        result.Event.Data.Object.ShouldBeOfType<Subscription>().Status.ShouldBe("past_due");
    }

    [Fact]
    public void AcceptTheRawBytesAsSent()
    {
        var result = StripeWebhookVerifier.Verify(Encoding.UTF8.GetBytes(Body), StripeEvents.Sign(Body), TestData.StAlbansWebhookSecret, TestData.Clock());

        result.Outcome.ShouldBe(WebhookVerificationOutcome.Verified);
    }

    [Fact]
    public void RejectATamperedBody() =>
        Verify(Body.Replace("past_due", "active", StringComparison.Ordinal), StripeEvents.Sign(Body)).Outcome.ShouldBe(WebhookVerificationOutcome.BadSignature);

    [Fact]
    public void RejectReSerializedJsonBecauseOnlyTheExactBytesAreSigned() =>
        Verify(Body.Replace("\n", "", StringComparison.Ordinal), StripeEvents.Sign(Body)).Outcome.ShouldBe(WebhookVerificationOutcome.BadSignature);

    [Fact]
    public void RejectAnotherGymsSecret() =>
        Verify(Body, StripeEvents.Sign(Body, TestData.SunshineWebhookSecret)).Outcome.ShouldBe(WebhookVerificationOutcome.BadSignature);

    [Fact]
    public void RejectAnEventSignedMoreThanFiveMinutesAgo() =>
        Verify(Body, StripeEvents.Sign(Body, secondsAgo: 301)).Outcome.ShouldBe(WebhookVerificationOutcome.StaleTimestamp);

    [Fact]
    public void RejectAnEventSignedMoreThanFiveMinutesAhead() =>
        Verify(Body, StripeEvents.Sign(Body, secondsAgo: -301)).Outcome.ShouldBe(WebhookVerificationOutcome.FutureTimestamp);

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void AcceptAnEventSignedExactlyFiveMinutesAwayEitherWay(long secondsAgo) =>
        Verify(Body, StripeEvents.Sign(Body, secondsAgo: secondsAgo)).Outcome.ShouldBe(WebhookVerificationOutcome.Verified);

    [Fact]
    public void CallAStaleForgeryABadSignatureNotAStaleEvent() =>
        Verify(Body, StripeEvents.Sign(Body, TestData.SunshineWebhookSecret, secondsAgo: 3600)).Outcome.ShouldBe(WebhookVerificationOutcome.BadSignature);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectAMissingSignature(string? header) => Verify(Body, header).Outcome.ShouldBe(WebhookVerificationOutcome.MissingSignature);

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1793656800")]
    [InlineData("v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=yesterday,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=1793656800,v1=")]
    [InlineData("t=1793656800,v1=abc,trailing")]
    public void RejectAMalformedSignatureHeader(string header) =>
        Verify(Body, header).Outcome.ShouldBe(WebhookVerificationOutcome.MalformedSignatureHeader);

    [Fact]
    public void AcceptASignatureFromEitherSecretWhileTheSecretIsRolled()
    {
        var header = StripeEvents.Sign(Body);
        var withOldSecret = StripeEvents.Sign(Body, "whsec_retired_secret");
        var rolled = $"{header},{withOldSecret[withOldSecret.IndexOf("v1=", StringComparison.Ordinal)..]},v0=deadbeef";

        Verify(Body, rolled).Outcome.ShouldBe(WebhookVerificationOutcome.Verified);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"id":"evt_1","object":"event","api_version":"2026-10-28.endive","created":1793656800,"type":"invoice.paid"}""")]
    [InlineData("""{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated","created":"2026-11-02T22:00:00Z"}""")]
    public void CallAGenuinelySignedBodyThatIsNotAStripeEventMalformed(string body) =>
        Verify(body, StripeEvents.Sign(body)).Outcome.ShouldBe(WebhookVerificationOutcome.MalformedPayload);

    [Theory]
    [InlineData("2025-03-31.basil")]
    [InlineData("2026-03-25.dahlia")]
    [InlineData("2020-08-27")]
    public void RejectAnEventOfAnotherReleaseTrain(string apiVersion)
    {
        var body = StripeEvents.Envelope("customer.subscription.updated", StripeEvents.Subscription(), apiVersion: apiVersion);

        var result = Verify(body, StripeEvents.Sign(body));

        result.Outcome.ShouldBe(WebhookVerificationOutcome.UnsupportedApiVersion);
        result.Detail.ShouldContain(apiVersion);
    }

    [Fact]
    public void RejectAnEventWithoutAnApiVersionInsteadOfLettingStripeNetThrow()
    {
        var body = Body.Replace("\"api_version\":\"2026-10-28.endive\",", "", StringComparison.Ordinal);

        Verify(body, StripeEvents.Sign(body)).Outcome.ShouldBe(WebhookVerificationOutcome.UnsupportedApiVersion);
    }

    [Fact]
    public void AcceptAnyVersionOfTheSameReleaseTrain()
    {
        var body = StripeEvents.Envelope("customer.subscription.updated", StripeEvents.Subscription(), apiVersion: "2026-01-28.endive");

        Verify(body, StripeEvents.Sign(body)).Outcome.ShouldBe(WebhookVerificationOutcome.Verified);
    }

    [Fact]
    public void RejectBytesThatAreNotUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        bytes[^3] = 0xFF;

        var result = StripeWebhookVerifier.Verify(bytes, StripeEvents.Sign(Body), TestData.StAlbansWebhookSecret, TestData.Clock());

        result.Outcome.ShouldBe(WebhookVerificationOutcome.BadSignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void RefuseToVerifyWithABlankSecretBecauseAnyoneCouldSignWithIt(string secret) =>
        Should.Throw<ArgumentException>(() => StripeWebhookVerifier.Verify(Body, EventUtility.GenerateSignatureHeader(Body, secret, StripeEvents.Created), secret, TestData.Clock()));

    private static WebhookVerification Verify(string body, string? header) =>
        StripeWebhookVerifier.Verify(body, header, TestData.StAlbansWebhookSecret, TestData.Clock());
}
