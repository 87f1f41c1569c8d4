using System.Net.Sockets;
using System.Text.Json;
using Derrimut.BuildingBlocks.Http;
using Npgsql;

namespace Derrimut.Web.Tests.Reliability;

/// <summary>
/// A database that is away or too slow for a moment is a 503 with <c>Retry-After</c>, never a 500 (decision 0068): the
/// client and the proxy learn to retry, and nothing was changed.
/// </summary>
public sealed class DatabaseOutageShould : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DerrimutWebFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // PostgreSQL on loopback port 1: nothing listens there, so every connection is refused at once.
        _app = new DerrimutWebFactory(_database, settings: new Dictionary<string, string>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Derrimut"] = "Host=127.0.0.1;Port=1;Database=derrimut;Username=derrimut;Password=x;Timeout=2",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnswerARequestWith503AndRetryAfterWhenTheDatabaseIsUnreachable()
    {
        var response = await _app.ClientFor("st-albans").GetAsync("/api/organizations/current", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("type").GetString().ShouldBe(ProblemTypes.ServiceUnavailable);
    }

    public static TheoryData<string, Exception> TransientFailures => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "Npgsql command timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")) },
        { "statement_timeout", new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014") },
        { "server shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "wrapped by EF Core", new DbUpdateException("An error occurred while saving", new NpgsqlException("Exception while reading from stream", new TimeoutException())) },
        { "SQLite busy", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5) },
        { "EF retries exhausted", new Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException("retries", new TimeoutException()) },
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public void MapATransientDatabaseFailureTo503(string what, Exception failure)
    {
        ProblemExceptionHandler.Map(failure).Status.ShouldBe(503, what);
    }

    [Fact]
    public void KeepABugA500()
    {
        ProblemExceptionHandler.Map(new InvalidOperationException("Sequence contains no elements")).Status.ShouldBe(500);
        ProblemExceptionHandler.Map(new PostgresException("syntax error", "ERROR", "ERROR", "42601")).Status.ShouldBe(500);
        ProblemExceptionHandler.Map(new DbUpdateException("duplicate", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"))).Status.ShouldBe(500);
    }
}
