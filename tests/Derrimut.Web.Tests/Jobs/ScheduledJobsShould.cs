using System.Data.Common;
using Derrimut.BuildingBlocks.Jobs;
using Quartz;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>The clustered Quartz store on the app's own database, through the real migrations.</summary>
public abstract class ScheduledJobsShould(DatabaseProvider provider)
{
    private static readonly string[] QuartzTables =
    [
        "job_details", "triggers", "simple_triggers", "simprop_triggers", "cron_triggers", "blob_triggers", "calendars",
        "paused_trigger_grps", "paused_job_grps", "fired_triggers", "scheduler_state", "locks", "execution_history",
        "misfire_history", "job_status",
    ];

    protected DatabaseProvider Provider { get; } = provider;

    [Fact]
    public async Task HaveTheJobStoreTablesCreatedByTheMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var node = await JobsHost.StartAsync(database, "a", new ProbeRuns());
        foreach (var table in QuartzTables)
        {
            // Throws if the table is missing; the scheduler itself refuses to start without them (schema validation).
            await CountAsync(database, $"SELECT COUNT(*) FROM {JobsRegistration.TablePrefix(Provider)}{table}");
        }

        (await CountAsync(database, $"SELECT COUNT(*) FROM {JobsRegistration.TablePrefix(Provider)}triggers")).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task StopTheNodeLoudlyWhenTheJobStoreHasNotBeenMigrated()
    {
        // The scheduler is built after the node listens (decision 0066), but a store the migrator never made must
        // still take the node down rather than leave it serving without its jobs.
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var node = await JobsHost.StartAsync(database, "a", new ProbeRuns(), migrate: false);

        (await node.SchedulerStarted.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBeFalse();
        node.Stopping.IsCancellationRequested.ShouldBeTrue("the node stops itself");
    }

    [Fact]
    public async Task RunATriggeredJobOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var runs = new ProbeRuns();
        await using var node = await JobsHost.StartAsync(database, "a", runs);
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        scheduler.SchedulerName.ShouldBe(JobsRegistration.SchedulerName);

        await scheduler.TriggerJob(new JobKey(JobProbeModule.JobName, JobsRegistration.JobGroup), TestContext.Current.CancellationToken);

        await WaitUntilAsync(() => !runs.Runs.IsEmpty, TimeSpan.FromSeconds(20));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        runs.Runs.Count.ShouldBe(1);
    }

    protected static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
            : new Npgsql.NpgsqlConnection(database.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    protected static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The scheduler did not do it in time.");
            }

            await Task.Delay(100);
        }
    }
}

public sealed class ScheduledJobsOnSqliteShould() : ScheduledJobsShould(DatabaseProvider.Sqlite);

public sealed class ScheduledJobsOnPostgreSqlShould() : ScheduledJobsShould(DatabaseProvider.PostgreSql)
{
    /// <summary>
    /// Two nodes (two hosts, two schedulers) on one database, the probe job firing every second: every firing runs on
    /// exactly one node, and both nodes are members of one cluster.
    /// </summary>
    [Fact]
    public async Task RunEachFiringOnceWithTwoSchedulersOnOneDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var runs = new ProbeRuns();
        var everySecond = new Dictionary<string, string?> { [$"Jobs:Schedules:{JobProbeModule.JobName}"] = "* * * * * ?" };
        await using (var nodeA = await JobsHost.StartAsync(database, "a", runs, everySecond))
        await using (var nodeB = await JobsHost.StartAsync(database, "b", runs, everySecond, migrate: false))
        {
            await WaitUntilAsync(() => runs.Runs.Count >= 8, TimeSpan.FromSeconds(40));
            (await CountAsync(database, $"SELECT COUNT(*) FROM {JobsRegistration.TablePrefix(Provider)}scheduler_state")).ShouldBe(2);
        }

        var all = runs.Runs.ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{all.Count} runs: " + string.Join(", ", all.GroupBy(r => r.Node).Select(g => $"node {g.Key} {g.Count()}")));
        var twice = all.GroupBy(r => r.ScheduledFireTimeUtc).Where(g => g.Count() > 1).Select(g => $"{g.Key:O} on {string.Join(",", g.Select(r => r.Node))}").ToList();
        twice.ShouldBeEmpty();
        all.Select(r => r.FireInstanceId).ShouldBeUnique();
    }
}

/// <summary>SQL Server has no server here: its migrations are checked as the script they generate.</summary>
public sealed class JobStoreMigrationsShould
{
    [Fact]
    public void CreateTheJobStoreTablesOnSqlServer()
    {
        var options = new DbContextOptionsBuilder<DerrimutDbContext>();
        DataRegistration.Configure(options, DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true", Derrimut.Hosting.DerrimutModules.Create());
        using var db = new DerrimutDbContext(options.Options);

        var script = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db).GenerateScript();

        foreach (var table in new[] { "job_details", "triggers", "cron_triggers", "fired_triggers", "scheduler_state", "locks", "paused_job_grps", "job_status" })
        {
            script.ShouldContain($"CREATE TABLE [kernel].[qrtz_{table}]");
        }

        JobsRegistration.TablePrefix(DatabaseProvider.SqlServer).ShouldBe("kernel.qrtz_");
    }
}
