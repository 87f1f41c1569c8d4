using System.Collections.Concurrent;
using System.Diagnostics;
using Derrimut.Billing.Data;
using Derrimut.Billing.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Derrimut.Billing.Jobs;

/// <summary>What one run of the webhook queue did.</summary>
/// <param name="Processed">Events applied (or recorded as ignored: nothing reacts to them).</param>
/// <param name="Failed">Events whose handlers failed: recorded as failed, left to the retry job's backoff.</param>
/// <param name="TakenElsewhere">Events another node's run applied first (the record's version decided).</param>
/// <param name="GymsSkipped">Gyms whose events could not be attempted at all this run (their scope or the database failed).</param>
internal sealed record WebhookQueueRun(int Processed, int Failed, int TakenElsewhere, int GymsSkipped);

/// <summary>
/// Applies the Stripe events that gyms' endpoints stored and acknowledged without processing them
/// (<c>Billing:Webhooks:AcknowledgeAfter=Storing</c>, decision 0082). Every second, once in the cluster: the waiting
/// events of every gym (read whole, one statement per batch), oldest received first, several at a time, each in its
/// own gym's scope through <see cref="WebhookInbox.ProcessStoredAsync"/> — the same attempt (handlers and the record
/// in one transaction) as a delivery processed at once. It keeps going until nothing waits or its time budget is spent.
/// With the default (acknowledge after processing) nothing is ever stored waiting and a run is one indexed query.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WebhookQueueJob(ITenantScopeFactory scopes, IOptionsMonitor<WebhookOptions> options, ILogger<WebhookQueueJob> logger) : IJob
{
    public const string Name = "BillingWebhookQueue";

    /// <summary>Every second: an acknowledged event waits about a second before it is applied.</summary>
    public const string DefaultSchedule = "* * * * * ?";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken);

    /// <summary>Runs the queue now until it is empty or the budget is spent (what a firing does; tests call it directly).</summary>
    public async Task<WebhookQueueRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var concurrency = Math.Clamp(settings.QueueConcurrency, 1, 64);
        var started = Stopwatch.GetTimestamp(); // Real time: the budget is about this node's work, not the gym's clock.
        int processed = 0, failed = 0, takenElsewhere = 0;
        // A gym whose events cannot even be attempted (its scope, the database) is left for the next firing, so it
        // cannot hold every other gym's events behind it.
        var skippedGyms = new ConcurrentDictionary<Guid, bool>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var skipped = skippedGyms.Keys.ToList();
            var waiting = await scopes.RunAsPlatformAsync((services, ct) => services.GetRequiredService<DerrimutDbContext>()
                .Set<WebhookInboxEvent>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
                .Where(e => e.State == WebhookEventState.Received && !skipped.Contains(e.TenantId))
                // Version 7 ids follow the order the events arrived in; the handlers tolerate any order (decision 0016).
                .OrderBy(e => e.Id)
                // Whole records, payloads included: one read for the lot instead of one per event (decision 0100).
                .Take(concurrency * 50)
                .ToListAsync(ct), cancellationToken);
            if (waiting.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                if (skippedGyms.ContainsKey(item.TenantId))
                {
                    return;
                }

                try
                {
                    var receipt = await scopes.RunAsync(item.TenantId, (services, c) =>
                        services.GetRequiredService<WebhookInbox>().ProcessStoredAsync(item, c), ct);
                    switch (receipt?.Kind)
                    {
                        case WebhookReceiptKind.Processed or WebhookReceiptKind.Ignored:
                            Interlocked.Increment(ref processed);
                            break;
                        case WebhookReceiptKind.Failed:
                            Interlocked.Increment(ref failed);
                            break;
                        default:
                            Interlocked.Increment(ref takenElsewhere);
                            break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    skippedGyms[item.TenantId] = true;
                    logger.LogWarning(ex, "Could not process the stored Stripe event {InboxId} of location {LocationId}; its location's queue waits for the next run", item.Id, item.TenantId);
                }
            });

            if (Stopwatch.GetElapsedTime(started) >= settings.QueueRunBudget)
            {
                break;
            }
        }

        var run = new WebhookQueueRun(processed, failed, takenElsewhere, skippedGyms.Count);
        if (run != new WebhookQueueRun(0, 0, 0, 0))
        {
            logger.Log(run.Failed + run.GymsSkipped == 0 ? LogLevel.Debug : LogLevel.Warning,
                "Webhook queue: {Processed} processed, {Failed} failed, {TakenElsewhere} taken by another node, {GymsSkipped} location(s) left for the next run",
                run.Processed, run.Failed, run.TakenElsewhere, run.GymsSkipped);
        }

        return run;
    }
}
