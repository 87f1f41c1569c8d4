namespace Derrimut.BuildingBlocks.Jobs;

/// <summary>Configuration section <c>Jobs</c>: whether this node runs the scheduler, and when each job fires.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Jobs";

    /// <summary>
    /// Run the scheduler on this node (default on). Every node of a deployment may run it: the clustered store hands
    /// each firing to exactly one node. Tests switch it off unless they test jobs.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Cron expressions (Quartz format, seconds first) by job name, overriding the defaults the modules declare,
    /// e.g. <c>Jobs:Schedules:MembershipRenewalReminders = "0 0 9 * * ?"</c>.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The time zone the cron expressions are read in: the gyms' own (Victoria).</summary>
    public string TimeZone { get; set; } = "Australia/Melbourne";

    /// <summary>Jobs this node runs at once. The jobs are light and the machines small.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How often a node tells the cluster it is alive; a node silent for longer is presumed dead and its work recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
