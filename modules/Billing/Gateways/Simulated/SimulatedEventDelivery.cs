using Stripe;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>A simulated event as Stripe would POST it: the raw body and its <c>Stripe-Signature</c> header.</summary>
/// <param name="TenantId">The gym whose webhook endpoint it goes to.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Type">The event type.</param>
/// <param name="Payload">The raw JSON body; it must reach the endpoint byte for byte or the signature fails.</param>
/// <param name="SignatureHeader">The <c>Stripe-Signature</c> header value (<c>t=…,v1=…</c>).</param>
internal sealed record SignedStripeEvent(Guid TenantId, string EventId, string Type, string Payload, string SignatureHeader);

/// <summary>
/// Delivers simulated events to the gym's real webhook endpoint (<c>POST /webhooks/stripe</c> on its subdomain), as
/// Stripe would. Implemented by the host. It is called after the simulated gateway has saved its state, in event
/// order; an implementation that posts in the background must keep that order per gym, and should retry a delivery
/// that fails (as Stripe does) rather than drop it.
/// </summary>
internal interface ISimulatedEventSink
{
    /// <summary>Posts one event.</summary>
    Task DeliverAsync(SignedStripeEvent stripeEvent, CancellationToken cancellationToken);
}

/// <summary>Signs simulated events with the gym's webhook secret and hands them to the sink, in order.</summary>
internal sealed class SimulatedEventDelivery(IStripeKeyResolver keys, ISimulatedEventSink sink, TimeProvider time)
{
    /// <summary>Signs and delivers the events; returns them as delivered.</summary>
    public async Task<IReadOnlyList<SignedStripeEvent>> DeliverAsync(Guid tenantId, IReadOnlyList<SimulatedStripeEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var account = await keys.ResolveAsync(tenantId, cancellationToken);
        var delivered = new List<SignedStripeEvent>(events.Count);
        foreach (var stripeEvent in events)
        {
            // Stripe signs at delivery time (a retry is signed afresh), not at the event's creation time.
            var signature = EventUtility.GenerateSignatureHeader(stripeEvent.Payload, account.WebhookSecret, time.GetUtcNow().ToUnixTimeSeconds());
            var signed = new SignedStripeEvent(tenantId, stripeEvent.Id, stripeEvent.Type, stripeEvent.Payload, signature);
            await sink.DeliverAsync(signed, cancellationToken);
            delivered.Add(signed);
        }

        return delivered;
    }
}
