using System.Collections.Concurrent;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Modularity;
using Quartz;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>One run of the probe job: which node ran it and for which scheduled firing.</summary>
public sealed record ProbeRun(string Node, DateTimeOffset? ScheduledFireTimeUtc, string FireInstanceId);

/// <summary>Shared by every node of a test, so the runs of all nodes land in one list.</summary>
public sealed class ProbeRuns
{
    public ConcurrentQueue<ProbeRun> Runs { get; } = new();
}

/// <summary>The name of the node a probe job runs on (one per host).</summary>
public sealed record ProbeNode(string Name);

/// <summary>A job that only records that it ran, where, and for which firing; it takes a moment, as real work does.</summary>
internal sealed class ProbeJob(ProbeRuns runs, ProbeNode node) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        runs.Runs.Enqueue(new ProbeRun(node.Name, context.ScheduledFireTimeUtc, context.FireInstanceId));
        await Task.Delay(150, cancellationToken);
    }
}

/// <summary>Declares the probe job; by default it would fire only in 2099, tests give it a schedule in configuration.</summary>
internal sealed class JobProbeModule : DerrimutModule
{
    public const string JobName = "JobProbe";

    public override string Name => "JobProbe";

    public override void ConfigureJobs(JobDefinitionContext context) =>
        context.AddRecurring<ProbeJob>(JobName, "0 0 0 1 1 ? 2099", "Records its runs (tests only).");
}
