using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Modularity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Derrimut.BuildingBlocks.Jobs;

/// <summary>
/// Quartz.NET on the app's own database: an ADO job store (tables created by our EF migrations, see
/// <see cref="TablePrefix"/>), clustered so every node may run the scheduler and each firing runs on exactly one of
/// them. SQLite is the exception: it is the embedded, single-node database (a file beside one app), and Quartz refuses
/// to cluster on it (its locking is in-process), so there the store runs unclustered. See
/// docs/decisions/0024-scheduled-jobs-on-quartz.md.
/// </summary>
public static class JobsRegistration
{
    /// <summary>
    /// The scheduler's name, shared by every node: Quartz clusters the schedulers of one name on one database
    /// (<c>SCHED_NAME</c> in every table).
    /// </summary>
    public const string SchedulerName = "Derrimut";

    /// <summary>The Quartz job and trigger group of the modules' recurring jobs.</summary>
    public const string JobGroup = "recurring";

    /// <summary>
    /// Where the Quartz tables live: the kernel's schema (a <c>kernel_</c> prefix on SQLite, as for every table there).
    /// Quartz writes its SQL as <c>{prefix}TRIGGERS</c>; unquoted, PostgreSQL folds it to lower case and SQL Server and
    /// SQLite compare names without case, so one spelling in the migrations serves all three.
    /// </summary>
    public static string TablePrefix(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "kernel_qrtz_",
        DatabaseProvider.PostgreSql => "kernel.qrtz_",
        DatabaseProvider.SqlServer => "kernel.qrtz_",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Registers the declared jobs, and (when <see cref="JobsOptions.Enabled"/>) the clustered scheduler.</summary>
    internal static void AddDerrimutJobs(this IHostApplicationBuilder builder, ModuleCatalog catalog)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(JobsOptions.Section);
        services.Configure<JobsOptions>(section);
        // Resolvable whether or not the scheduler runs, so a job can be run by hand (and by tests) through DI.
        foreach (var job in catalog.Jobs.All)
        {
            services.TryAddTransient(job.JobType);
        }

        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        if (!options.Enabled)
        {
            return;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DataRegistration.ConnectionString(builder.Configuration, database.Provider, builder.Environment.ContentRootPath);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var schedules = catalog.Jobs.All.Select(job => (job, cron: Schedule(job, options))).ToList();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UseDefaultThreadPool(Math.Max(1, options.MaxConcurrency));
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = TablePrefix(database.Provider);
                    // Job data as name/value strings: readable in the database and immune to serializer changes.
                    o.StoreJobDataAsStrings = true;
                    // Our migrations own the schema: fail start-up loudly if they have not run, never create tables.
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (database.Provider != DatabaseProvider.Sqlite)
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                    });
                }
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, connectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(Npgsql.NpgsqlFactory.Instance, connectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, connectionString);
                        break;
                }
            });

            foreach (var (job, cron) in schedules)
            {
                var key = new JobKey(job.Name, JobGroup);
                q.AddJob(job.JobType, j => j.WithIdentity(key).WithDescription(job.Description).StoreDurably().DisallowConcurrentExecution());
                q.AddTrigger(t => t.ForJob(key).WithIdentity(job.Name, JobGroup)
                    // A firing missed while every node was down is not made up: the jobs are idempotent sweeps and the
                    // next firing does the same work.
                    .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        // Not Quartz's own hosted service: it builds the scheduler (store, schema check, every job and trigger written
        // to the clustered store) before the web server may listen, which was the largest step of a cold start
        // (decision 0066). This one does all of it once the node is listening.
        services.AddHostedService<SchedulerAfterListening>();
    }

    private static string Schedule(RecurringJobDefinition job, JobsOptions options)
    {
        var cron = options.Schedules.TryGetValue(job.Name, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : job.DefaultSchedule;
        return CronExpression.TryParse(cron, out _)
            ? cron
            : throw new InvalidOperationException($"Jobs:Schedules:{job.Name} = '{cron}' is not a valid Quartz cron expression (seconds first, e.g. \"0 0 9 * * ?\").");
    }
}
