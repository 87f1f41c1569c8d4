using System.Collections.Concurrent;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Web.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>A job that records where it ran and in which tenant scope, and fails at one location.</summary>
internal sealed class RecordingLocationJob(ITenantScopeFactory scopes, string failAt) : LocationJob(scopes, NullLogger.Instance)
{
    public ConcurrentQueue<(TenantInfo Location, Guid? ScopeTenant)> Seen { get; } = new();

    protected override Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        Seen.Enqueue((location, services.GetRequiredService<ICurrentTenant>().Id));
        return location.Identifier == failAt ? throw new InvalidOperationException("This gym's data is broken.") : Task.CompletedTask;
    }
}

/// <summary>The kernel's per-location job base: each active location once, in its own scope, failures contained.</summary>
public sealed class LocationJobShould(SqliteDataFixture fixture) : IClassFixture<SqliteDataFixture>
{
    [Fact]
    public async Task RunForEveryLocationInItsOwnScopeAndCarryOnPastOneThatFails()
    {
        var job = new RecordingLocationJob(fixture.Host.Scopes, failAt: fixture.A2.Identifier);

        var run = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        run.ShouldBe(new LocationJobRun(Locations: 4, Failed: 1));
        job.Seen.Select(s => s.Location.Id).ShouldBe([fixture.A1.Id, fixture.A2.Id, fixture.B1.Id, fixture.B2.Id], ignoreOrder: true);
        job.Seen.ShouldAllBe(s => s.ScopeTenant == s.Location.Id);
        job.Seen.ShouldNotContain(s => s.Location.Id == fixture.FranchiseA.Id || s.Location.Id == fixture.FranchiseB.Id);
    }
}
