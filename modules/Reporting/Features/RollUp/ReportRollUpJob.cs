using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;

namespace Derrimut.Reporting.Features.RollUp;

/// <summary>
/// Keeps every gym's daily roll-up current (decision 0073): each firing closes the days that ended since the last one
/// and sums the last week again, one gym after another in that gym's own scope. The first firing after install
/// back-fills each gym from its oldest record, a quarter at a time; reports stay exact meanwhile (what is not rolled
/// up yet is read live).
/// </summary>
internal sealed class ReportRollUpJob(ITenantScopeFactory scopes, ILogger<ReportRollUpJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "ReportRollUp";

    /// <summary>Every hour at seven past: a day is closed within the hour after the gym's midnight.</summary>
    public const string DefaultSchedule = "0 7 * * * ?";

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<DailyRollUp>().RunAsync(cancellationToken);
        services.GetRequiredService<ILogger<ReportRollUpJob>>().Log(run.DaysRebuilt > DailyRollUp.RecheckDays + 1 ? LogLevel.Information : LogLevel.Debug,
            "Report roll-up at {Location}: {Days} day(s) summed, now {FirstDay} to {LastDay}", location.Identifier, run.DaysRebuilt, run.FirstDay, run.LastDay);
    }
}
