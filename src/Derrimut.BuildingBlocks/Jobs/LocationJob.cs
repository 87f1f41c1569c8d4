using Derrimut.BuildingBlocks.Tenancy;
using Quartz;

namespace Derrimut.BuildingBlocks.Jobs;

/// <summary>What one run of a <see cref="LocationJob"/> did.</summary>
/// <param name="Locations">Active locations the work ran for.</param>
/// <param name="Failed">Locations whose work threw (logged; the others still ran).</param>
public sealed record LocationJobRun(int Locations, int Failed);

/// <summary>
/// A recurring job whose work is done once per active gym location, each in that location's own tenant scope (its own
/// DI scope and DbContext, the location's query filters and write rules), so a job can never see or touch another
/// gym's rows. Locations run one after another; one location failing is logged and does not stop the others. Quartz
/// never runs two firings of one job at once (the clustered store holds the job while it runs, on any node).
/// </summary>
[DisallowConcurrentExecution]
public abstract class LocationJob(ITenantScopeFactory scopes, ILogger logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken);

    /// <summary>Runs the work for every active location now (what a firing does; tests call it directly).</summary>
    public async Task<LocationJobRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var name = GetType().Name;
        var tenants = await scopes.RunAsPlatformAsync((sp, ct) => sp.GetRequiredService<ITenantStore>().ListAsync(ct), cancellationToken);
        var locations = tenants.Where(t => t is { Kind: TenantKind.Location, State: TenantState.Active }).ToList();
        var failed = 0;
        foreach (var location in locations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await scopes.RunAsync(location, (sp, ct) => RunForLocationAsync(sp, location, ct), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // One gym's bad row must not hold every other gym's reminders hostage; the next firing tries it again.
                failed++;
                logger.LogError(ex, "Job {Job} failed at location {Location} ({LocationId}); carrying on with the others", name, location.Identifier, location.Id);
            }
        }

        // Quiet when all is well: some jobs fire every minute.
        logger.Log(failed == 0 ? LogLevel.Debug : LogLevel.Warning, "Job {Job} ran for {Locations} location(s), {Failed} failed", name, locations.Count, failed);
        return new LocationJobRun(locations.Count, failed);
    }

    /// <summary>The work for one location, in its tenant scope: resolve what you need from <paramref name="services"/>.</summary>
    protected abstract Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken);
}
