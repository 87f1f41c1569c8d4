using Quartz;

namespace Derrimut.BuildingBlocks.Jobs;

/// <summary>One recurring job a module runs.</summary>
/// <param name="Name">Unique name; the Quartz job key and the key under <c>Jobs:Schedules</c>.</param>
/// <param name="Module">The declaring module.</param>
/// <param name="JobType">The job class (usually a <see cref="LocationJob"/>).</param>
/// <param name="DefaultSchedule">Cron expression (Quartz format, seconds first) used unless configured.</param>
/// <param name="Description">What it does, for operators.</param>
public sealed record RecurringJobDefinition(string Name, string Module, Type JobType, string DefaultSchedule, string Description);

/// <summary>Collects the recurring jobs the modules declare (see <see cref="Modularity.DerrimutModule.ConfigureJobs"/>).</summary>
public sealed class JobDefinitionContext
{
    private readonly Dictionary<string, RecurringJobDefinition> _jobs = new(StringComparer.OrdinalIgnoreCase);

    internal string CurrentModule { get; set; } = "";

    /// <summary>Every declared job, in declaration order.</summary>
    public IReadOnlyCollection<RecurringJobDefinition> All => _jobs.Values;

    /// <summary>Declares a recurring job.</summary>
    /// <param name="name">Unique, letters and digits only (it is also a configuration key).</param>
    /// <param name="defaultSchedule">Cron expression, Quartz format (seconds first), in <see cref="JobsOptions.TimeZone"/>.</param>
    /// <param name="description">What it does.</param>
    public JobDefinitionContext AddRecurring<TJob>(string name, string defaultSchedule, string description)
        where TJob : class, IJob
    {
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Job name '{name}' must be letters and digits only (it is a configuration key).", nameof(name));
        }

        if (!CronExpression.TryParse(defaultSchedule, out _))
        {
            throw new ArgumentException($"Job '{name}': '{defaultSchedule}' is not a valid Quartz cron expression.", nameof(defaultSchedule));
        }

        if (!_jobs.TryAdd(name, new RecurringJobDefinition(name, CurrentModule, typeof(TJob), defaultSchedule, description)))
        {
            throw new InvalidOperationException($"Job '{name}' is declared twice.");
        }

        return this;
    }
}
