using System.Text;
using System.Text.Json;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.Web.Tests.Reliability;

/// <summary>
/// <c>Idempotency-Key</c> on API writes (decision 0068), through the real pipeline: creating a franchise is the write,
/// because running it twice is visible (the second would be a 409 for the taken identifier).
/// </summary>
public abstract class IdempotencyKeysShould(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage CreateFranchise(string identifier, string? key, string name = "Idempotent Franchise")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/platform/tenants")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { kind = "franchise", identifier, name, activate = true }), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.HeaderName, key);
        }

        return request;
    }

    private static string NewIdentifier() => $"idem-{Guid.NewGuid():N}"[..14];

    [Fact]
    public async Task ReplayTheStoredAnswerWhenTheSameRequestIsRetriedWithItsKey()
    {
        var platform = fixture.App.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();

        var first = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
        var retry = await platform.SendAsync(CreateFranchise(identifier, $"\"{key}\""), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Contains(IdempotencyKeys.ReplayedHeaderName).ShouldBeFalse();
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
        retry.Content.Headers.ContentType?.MediaType.ShouldBe(first.Content.Headers.ContentType?.MediaType);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        // Without a key the same request runs again and meets the franchise the first one made.
        (await platform.SendAsync(CreateFranchise(identifier, null), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task KeepACommittedWritesAnswerThroughADatabaseFailureSoARetryReplaysItInsteadOfWritingAgain()
    {
        // A node on the same database whose first attempt to store an answer fails as an outage would (a timeout):
        // the write has committed by then (etc/faults/restart-postgres.sh once recorded a check-in twice this way).
        var failing = new FailFirstAnswerStore();
        await using var node = new DerrimutWebFactory(fixture.App.Database, services: s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(failing));
        var platform = node.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();

        var first = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, "the client still gets the committed write's answer");
        failing.Failed.ShouldBe(1);

        // Until the answer is stored a retry waits (409 + Retry-After); once it is, the retry replays it and never runs
        // the write again (running it again would meet the franchise it made: 409 for the identifier).
        HttpResponseMessage retry;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200, Ct);
            retry = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
            if (retry.StatusCode == HttpStatusCode.Conflict)
            {
                retry.Headers.RetryAfter.ShouldNotBeNull(await retry.Content.ReadAsStringAsync(Ct));
            }
        }
        while (retry.StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < deadline);

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync(Ct));
        retry.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Fails the first statement that stores an idempotent answer with a timeout, as a database outage would.</summary>
    private sealed class FailFirstAnswerStore : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _failed;

        public int Failed => Volatile.Read(ref _failed);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("idempotent_requests", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("UPDATE", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("ResponseBody", StringComparison.OrdinalIgnoreCase)
                && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
            {
                throw new TimeoutException("The database did not answer (simulated outage).");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task NeverRunAWriteAgainWhoseCommitWasNotAcknowledged()
    {
        // The database commits the franchise, then the node hears a timeout instead of the acknowledgement (PostgreSQL
        // restarting at that instant): the client gets a 503 and retries with the same key. Running it again would
        // record it twice (etc/faults/restart-postgres.sh once did, for a check-in).
        var lostAcknowledgement = new LoseTheAcknowledgementOfAFranchisesCommit();
        await using var node = new DerrimutWebFactory(fixture.App.Database, services: s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(lostAcknowledgement));
        var platform = node.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();

        var first = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync(Ct));
        lostAcknowledgement.Lost.ShouldBe(1);

        var retry = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
        var again = await platform.SendAsync(CreateFranchise(identifier, key), Ct);

        await ShouldBeAnswerLostAsync(retry);
        await ShouldBeAnswerLostAsync(again);
        (await FranchisesCalledAsync(identifier)).ShouldBe(1, "the write ran once");
    }

    [Fact]
    public async Task NeverTakeOverTheKeyOfAWriteThatCommittedBeforeItsNodeDied()
    {
        var platform = fixture.App.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();
        (await platform.SendAsync(CreateFranchise(identifier, key), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = await KeyRowAsync(key);
        row.CommittedAt.ShouldNotBeNull("the write marks its key inside its own transaction");

        // As a node that died after the commit and before storing the answer leaves it, past the in-flight timeout.
        await LeaveInFlightAsync(row.Id, committedAt: row.CommittedAt);
        var retry = await platform.SendAsync(CreateFranchise(identifier, key), Ct);

        await ShouldBeAnswerLostAsync(retry);
        (await FranchisesCalledAsync(identifier)).ShouldBe(1, "the retry did not run the write again");
    }

    [Fact]
    public async Task TakeOverTheKeyOfARequestWhoseNodeDiedBeforeAnyWriteCommitted()
    {
        var platform = fixture.App.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();
        (await platform.SendAsync(CreateFranchise(identifier, key), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = await KeyRowAsync(key);

        // As a node that died before anything committed leaves it: nothing says a write happened, so the retry runs
        // (here it meets the franchise made above, which shows it ran: a 409 for the identifier, not a replay).
        await LeaveInFlightAsync(row.Id, committedAt: null);
        var retry = await platform.SendAsync(CreateFranchise(identifier, key), Ct);

        retry.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName).ShouldBeFalse();
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString().ShouldNotBe(ProblemTypes.IdempotentRequestAnswerLost);
    }

    private static async Task ShouldBeAnswerLostAsync(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync(Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        answer.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
        answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe(ProblemTypes.IdempotentRequestAnswerLost);
        problem.GetProperty("field").GetString().ShouldBe(IdempotencyKeys.HeaderName);
    }

    private async Task<IdempotentRequest> KeyRowAsync(string key)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<IdempotentRequest>().AsNoTracking().SingleAsync(r => r.Key == key, Ct);
    }

    private async Task LeaveInFlightAsync(Guid id, DateTimeOffset? committedAt)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>().CreateDbContextAsync(Ct);
        var row = await db.Set<IdempotentRequest>().SingleAsync(r => r.Id == id, Ct);
        row.StatusCode = null;
        row.ResponseHeaders = null;
        row.ResponseBody = null;
        row.CommittedAt = committedAt;
        row.CreatedAt = DateTimeOffset.UtcNow - new IdempotencyOptions().InFlightTimeout - TimeSpan.FromSeconds(30);
        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> FranchisesCalledAsync(string identifier)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<Derrimut.Organizations.Domain.Organization>().IgnoreQueryFilters().CountAsync(o => o.Identifier == identifier, Ct);
    }

    /// <summary>After the commit of a save that adds an organization, throws a timeout once: the acknowledgement lost.</summary>
    private sealed class LoseTheAcknowledgementOfAFranchisesCommit : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _armed = [];
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context
                && context.ChangeTracker.Entries<Derrimut.Organizations.Domain.Organization>().Any(e => e.State == EntityState.Added))
            {
                _armed.AddOrUpdate(context, this);
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && _armed.Remove(context) && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
            {
                throw new TimeoutException("The commit's acknowledgement did not arrive (simulated restart).");
            }

            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task RefuseTheSameKeySentWithADifferentRequest()
    {
        var platform = fixture.App.PlatformClient();
        var key = Guid.NewGuid().ToString();
        (await platform.SendAsync(CreateFranchise(NewIdentifier(), key), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var other = await platform.SendAsync(CreateFranchise(NewIdentifier(), key), Ct);

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("type").GetString().ShouldBe(ProblemTypes.IdempotencyKeyReused);
        problem.GetProperty("field").GetString().ShouldBe(IdempotencyKeys.HeaderName);
    }

    [Theory]
    [InlineData("back\\slash")]
    [InlineData("has space")]
    [InlineData("\"unterminated")]
    public async Task RefuseAMalformedKeyNamingTheHeader(string key)
    {
        var response = await fixture.App.PlatformClient().SendAsync(CreateFranchise(NewIdentifier(), key), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty(IdempotencyKeys.HeaderName, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task RefuseAKeyLongerThanTheLimitNamingTheHeader()
    {
        var response = await fixture.App.PlatformClient().SendAsync(CreateFranchise(NewIdentifier(), new string('k', IdempotencyKeys.MaxKeyLength + 1)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(IdempotencyKeys.HeaderName);
    }

    [Fact]
    public async Task LetTheDatabaseAdmitOnlyOneOfManyConcurrentDuplicates()
    {
        var platform = fixture.App.PlatformClient();
        var identifier = NewIdentifier();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => platform.SendAsync(CreateFranchise(identifier, key), Ct)));

        var ran = answers.Where(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains(IdempotencyKeys.ReplayedHeaderName)).ToList();
        ran.Count.ShouldBe(1, "exactly one request runs the write");
        foreach (var answer in answers.Except(ran))
        {
            if (answer.StatusCode == HttpStatusCode.Created)
            {
                answer.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
            }
            else
            {
                // A duplicate that arrived while the first ran: told to retry, never run (a second run would be a 409 conflict).
                answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString().ShouldBe(ProblemTypes.IdempotentRequestInFlight);
                answer.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        var retry = await platform.SendAsync(CreateFranchise(identifier, key), Ct);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
    }

    [Fact]
    public async Task PurgeStoredAnswersOlderThanTheRetentionOnly()
    {
        var services = fixture.App.Services;
        var contexts = services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>();
        var old = new IdempotentRequest { TenantId = Guid.NewGuid(), Caller = "user:old", Key = "old", Fingerprint = "f", CreatedAt = DateTimeOffset.UtcNow.AddHours(-25), StatusCode = 201 };
        var recent = new IdempotentRequest { TenantId = old.TenantId, Caller = "user:recent", Key = "recent", Fingerprint = "f", CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), StatusCode = 201 };
        await using (var db = await contexts.CreateDbContextAsync(Ct))
        {
            db.AddRange(old, recent);
            await db.SaveChangesAsync(Ct);
        }

        var purged = await services.GetRequiredService<PurgeIdempotentRequestsJob>().RunOnceAsync(Ct);

        purged.ShouldBeGreaterThanOrEqualTo(1);
        await using var check = await contexts.CreateDbContextAsync(Ct);
        (await check.Set<IdempotentRequest>().Where(r => r.TenantId == old.TenantId).Select(r => r.Key).ToListAsync(Ct)).ShouldBe(["recent"]);
    }
}

public sealed class IdempotencyKeysOnSqliteShould(SqliteAppFixture fixture) : IdempotencyKeysShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class IdempotencyKeysOnPostgreSqlShould(PostgresAppFixture fixture) : IdempotencyKeysShould(fixture), IClassFixture<PostgresAppFixture>;
