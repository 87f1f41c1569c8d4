using Derrimut.Billing.Data;
using Derrimut.Billing.Webhooks;
using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Derrimut.Billing.Jobs;

/// <summary>Configuration section <c>Billing:Webhooks:Retry</c>: the backoff between automatic retries of a failed event.</summary>
internal sealed class WebhookRetryOptions
{
    public const string Section = "Billing:Webhooks:Retry";

    /// <summary>The wait after the first failed attempt; it doubles with each further attempt.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events retried per location per run, oldest attempt first, so one bad day cannot monopolise a run.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>When an event that has failed <paramref name="attempts"/> times may be tried again.</summary>
    public DateTimeOffset NextAttemptAt(int attempts, DateTimeOffset lastAttemptAt)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks));
        return lastAttemptAt + delay;
    }
}

/// <summary>
/// Retries the inbox's failed Stripe events from their stored payloads with exponential backoff (Stripe retries too,
/// but over days, and not at all once an event is old). Each retry goes through <see cref="WebhookInbox.RetryAsync"/>,
/// the same path as an admin's retry: handlers in one transaction, the attempt counted, and the event parked after
/// <c>Billing:Webhooks:MaxAttempts</c> failures — parked events are left for an admin.
/// </summary>
internal sealed class WebhookRetryJob(ITenantScopeFactory scopes, ILogger<WebhookRetryJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BillingWebhookRetry";

    /// <summary>Every minute; the backoff decides which events are due.</summary>
    public const string DefaultSchedule = "0 * * * * ?";

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptionsMonitor<WebhookRetryOptions>>().CurrentValue;
        var failed = await db.Set<WebhookInboxEvent>().AsNoTracking()
            .Where(e => e.State == WebhookEventState.Failed)
            .Select(e => new { e.Id, e.StripeEventId, e.Attempts, e.LastAttemptAt })
            .ToListAsync(cancellationToken);
        var due = failed.Where(e => options.NextAttemptAt(e.Attempts, e.LastAttemptAt) <= now)
            .OrderBy(e => e.LastAttemptAt).Take(Math.Max(1, options.BatchSize)).ToList();

        var inbox = services.GetRequiredService<WebhookInbox>();
        foreach (var item in due)
        {
            try
            {
                var receipt = await inbox.RetryAsync(item.Id, cancellationToken);
                logger.LogInformation("Retried Stripe event {EventId} at {Location} (attempt {Attempt}): {Outcome}",
                    item.StripeEventId, location.Identifier, item.Attempts + 1, receipt.Kind);
            }
            catch (ConflictException)
            {
                // Processed or parked meanwhile (a redelivery or an admin got there first): nothing left to retry.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Handler failures are recorded by the inbox itself; this is the inbox failing to record (the
                // database, say). The event stays failed and the next run tries it and the others again.
                logger.LogWarning(ex, "Could not retry Stripe event {EventId} at {Location}", item.StripeEventId, location.Identifier);
            }
        }
    }
}
