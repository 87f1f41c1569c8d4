using Derrimut.Billing.Data;
using Derrimut.Billing.Jobs;
using Derrimut.Web.Tests.Billing;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>Billing's retry of failed webhook events: backoff between attempts, success, and parking.</summary>
public abstract class WebhookRetryJobShould(JobsAppFixture fixture)
{
    private async Task<string> FailingEventAsync(TestTenant gym)
    {
        var eventId = SignedEvents.NewEventId();
        fixture.Effects.FailFor[eventId] = true;
        var now = fixture.Time.GetUtcNow();
        var body = SignedEvents.SubscriptionUpdated(eventId, gym.Id, Guid.NewGuid(), created: now.ToUnixTimeSeconds());
        var response = await SignedEvents.PostAsync(fixture.App.ClientFor(gym.Identifier), body, SignedEvents.Sign(body, at: now));
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        return eventId;
    }

    private async Task<WebhookInboxEvent> InboxAsync(TestTenant gym, string eventId) =>
        (await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<WebhookInboxEvent>().AsNoTracking().SingleAsync(e => e.StripeEventId == eventId, ct)));

    private Task<int> EffectsAsync(TestTenant gym, string eventId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>()
                .CountAsync(r => r.Kind == BillingEffects.EffectKind && r.Document == eventId, ct));

    [Fact]
    public async Task RetryAFailedEventWithBackoffUntilItSucceeds()
    {
        var gym = fixture.A1;
        var eventId = await FailingEventAsync(gym);
        (await InboxAsync(gym, eventId)).Attempts.ShouldBe(1);

        await fixture.RunAsync<WebhookRetryJob>();
        (await InboxAsync(gym, eventId)).Attempts.ShouldBe(1, "the first retry waits a minute");

        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await fixture.RunAsync<WebhookRetryJob>();
        var second = await InboxAsync(gym, eventId);
        second.Attempts.ShouldBe(2);
        second.State.ShouldBe(WebhookEventState.Failed);

        fixture.Effects.FailFor.TryRemove(eventId, out _);
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await fixture.RunAsync<WebhookRetryJob>();
        (await InboxAsync(gym, eventId)).Attempts.ShouldBe(2, "the second retry waits two minutes");

        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await fixture.RunAsync<WebhookRetryJob>();
        var processed = await InboxAsync(gym, eventId);
        processed.State.ShouldBe(WebhookEventState.Processed);
        processed.Attempts.ShouldBe(3);
        (await EffectsAsync(gym, eventId)).ShouldBe(1);
    }

    [Fact]
    public async Task ParkAnEventThatKeepsFailingAndLeaveItForAnAdmin()
    {
        var gym = fixture.B1;
        var eventId = await FailingEventAsync(gym);
        for (var i = 0; i < 5; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(31));
            await fixture.RunAsync<WebhookRetryJob>();
        }

        var parked = await InboxAsync(gym, eventId);
        parked.State.ShouldBe(WebhookEventState.Parked);
        parked.Attempts.ShouldBe(JobsAppFixture.MaxAttempts);
        (await EffectsAsync(gym, eventId)).ShouldBe(0);
    }
}

public sealed class WebhookRetryJobOnSqliteShould(SqliteJobsAppFixture fixture) : WebhookRetryJobShould(fixture), IClassFixture<SqliteJobsAppFixture>;

public sealed class WebhookRetryJobOnPostgreSqlShould(PostgresJobsAppFixture fixture) : WebhookRetryJobShould(fixture), IClassFixture<PostgresJobsAppFixture>;
