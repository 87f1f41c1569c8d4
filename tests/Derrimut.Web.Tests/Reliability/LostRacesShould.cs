using System.Text;
using System.Text.Json;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Derrimut.Web.Tests.Reliability;

/// <summary>
/// A save that a unique index or a concurrency token refused lost a race, and the modules answer it with a clear 409.
/// Any other failed save is not a race: the database restarting mid-write must reach the client as a 503 with
/// <c>Retry-After</c>, so that it retries, never as a 409 telling it that its write was a duplicate (decision 0098).
/// </summary>
public sealed class LostRacesShould
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TellARaceTheDatabaseSettledFromAFailedSave()
    {
        static DbUpdateException Save(Exception cause) => new("An error occurred while saving the entity changes.", cause);

        var duplicateOnPostgres = Save(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var duplicateOnSqlite = Save(new SqliteException("UNIQUE constraint failed: organizations.Identifier", 19, 2067));
        var staleRow = new DbUpdateConcurrencyException("The row was changed since it was read.");
        var restarting = Save(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown));
        var timedOut = Save(new NpgsqlException("Exception while reading from stream", new TimeoutException()));
        var brokenReference = Save(new PostgresException("insert or update violates foreign key constraint", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation));
        var sqliteBusy = Save(new SqliteException("database is locked", 5));

        UniqueViolations.In(duplicateOnPostgres).ShouldBeTrue();
        UniqueViolations.In(duplicateOnSqlite).ShouldBeTrue();
        UniqueViolations.In(staleRow).ShouldBeFalse("a stale row is a race, but no unique index refused it");
        UniqueViolations.LostRace(duplicateOnPostgres).ShouldBeTrue();
        UniqueViolations.LostRace(duplicateOnSqlite).ShouldBeTrue();
        UniqueViolations.LostRace(staleRow).ShouldBeTrue();
        foreach (var failure in new[] { restarting, timedOut, brokenReference, sqliteBusy })
        {
            UniqueViolations.LostRace(failure).ShouldBeFalse(failure.InnerException!.Message);
            UniqueViolations.In(failure).ShouldBeFalse(failure.InnerException!.Message);
        }

        // What the problem handler makes of those that are not races: the database away is a 503, a broken reference a 500.
        ProblemExceptionHandler.Map(restarting).Status.ShouldBe(503);
        ProblemExceptionHandler.Map(timedOut).Status.ShouldBe(503);
        ProblemExceptionHandler.Map(sqliteBusy).Status.ShouldBe(503);
        ProblemExceptionHandler.Map(brokenReference).Status.ShouldBe(500);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AnswerAWriteThatMeetsADatabaseRestartWith503SoThatItsRetryWritesItOnce(DatabaseProvider provider)
    {
        // Creating a franchise refuses a taken identifier with a 409 when the unique index decides a race. Here the save
        // meets PostgreSQL shutting down instead (as etc/faults/restart-postgres.sh makes it): that is no race.
        var restart = new RestartDuringTheFirstOrganizationSave();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DerrimutWebFactory(database, services: s => s.AddSingleton<IInterceptor>(restart));
        await app.StartAsync();
        restart.Arm();
        var platform = app.PlatformClient();
        var identifier = $"race-{Guid.NewGuid():N}"[..14];

        var first = await platform.SendAsync(CreateFranchise(identifier), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync(Ct));
        first.Headers.RetryAfter.ShouldNotBeNull();
        (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString().ShouldBe(ProblemTypes.ServiceUnavailable);
        restart.Failed.ShouldBe(1);

        var retry = await platform.SendAsync(CreateFranchise(identifier), Ct);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync(Ct));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Derrimut.Organizations.Domain.Organization>().IgnoreQueryFilters().CountAsync(o => o.Identifier == identifier, Ct)).ShouldBe(1);
    }

    private static HttpRequestMessage CreateFranchise(string identifier) => new(HttpMethod.Post, "/api/platform/tenants")
    {
        Content = new StringContent(JsonSerializer.Serialize(new { kind = "franchise", identifier, name = "Race Franchise", activate = true }), Encoding.UTF8, "application/json"),
    };

    /// <summary>
    /// Once armed (after the host's own seeding), fails the first save that adds an organization as PostgreSQL does when
    /// it shuts down under the write.
    /// </summary>
    private sealed class RestartDuringTheFirstOrganizationSave : SaveChangesInterceptor
    {
        private volatile bool _armed;
        private int _failed;

        public void Arm() => _armed = true;

        public int Failed => Volatile.Read(ref _failed);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_armed && eventData.Context!.ChangeTracker.Entries<Derrimut.Organizations.Domain.Organization>().Any(e => e.State == EntityState.Added)
                && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
            {
                throw new DbUpdateException("An error occurred while saving the entity changes.",
                    new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown));
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
