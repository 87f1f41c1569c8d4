using System.Net.Http.Json;
using System.Text.Json;
using Derrimut.Billing.Data;
using Derrimut.Billing.Jobs;
using Derrimut.Web.Tests.Billing;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>
/// A gym's endpoint that acknowledges after storing (<c>Billing:Webhooks:AcknowledgeAfter=Storing</c>, decision 0082):
/// the 2xx means the event is kept, the queue job applies it once — also when two nodes run the queue at once — in
/// the event's own gym, and a failing event goes to the retry job's backoff like a failed delivery.
/// </summary>
public abstract class WebhookQueueJobShould(JobsAppFixture fixture)
{
    private Task<WebhookInboxEvent?> InboxAsync(TestTenant gym, string eventId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<WebhookInboxEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.StripeEventId == eventId, ct));

    private Task<int> EffectsAsync(TestTenant gym, string eventId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>()
                .CountAsync(r => r.Kind == BillingEffects.EffectKind && r.Document == eventId, ct));

    private async Task<(HttpStatusCode Status, string? Result)> DeliverAsync(TestTenant gym, string eventId)
    {
        var now = fixture.Time.GetUtcNow();
        var body = SignedEvents.SubscriptionUpdated(eventId, gym.Id, Guid.NewGuid(), created: now.ToUnixTimeSeconds());
        using var response = await SignedEvents.PostAsync(fixture.App.ClientFor(gym.Identifier), body, SignedEvents.Sign(body, at: now));
        var result = response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString()
            : null;
        return (response.StatusCode, result);
    }

    private WebhookQueueJob Queue() => fixture.App.Services.GetRequiredService<WebhookQueueJob>();

    [Fact]
    public async Task AcknowledgeAStoredEventAndApplyItOnceOnTheQueuesNextRunInItsOwnGym()
    {
        var eventId = SignedEvents.NewEventId();

        (await DeliverAsync(fixture.A1, eventId)).ShouldBe((HttpStatusCode.OK, "queued"));
        var stored = (await InboxAsync(fixture.A1, eventId)).ShouldNotBeNull();
        stored.State.ShouldBe(WebhookEventState.Received);
        stored.Attempts.ShouldBe(0);
        (await EffectsAsync(fixture.A1, eventId)).ShouldBe(0, "acknowledged after storing: nothing is applied yet");

        (await DeliverAsync(fixture.A1, eventId)).ShouldBe((HttpStatusCode.OK, "duplicate"), "Stripe's redelivery of a waiting event");

        (await Queue().RunOnceAsync(TestContext.Current.CancellationToken)).Processed.ShouldBeGreaterThanOrEqualTo(1);
        var processed = (await InboxAsync(fixture.A1, eventId)).ShouldNotBeNull();
        processed.State.ShouldBe(WebhookEventState.Processed);
        processed.Attempts.ShouldBe(1);
        (await EffectsAsync(fixture.A1, eventId)).ShouldBe(1);

        // Applied in its own gym's scope, nowhere else: the other franchise's gym neither holds nor applied it.
        (await InboxAsync(fixture.B1, eventId)).ShouldBeNull();
        (await EffectsAsync(fixture.B1, eventId)).ShouldBe(0);

        (await DeliverAsync(fixture.A1, eventId)).ShouldBe((HttpStatusCode.OK, "duplicate"));
        await Queue().RunOnceAsync(TestContext.Current.CancellationToken);
        (await EffectsAsync(fixture.A1, eventId)).ShouldBe(1, "a processed event is never applied again");
    }

    [Fact]
    public async Task StoreAnEventOnceWhenItsDeliveriesArriveAtOnce()
    {
        var eventId = SignedEvents.NewEventId();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => DeliverAsync(fixture.B1, eventId)));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.Conflict, "a delivery either stores it, finds it, or (409) is told to come back");
        answers.Count(a => a.Result == "queued").ShouldBe(1, "the unique (gym, event id) index lets exactly one delivery store it");
        (await InboxAsync(fixture.B1, eventId)).ShouldNotBeNull().State.ShouldBe(WebhookEventState.Received);

        await Queue().RunOnceAsync(TestContext.Current.CancellationToken);
        (await EffectsAsync(fixture.B1, eventId)).ShouldBe(1);
    }

    [Fact]
    public async Task ApplyEveryStoredEventExactlyOnceWhenTwoNodesRunTheQueueAtOnce()
    {
        var events = Enumerable.Range(0, 40).Select(i => (Gym: i % 2 == 0 ? fixture.A1 : fixture.B1, Id: SignedEvents.NewEventId())).ToList();
        foreach (var (gym, id) in events)
        {
            (await DeliverAsync(gym, id)).ShouldBe((HttpStatusCode.OK, "queued"));
        }

        // Two job instances are two nodes' firings: nothing but the records' versions keeps them apart here.
        var runs = await Task.WhenAll(Queue().RunOnceAsync(TestContext.Current.CancellationToken), Queue().RunOnceAsync(TestContext.Current.CancellationToken));

        runs.Sum(r => r.Processed).ShouldBeGreaterThanOrEqualTo(events.Count);
        runs.Sum(r => r.Failed + r.GymsSkipped).ShouldBe(0);
        foreach (var (gym, id) in events)
        {
            var record = (await InboxAsync(gym, id)).ShouldNotBeNull();
            record.State.ShouldBe(WebhookEventState.Processed, id);
            record.Attempts.ShouldBe(1, id);
            (await EffectsAsync(gym, id)).ShouldBe(1, id);
        }
    }

    [Fact]
    public async Task StoreANewEventWithOneStatementAndReadAWholeBatchOfWaitingEventsWithOne()
    {
        // Decision 0100: the INSERT goes first and the unique index finds the redeliveries, and the queue reads the
        // waiting records, payloads included, once for the lot instead of once per event.
        var statements = ((QueuedWebhooksAppFixture)fixture).Statements;
        await Queue().RunOnceAsync(TestContext.Current.CancellationToken);
        var eventId = SignedEvents.NewEventId();

        statements.Clear();
        (await DeliverAsync(fixture.A1, eventId)).ShouldBe((HttpStatusCode.OK, "queued"));
        statements.Seen.ShouldBe(["INSERT"], "a new event: one statement, no look-up first");

        statements.Clear();
        (await DeliverAsync(fixture.A1, eventId)).ShouldBe((HttpStatusCode.OK, "duplicate"));
        statements.Seen.ShouldBe(["INSERT", "SELECT"], "a redelivery: refused by the index, then answered from the record");

        var more = Enumerable.Range(0, 9).Select(_ => SignedEvents.NewEventId()).ToList();
        foreach (var id in more)
        {
            (await DeliverAsync(fixture.A1, id)).ShouldBe((HttpStatusCode.OK, "queued"));
        }

        statements.Clear();
        (await Queue().RunOnceAsync(TestContext.Current.CancellationToken)).Processed.ShouldBe(10);
        statements.Seen.Count(s => s == "SELECT").ShouldBe(2, "the batch of ten, then the look that finds nothing left");
        statements.Seen.Count(s => s == "UPDATE").ShouldBe(10, "each event's claim and new state");
    }

    [Fact]
    public async Task TryAFailedStoredEventAtOnceWhenStripeDeliversItAgainAndKeepAParkedOneParked()
    {
        var gym = fixture.B1;
        var eventId = SignedEvents.NewEventId();
        fixture.Effects.FailFor[eventId] = true;
        (await DeliverAsync(gym, eventId)).ShouldBe((HttpStatusCode.OK, "queued"));
        (await Queue().RunOnceAsync(TestContext.Current.CancellationToken)).Failed.ShouldBeGreaterThanOrEqualTo(1);

        // Still failing: Stripe's redelivery is tried at once (not just found), fails again and is told to retry.
        (await DeliverAsync(gym, eventId)).Status.ShouldBe(HttpStatusCode.InternalServerError);
        (await InboxAsync(gym, eventId)).ShouldNotBeNull().Attempts.ShouldBe(2);

        fixture.Effects.FailFor.TryRemove(eventId, out _);
        (await DeliverAsync(gym, eventId)).ShouldBe((HttpStatusCode.OK, "processed"), "the cause is gone: the redelivery applies it");
        var processed = (await InboxAsync(gym, eventId)).ShouldNotBeNull();
        processed.State.ShouldBe(WebhookEventState.Processed);
        processed.Attempts.ShouldBe(3);
        (await EffectsAsync(gym, eventId)).ShouldBe(1);

        var poison = SignedEvents.NewEventId();
        fixture.Effects.FailFor[poison] = true;
        (await DeliverAsync(gym, poison)).ShouldBe((HttpStatusCode.OK, "queued"));
        await Queue().RunOnceAsync(TestContext.Current.CancellationToken);
        for (var attempt = 2; attempt <= JobsAppFixture.MaxAttempts; attempt++)
        {
            await DeliverAsync(gym, poison);
        }

        (await InboxAsync(gym, poison)).ShouldNotBeNull().State.ShouldBe(WebhookEventState.Parked);
        (await DeliverAsync(gym, poison)).ShouldBe((HttpStatusCode.OK, "parked"), "a parked event is acknowledged, not tried");
        (await InboxAsync(gym, poison)).ShouldNotBeNull().Attempts.ShouldBe(JobsAppFixture.MaxAttempts);
        fixture.Effects.FailFor.TryRemove(poison, out _);
    }

    [Fact]
    public async Task LeaveAStoredEventThatFailsToTheRetryJobsBackoff()
    {
        var gym = fixture.A1;
        var eventId = SignedEvents.NewEventId();
        fixture.Effects.FailFor[eventId] = true;
        (await DeliverAsync(gym, eventId)).ShouldBe((HttpStatusCode.OK, "queued"), "the handler's failure comes later: storing succeeded");

        (await Queue().RunOnceAsync(TestContext.Current.CancellationToken)).Failed.ShouldBeGreaterThanOrEqualTo(1);
        var failed = (await InboxAsync(gym, eventId)).ShouldNotBeNull();
        failed.State.ShouldBe(WebhookEventState.Failed);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrEmpty();
        (await EffectsAsync(gym, eventId)).ShouldBe(0, "the failed attempt rolled back");

        await Queue().RunOnceAsync(TestContext.Current.CancellationToken);
        (await InboxAsync(gym, eventId)).ShouldNotBeNull().Attempts.ShouldBe(1, "the queue takes waiting events only; the retry job owns failed ones");

        fixture.Effects.FailFor.TryRemove(eventId, out _);
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await fixture.RunAsync<WebhookRetryJob>();
        var processed = (await InboxAsync(gym, eventId)).ShouldNotBeNull();
        processed.State.ShouldBe(WebhookEventState.Processed);
        processed.Attempts.ShouldBe(2);
        (await EffectsAsync(gym, eventId)).ShouldBe(1);
    }
}

/// <summary>The jobs app with every gym's endpoint acknowledging after storing.</summary>
public abstract class QueuedWebhooksAppFixture : JobsAppFixture
{
    /// <summary>Every statement the app sends that touches the webhook inbox's table.</summary>
    public InboxStatements Statements { get; } = new();

    protected override void AddSettings(IDictionary<string, string> settings) =>
        settings["Billing:Webhooks:AcknowledgeAfter"] = "Storing";

    protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Statements);
}

/// <summary>Records the statements sent to the webhook inbox's table, as the database sees them (decision 0100's counts).</summary>
public sealed class InboxStatements : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _seen = new();

    /// <summary>Each statement's first word (SELECT, INSERT, UPDATE), oldest first.</summary>
    public IReadOnlyList<string> Seen => [.. _seen];

    public void Clear() => _seen.Clear();

    private void See(System.Data.Common.DbCommand command)
    {
        if (command.CommandText.Contains("webhook_events", StringComparison.OrdinalIgnoreCase))
        {
            _seen.Enqueue(command.CommandText.TrimStart().Split([' ', '\n'], 2)[0].ToUpperInvariant());
        }
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        See(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        See(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        See(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class SqliteQueuedWebhooksAppFixture : QueuedWebhooksAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresQueuedWebhooksAppFixture : QueuedWebhooksAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class WebhookQueueJobOnSqliteShould(SqliteQueuedWebhooksAppFixture fixture) : WebhookQueueJobShould(fixture), IClassFixture<SqliteQueuedWebhooksAppFixture>;

public sealed class WebhookQueueJobOnPostgreSqlShould(PostgresQueuedWebhooksAppFixture fixture) : WebhookQueueJobShould(fixture), IClassFixture<PostgresQueuedWebhooksAppFixture>;
