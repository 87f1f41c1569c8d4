using Derrimut.Billing.Gateways.Simulated;
using Microsoft.Extensions.Logging;

namespace Derrimut.Billing.Webhooks;

/// <summary>
/// Delivers simulated events to the gym's webhook inbox in process: the same verification (signature against the
/// gym's secret, 300 s tolerance), inbox and handlers as <c>POST /webhooks/stripe</c>, in a tenant scope of its own so
/// the caller's unit of work is never mixed with the webhook's transaction. Like Stripe, a failed delivery does not
/// fail the action that caused it: the inbox records the failure and an admin (or the next delivery) retries it.
/// </summary>
internal sealed class InProcessSimulatedEventSink(ITenantScopeFactory scopes, ILogger<InProcessSimulatedEventSink> logger) : ISimulatedEventSink
{
    /// <inheritdoc />
    public async Task DeliverAsync(SignedStripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(stripeEvent.Payload);
        var receipt = await scopes.RunAsync(stripeEvent.TenantId, (services, ct) =>
            services.GetRequiredService<WebhookInbox>().ReceiveAsync(body, stripeEvent.SignatureHeader, ct), cancellationToken);
        if (receipt.Kind is WebhookReceiptKind.Rejected or WebhookReceiptKind.Failed or WebhookReceiptKind.Busy)
        {
            logger.LogWarning("Simulated Stripe event {EventId} ({Type}) was not processed: {Kind}. {Detail}",
                stripeEvent.EventId, stripeEvent.Type, receipt.Kind, receipt.Detail);
        }
    }
}
