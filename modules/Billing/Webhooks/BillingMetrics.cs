using System.Diagnostics.Metrics;
using Derrimut.Billing.Data;
using Derrimut.BuildingBlocks.Telemetry;

namespace Derrimut.Billing.Webhooks;

/// <summary>
/// Billing's business measurements (decision 0063): every Stripe delivery and retry the inbox finishes, by outcome
/// and gym. A process-wide meter (as the runtime's own are): the host subscribes to <c>Derrimut.*</c> only when
/// telemetry is on, and until then <see cref="Counter{T}.Add(T)"/> is a no-op.
/// </summary>
internal static class BillingMetrics
{
    public const string MeterName = $"{DerrimutTelemetry.Prefix}.Billing";

    private static readonly Meter Meter = new(MeterName);

    /// <summary><c>outcome</c>: processed, ignored, duplicate, failed, parked, rejected, busy or queued (stored to be applied by the queue).</summary>
    public static readonly Counter<long> WebhookEvents = Meter.CreateCounter<long>(
        "derrimut.billing.webhook.events", unit: "{event}", description: "Stripe webhook deliveries and retries finished by the inbox, by outcome.");

    public static WebhookReceipt Record(WebhookReceipt receipt, Guid tenantId, bool retry)
    {
        if (WebhookEvents.Enabled)
        {
            // Parked is a failure that has used its last attempt: the state of the record says which.
            var outcome = receipt.Record?.State == WebhookEventState.Parked && receipt.Kind is WebhookReceiptKind.Failed or WebhookReceiptKind.Parked
                ? "parked"
                : receipt.Kind.ToString().ToLowerInvariant();
            WebhookEvents.Add(1, DerrimutTelemetry.TenantTag(tenantId), new("outcome", outcome), new("retry", retry));
        }

        return receipt;
    }
}
