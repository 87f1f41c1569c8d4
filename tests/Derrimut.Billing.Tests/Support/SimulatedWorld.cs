using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Billing.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Billing.Tests.Support;

/// <summary>The simulated gateway with its store, a recording sink in place of HTTP delivery, and a fake clock.</summary>
internal sealed class SimulatedWorld
{
    public SimulatedWorld()
    {
        Clock = TestData.Clock();
        Store = new InMemorySimulatedBillingStore();
        Sink = new RecordingEventSink();
        var delivery = new SimulatedEventDelivery(PerGymKeys.Default, Sink, Clock);
        Gateway = new SimulatedPaymentGateway(Store, delivery, Clock);
        Billing = new SimulatedBilling(Store, delivery, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public InMemorySimulatedBillingStore Store { get; }

    public RecordingEventSink Sink { get; }

    public SimulatedPaymentGateway Gateway { get; }

    public SimulatedBilling Billing { get; }

    /// <summary>Starts a membership checkout and pays it; returns the new subscription's id.</summary>
    public async Task<string> JoinAsync(CheckoutPlan? plan = null, Guid? tenantId = null, string key = "checkout:membership:1")
    {
        var tenant = tenantId ?? TestData.StAlbans;
        var checkout = await Gateway.CreateSubscriptionCheckoutAsync(TestData.MembershipCheckout(plan, tenant, key), CancellationToken.None);
        await Billing.PayAsync(tenant, checkout.CheckoutId, CancellationToken.None);
        var found = await Billing.FindCheckoutAsync(tenant, checkout.CheckoutId, CancellationToken.None);
        return found!.SubscriptionId!;
    }

    /// <summary>
    /// What the webhook endpoint would make of delivered events: each must pass the verifier with its gym's secret
    /// (signed moments ago by the same clock) and translate into an integration event.
    /// </summary>
    public static IReadOnlyList<IBillingEvent> Receive(IEnumerable<SignedStripeEvent> delivered, FakeTimeProvider clock) =>
    [
        .. delivered.Select(e =>
        {
            var secret = e.TenantId == TestData.Sunshine ? TestData.SunshineWebhookSecret : TestData.StAlbansWebhookSecret;
            var verified = StripeWebhookVerifier.Verify(e.Payload, e.SignatureHeader, secret, clock);
            verified.Outcome.ShouldBe(WebhookVerificationOutcome.Verified, $"{e.Type}: {verified.Detail}");
            verified.Event!.Type.ShouldBe(e.Type);
            verified.Event.Id.ShouldBe(e.EventId);
            var translation = StripeEventTranslator.Translate(verified.Event, e.TenantId);
            translation.IgnoredBecause.ShouldBeNull();
            return translation.Event!;
        }),
    ];

    public IReadOnlyList<IBillingEvent> Receive(IEnumerable<SignedStripeEvent> delivered) => Receive(delivered, Clock);
}
