namespace Derrimut.Billing.Contracts;

/// <summary>A received Stripe event as reports read it (init properties so composed queries translate to SQL).</summary>
public sealed class WebhookEventRow
{
    /// <summary>The inbox row's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stripe's event type, e.g. <c>invoice.paid</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>When it arrived, UTC.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Parked after repeated failures: acknowledged to Stripe, not processed until an admin retries it.</summary>
    public bool IsParked { get; init; }

    /// <summary>Failed and waiting for the retry job.</summary>
    public bool IsFailed { get; init; }

    /// <summary>
    /// Stored and acknowledged to Stripe, not yet applied by the queue (only when the installation acknowledges after
    /// storing, decision 0082). A count that keeps growing means the queue is not keeping up or not running.
    /// </summary>
    public bool IsWaiting { get; init; }
}

/// <summary>
/// Billing's read contract for reports: the current location's webhook inbox as queryable rows on the caller's own
/// DbContext (the tenant filter applies), without the payloads.
/// </summary>
public interface IWebhookInboxReadModel
{
    /// <summary>The location's received events.</summary>
    IQueryable<WebhookEventRow> Events { get; }
}
