using System.Text.Json.Serialization;
using Derrimut.Billing.Data;
using Derrimut.Billing.Events;
using Derrimut.Billing.Gateways;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Derrimut.Billing.Webhooks;

/// <summary>The <c>Billing:Webhooks</c> configuration section.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Billing:Webhooks";

    /// <summary>
    /// Failed processing attempts after which an event is parked: later deliveries are acknowledged (so Stripe stops
    /// retrying a poison event for three days) and an admin retries it by hand once the cause is fixed.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// When <c>POST /webhooks/stripe</c> answers Stripe (decision 0082): after the event's effects committed with it
    /// (<see cref="WebhookAcknowledgeAfter.Processing"/>, the default), or as soon as the verified event is stored
    /// (<see cref="WebhookAcknowledgeAfter.Storing"/>: the queue job processes it within a second or two, oldest first).
    /// </summary>
    public WebhookAcknowledgeAfter AcknowledgeAfter { get; set; } = WebhookAcknowledgeAfter.Processing;

    /// <summary>The stored events the queue processes at once (each in its own scope and transaction).</summary>
    public int QueueConcurrency { get; set; } = 4;

    /// <summary>How long one run of the queue job keeps taking new events before it hands over to the next firing.</summary>
    public TimeSpan QueueRunBudget { get; set; } = TimeSpan.FromSeconds(50);
}

/// <summary>When the webhook endpoint acknowledges a delivery.</summary>
internal enum WebhookAcknowledgeAfter
{
    /// <summary>After the event and every module's effects committed in one transaction: a 2xx means "applied".</summary>
    Processing,

    /// <summary>After the verified event is stored: a 2xx means "kept, and will be applied" (Stripe's own advice for busy endpoints).</summary>
    Storing,
}

/// <summary>How a delivery (or an admin's retry) ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookReceiptKind>))]
internal enum WebhookReceiptKind
{
    /// <summary>Processed now (effects committed).</summary>
    [JsonStringEnumMemberName("processed")]
    Processed,

    /// <summary>Recorded now as ignored (nothing reacts to it).</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,

    /// <summary>Already processed or ignored earlier: nothing done.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    /// <summary>Parked earlier: acknowledged, not processed.</summary>
    [JsonStringEnumMemberName("parked")]
    Parked,

    /// <summary>Refused before anything was recorded (signature, age, shape).</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>A handler failed: rolled back, the attempt recorded; Stripe should retry.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Another delivery of the same event is being processed or has just failed; Stripe should retry.</summary>
    [JsonStringEnumMemberName("busy")]
    Busy,

    /// <summary>Stored now, to be processed by the queue (acknowledged after storing).</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,
}

/// <summary>The result of one delivery.</summary>
internal sealed record WebhookReceipt(WebhookReceiptKind Kind, string? EventId, string Detail, WebhookVerificationOutcome? Rejection = null, WebhookInboxEvent? Record = null);

/// <summary>
/// The Stripe webhook's inbox: verifies a delivery against the gym's secret, records it keyed by event id, and runs
/// the integration-event handlers of every module in the same transaction on the scope's one
/// <see cref="DerrimutDbContext"/>. Must run in the receiving gym's scope (the endpoint's request, or a tenant scope
/// for simulated deliveries).
/// </summary>
internal sealed class WebhookInbox(
    DerrimutDbContext db,
    ICurrentTenant currentTenant,
    IStripeKeyResolver keys,
    BillingEventPublisher publisher,
    TimeProvider time,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<WebhookInbox> logger)
{
    // Every delivery asks this first, so it is a compiled query (decision 0086): EF Core skips walking and hashing the
    // LINQ tree on each call. The tenant filter still comes from the context that runs it.
    private static readonly ModelCompiledQuery<string, WebhookInboxEvent?> ByStripeEventId =
        new((db, eventId) => db.Set<WebhookInboxEvent>().AsNoTracking().FirstOrDefault(e => e.StripeEventId == eventId));

    /// <summary>Receives one delivery: the raw body and its <c>Stripe-Signature</c> header.</summary>
    public Task<WebhookReceipt> ReceiveAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken) =>
        ReceiveAsync(body, signatureHeader, WebhookAcknowledgeAfter.Processing, cancellationToken);

    /// <summary>
    /// Receives one delivery and either processes it now or, with <see cref="WebhookAcknowledgeAfter.Storing"/>, only
    /// stores it for <see cref="ProcessStoredAsync"/> (decision 0082).
    /// </summary>
    public async Task<WebhookReceipt> ReceiveAsync(
        ReadOnlyMemory<byte> body, string? signatureHeader, WebhookAcknowledgeAfter acknowledgeAfter, CancellationToken cancellationToken)
    {
        var tenant = currentTenant.Tenant is { IsLocation: true } t ? t : throw new InvalidOperationException("Webhooks are received in a location's scope.");
        return BillingMetrics.Record(await ReceiveCoreAsync(tenant, body, signatureHeader, acknowledgeAfter, cancellationToken), tenant.Id, retry: false);
    }

    private async Task<WebhookReceipt> ReceiveCoreAsync(
        TenantInfo tenant, ReadOnlyMemory<byte> body, string? signatureHeader, WebhookAcknowledgeAfter acknowledgeAfter, CancellationToken cancellationToken)
    {
        var account = await keys.ResolveAsync(tenant.Id, cancellationToken);
        var verification = StripeWebhookVerifier.Verify(body.Span, signatureHeader, account.WebhookSecret, time);
        if (!verification.IsVerified)
        {
            logger.LogWarning("Refused a Stripe webhook delivery: {Outcome}. {Detail}", verification.Outcome, verification.Detail);
            return new WebhookReceipt(WebhookReceiptKind.Rejected, null, verification.Detail, verification.Outcome);
        }

        var stripeEvent = verification.Event;
        if (acknowledgeAfter == WebhookAcknowledgeAfter.Storing)
        {
            // Most deliveries are new: the INSERT goes first and the unique (tenant, event id) index finds the rest, so
            // a new event costs one statement instead of a look-up and an INSERT (decision 0100).
            return await StoreAsync(stripeEvent, body, cancellationToken);
        }

        var existing = await ByStripeEventId.InvokeAsync(db, stripeEvent.Id);
        if (existing is { State: not WebhookEventState.Failed })
        {
            return Answer(stripeEvent.Id, existing);
        }

        // New, or failed before: tried now.
        return await AttemptWithConflictRetriesAsync(existing, stripeEvent, Utf8(body), manual: false, cancellationToken);
    }

    /// <summary>Verified bytes are UTF-8 (the verifier refuses anything else), so this is exactly what was signed.</summary>
    private static string Utf8(ReadOnlyMemory<byte> body) => System.Text.Encoding.UTF8.GetString(body.Span);

    /// <summary>
    /// Acknowledging after storing: the verified event is written alone (one INSERT, committed on its own), and the
    /// unique (tenant, event id) index decides — between concurrent deliveries, and against an earlier delivery of the
    /// same event. Nothing else is touched, so the 2xx that follows means the event is durably kept;
    /// <see cref="ProcessStoredAsync"/> applies it. An event already here is answered from its record; one that failed
    /// before is tried now, in this mode as in the other: Stripe's retry is as good a moment as the backoff's.
    /// </summary>
    private async Task<WebhookReceipt> StoreAsync(Event stripeEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var payload = Utf8(body);
        var record = NewRecord(stripeEvent, payload, now);
        record.State = WebhookEventState.Received;
        record.LastAttemptAt = now;
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            db.ChangeTracker.Clear();
            cancellationToken.ThrowIfCancellationRequested();
            var existing = await ByStripeEventId.InvokeAsync(db, stripeEvent.Id);
            return existing is { State: WebhookEventState.Failed }
                ? await AttemptWithConflictRetriesAsync(existing, stripeEvent, payload, manual: false, cancellationToken)
                : Answer(stripeEvent.Id, existing);
        }

        db.ChangeTracker.Clear();
        return new WebhookReceipt(WebhookReceiptKind.Queued, stripeEvent.Id, "Stored; it is processed shortly.", Record: record);
    }

    /// <summary>
    /// Processes one stored event (the queue job's step): the same attempt as a delivery's — handlers and the record's
    /// new state in one transaction — claimed by the record's version, so when two nodes take the same event only one
    /// applies it and the other finds it done.
    /// </summary>
    /// <param name="stored">The waiting record as the queue read it, payload included (one read for many events,
    /// decision 0100). If it has changed since, the claim by its version fails and the event is left to whoever changed it.</param>
    /// <returns>The receipt, or null when the event is no longer waiting (another node processed it).</returns>
    public async Task<WebhookReceipt?> ProcessStoredAsync(WebhookInboxEvent stored, CancellationToken cancellationToken)
    {
        if (stored.State != WebhookEventState.Received || stored.TenantId != currentTenant.Tenant?.Id)
        {
            throw new InvalidOperationException("Only a waiting event of this scope's location is processed from the queue.");
        }

        var receipt = await AttemptStoredAsync(stored, manual: false, cancellationToken);
        return receipt.Kind is WebhookReceiptKind.Duplicate or WebhookReceiptKind.Parked or WebhookReceiptKind.Busy ? null : receipt;
    }

    /// <summary>
    /// Attempts an event from its stored payload: the queue's step (<paramref name="manual"/> false) and an admin's retry
    /// (true, counted as a retry in the metrics).
    /// </summary>
    private async Task<WebhookReceipt> AttemptStoredAsync(WebhookInboxEvent stored, bool manual, CancellationToken cancellationToken)
    {
        // The payload was verified when it arrived and has not left the database since.
        var stripeEvent = EventUtility.ParseEvent(stored.Payload, throwOnApiVersionMismatch: false);
        return BillingMetrics.Record(
            await AttemptWithConflictRetriesAsync(stored, stripeEvent, stored.Payload, manual, cancellationToken), currentTenant.Tenant!.Id, retry: manual);
    }

    /// <summary>
    /// Stripe delivers a subscription's events concurrently, so two of them can update the same membership at once and
    /// one loses its optimistic-concurrency check. That is not a failure of the event: it is re-run at once against the
    /// state the other committed (a few times, with a little jitter) instead of answering 500 and waiting minutes for
    /// Stripe's retry. Anything else — or a conflict that keeps recurring — fails as usual.
    /// </summary>
    private async Task<WebhookReceipt> AttemptWithConflictRetriesAsync(
        WebhookInboxEvent? existing, Event stripeEvent, string payload, bool manual, CancellationToken cancellationToken)
    {
        const int MaxConflictRetries = 3;
        for (var retry = 0; ; retry++)
        {
            var receipt = await AttemptAsync(existing, stripeEvent, payload, manual, retryOnConflict: retry < MaxConflictRetries, cancellationToken);
            if (receipt is not null)
            {
                return receipt;
            }

            logger.LogInformation("Stripe event {EventId} met a concurrent change to the same records; re-running it ({Retry}).", stripeEvent.Id, retry + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 60) * (retry + 1)), cancellationToken);
            existing = existing is null
                ? null
                : await db.Set<WebhookInboxEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == existing.Id, cancellationToken);
        }
    }

    /// <summary>An admin retries a parked (or failed) event from its stored payload.</summary>
    /// <exception cref="NotFoundException">No such event at this gym.</exception>
    /// <exception cref="ConflictException">The event is neither parked nor failed.</exception>
    public async Task<WebhookReceipt> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var existing = await db.Set<WebhookInboxEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("No webhook event has this id here.");
        if (existing.State is not (WebhookEventState.Parked or WebhookEventState.Failed))
        {
            throw new ConflictException($"Event {existing.StripeEventId} is {existing.State.ToString().ToLowerInvariant()}; only parked or failed events are retried.", "state");
        }

        return await AttemptStoredAsync(existing, manual: true, cancellationToken);
    }

    /// <returns>The receipt; null when a handler lost a concurrency check and <paramref name="retryOnConflict"/> asks
    /// the caller to run the event again (everything was rolled back).</returns>
    private async Task<WebhookReceipt?> AttemptAsync(
        WebhookInboxEvent? existing, Event stripeEvent, string payload, bool manual, bool retryOnConflict, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Tenant!.Id;
        var now = time.GetUtcNow();
        var translation = StripeEventTranslator.Translate(stripeEvent, tenantId);
        var state = translation.Event is null ? WebhookEventState.Ignored : WebhookEventState.Processed;
        WebhookInboxEvent record;
        // Every failure below rolls the whole transaction back, so the savepoint EF Core would otherwise set (and
        // release) around each SaveChanges inside it is two round trips each that nothing ever rolls back to
        // (decision 0069: they were a third of a delivery's statements).
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (existing is null)
                {
                    record = NewRecord(stripeEvent, payload, now);
                    db.Add(record);
                }
                else
                {
                    record = existing;
                    db.Attach(record);
                }

                record.State = state;
                record.Attempts++;
                record.LastAttemptAt = now;
                record.IgnoredReason = translation.IgnoredBecause is { } reason ? Truncate(reason, 500) : null;
                record.ProcessedAt = now;
                record.LastError = null;
                try
                {
                    // The claim, before any handler runs: the unique (tenant, event id) index — or, for a retry, the row's
                    // version — lets exactly one concurrent delivery through. The others wait on the row lock (PostgreSQL)
                    // or the write lock (SQLite) and fail here once the winner commits.
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return await LostRaceAsync(stripeEvent.Id, cancellationToken);
                }

                try
                {
                    if (translation.Event is { } billingEvent)
                    {
                        await publisher.PublishAsync(billingEvent, cancellationToken);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (retryOnConflict)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return null;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    logger.LogError(e, "Processing Stripe event {EventId} ({Type}) failed.", stripeEvent.Id, stripeEvent.Type);
                    var failed = await RecordFailureAsync(existing, stripeEvent, payload, manual, e, now);
                    return new WebhookReceipt(WebhookReceiptKind.Failed, stripeEvent.Id, failed.LastError ?? "", Record: failed);
                }
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        db.ChangeTracker.Clear();
        return new WebhookReceipt(state == WebhookEventState.Processed ? WebhookReceiptKind.Processed : WebhookReceiptKind.Ignored,
            stripeEvent.Id, record.IgnoredReason ?? "Processed.", Record: record);
    }

    private async Task<WebhookReceipt> LostRaceAsync(string eventId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Answer(eventId, await ByStripeEventId.InvokeAsync(db, eventId));
    }

    /// <summary>What a delivery of an event that is already here is answered, from the event's record.</summary>
    private static WebhookReceipt Answer(string eventId, WebhookInboxEvent? existing) => existing?.State switch
    {
        WebhookEventState.Processed or WebhookEventState.Ignored => new WebhookReceipt(WebhookReceiptKind.Duplicate, eventId, "Already received.", Record: existing),
        WebhookEventState.Parked => new WebhookReceipt(WebhookReceiptKind.Parked, eventId, "Parked after repeated failures; an admin retries it.", Record: existing),
        WebhookEventState.Received => new WebhookReceipt(WebhookReceiptKind.Duplicate, eventId, "Already received; it is waiting to be processed.", Record: existing),
        // Failed, or refused by the index while the winner's transaction is still open: Stripe retries shortly.
        _ => new WebhookReceipt(WebhookReceiptKind.Busy, eventId, "Another delivery of this event is being processed or has just failed; retry later.", Record: existing),
    };

    /// <summary>
    /// Records a failed attempt in a transaction of its own, after the effects were rolled back, so admins see the
    /// error and the attempt counts towards parking.
    /// </summary>
    private async Task<WebhookInboxEvent> RecordFailureAsync(WebhookInboxEvent? existing, Event stripeEvent, string payload, bool manual, Exception error, DateTimeOffset now)
    {
        var message = Truncate($"{error.GetType().Name}: {error.Message}", WebhookInboxEvent.MaxErrorLength);
        var maxAttempts = Math.Max(1, options.CurrentValue.MaxAttempts);
        for (var round = 0; round < 3; round++)
        {
            var record = existing is null
                ? await db.Set<WebhookInboxEvent>().FirstOrDefaultAsync(e => e.StripeEventId == stripeEvent.Id, CancellationToken.None)
                : await db.Set<WebhookInboxEvent>().FirstOrDefaultAsync(e => e.Id == existing.Id, CancellationToken.None);
            if (record is { State: WebhookEventState.Processed or WebhookEventState.Ignored })
            {
                return record; // A concurrent delivery succeeded meanwhile: its result stands.
            }

            if (record is null)
            {
                record = NewRecord(stripeEvent, payload, now);
                db.Add(record);
            }

            record.Attempts++;
            record.LastAttemptAt = now;
            record.LastError = message;
            record.ProcessedAt = null;
            record.IgnoredReason = null;
            // A manual retry of a parked event leaves it parked; a delivery parks it once it has failed too often.
            record.State = manual && record.State == WebhookEventState.Parked || record.Attempts >= maxAttempts
                ? WebhookEventState.Parked
                : WebhookEventState.Failed;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (record.State == WebhookEventState.Parked)
                {
                    logger.LogError("Stripe event {EventId} ({Type}) is parked after {Attempts} attempts.", record.StripeEventId, record.Type, record.Attempts);
                }

                return record;
            }
            catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
            {
                db.ChangeTracker.Clear(); // Raced with another delivery's record: read it again and add this attempt to it.
                existing = null;
            }
        }

        throw new InvalidOperationException($"Could not record the failure of Stripe event {stripeEvent.Id}.", error);
    }

    private static WebhookInboxEvent NewRecord(Event stripeEvent, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StripeEventId = stripeEvent.Id,
        Type = Truncate(stripeEvent.Type, 100),
        Payload = payload,
        StripeCreatedAt = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)),
        ReceivedAt = now,
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
