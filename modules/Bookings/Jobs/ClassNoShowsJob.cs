using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Jobs;

/// <summary>
/// Marks no-shows at every gym: booked members not checked in by a class's start plus the gym's grace period get their
/// booking marked and, where the gym counts strikes, a no-show strike (so a suspension applies without anyone opening a
/// roster). Idempotent: a booking is marked once and the strike's unique index refuses a second, so two nodes running
/// it at once, or a roster opened meanwhile, change nothing.
/// </summary>
internal sealed class ClassNoShowsJob(ITenantScopeFactory scopes, ILogger<ClassNoShowsJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BookingsClassNoShows";

    /// <summary>Every five minutes: a no-show shows on the lists within minutes of the grace period ending.</summary>
    public const string DefaultSchedule = "0 0/5 * * * ?";

    protected override Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken) =>
        services.GetRequiredService<ClassRosters>().RecordNoShowsAsync(cancellationToken);
}
