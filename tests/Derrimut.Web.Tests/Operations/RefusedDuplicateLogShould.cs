using System.ComponentModel.DataAnnotations.Schema;
using Serilog;
using Serilog.Events;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// A write refused by a unique index is how the modules settle races, and the loser's refusal is caught and answered:
/// it writes no Error line, and nothing at Information or above, where nodes log, carries it (decision 0102: EF Core's
/// own line rendered the exception only for it to be dropped, an eighth of a node's CPU while it stored redelivered
/// webhooks; that line is now Debug), while any other failed write keeps EF Core's Error line with its exception. EF Core writes the lines here against a real database of each provider, with every level enabled and no
/// filter, so what is proven is what the contexts themselves log.
/// </summary>
public abstract class RefusedDuplicateLogShould(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly CollectingLogSink _sink = new();
    private TestDatabase _database = null!;
    private Serilog.Core.Logger _logger = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _logger = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Sink(_sink)
            .CreateLogger();
        await using var db = Lockers();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _logger.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task DropEfCoresErrorLinesForAWriteAUniqueIndexRefused()
    {
        await using (var first = Lockers())
        {
            first.Add(new Locker { Number = 12, Holder = "member@st-albans" });
            await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var second = Lockers();
        second.Add(new Locker { Number = 12, Holder = "member2@st-albans" });
        var refused = await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));

        UniqueViolations.In(refused).ShouldBeTrue();
        _sink.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{Source(e)}: {e.RenderMessage()}").ShouldBeEmpty();
        // EF Core's own failed-save line is still there for whoever turns Debug on, but at Information and above, which
        // is where nodes log, it is never built: nothing at Information or above carries the refusal.
        _sink.Events.Where(e => e.Level >= LogEventLevel.Information).Where(e => UniqueViolations.In(e.Exception)).ShouldBeEmpty();
    }

    [Fact]
    public async Task KeepTheErrorLineWithItsExceptionForAnyOtherFailedWrite()
    {
        await using var db = Lockers();
        db.Add(new Locker { Number = 7, Holder = null! });
        var failed = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        UniqueViolations.In(failed).ShouldBeFalse();
        var error = _sink.Events.Where(e => e.Level >= LogEventLevel.Error).ShouldHaveSingleItem();
        Source(error).ShouldBe("Microsoft.EntityFrameworkCore.Update");
        error.Exception.ShouldBe(failed);
        // The failed command's SQL is still there for whoever turns Debug on.
        _sink.Events.ShouldContain(e => e.Level == LogEventLevel.Debug && Source(e) == "Microsoft.EntityFrameworkCore.Database.Command"
            && e.RenderMessage().Contains("test_lockers", StringComparison.Ordinal));
    }

    private LockerContext Lockers()
    {
        // The providers as every context of ours is configured, so their log levels are the ones under test.
        var options = new DbContextOptionsBuilder<LockerContext>().UseLoggerFactory(new Serilog.Extensions.Logging.SerilogLoggerFactory(_logger));
        DataRegistration.UseProvider(options, provider, _database.ConnectionString);
        return new LockerContext(options.Options);
    }

    private static string? Source(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) ? (source as ScalarValue)?.Value as string : null;

    private sealed class LockerContext(DbContextOptions<LockerContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Locker>().HasIndex(l => l.Number).IsUnique();
    }

    [Table("test_lockers")]
    private sealed class Locker
    {
        public Guid Id { get; set; } = Guid.CreateVersion7();

        public int Number { get; set; }

        public string Holder { get; set; } = "";
    }
}

public sealed class RefusedDuplicateLogOnSqliteShould() : RefusedDuplicateLogShould(DatabaseProvider.Sqlite);

public sealed class RefusedDuplicateLogOnPostgreSqlShould() : RefusedDuplicateLogShould(DatabaseProvider.PostgreSql);
