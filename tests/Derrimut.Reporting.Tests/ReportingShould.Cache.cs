using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Identity.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Dashboard;
using static Derrimut.Reporting.Tests.ReportingKit;

namespace Derrimut.Reporting.Tests;

/// <summary>
/// The dashboard's figures in memory (decision 0075): kept until the gym's own dashboard topics announce a change,
/// never another gym's, and never older figures under a newer generation.
/// </summary>
public abstract partial class ReportingShould
{
    [Fact]
    public async Task KeepTheDashboardInMemoryUntilItsGymAnnouncesAChangeAndNeverAnswerAnotherGymFromIt()
    {
        var gym = await GymAsync();
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        async Task<DashboardDto> DashboardAsync() => await ReadAsync<DashboardDto>(await admin.GetAsync("/api/reports/dashboard", _ct));
        var first = await DashboardAsync();

        // A row written behind the dashboard's back (no live update): the figures read a moment ago still stand.
        await AddRowsAsync(App, gym.Id, CheckIns, CheckIn(EarlierToday(), gym.Id));
        var kept = await DashboardAsync();
        (kept.CheckInsToday, kept.AsOf).ShouldBe((first.CheckInsToday, first.AsOf));

        // Another gym's check-in, and this gym's news on a topic the dashboard does not show, change nothing here.
        var live = App.Services.GetRequiredService<ILiveUpdates>();
        await live.PublishAsync(new LiveUpdate(fixture.A2.Id, ClassTopics.CheckIns), _ct);
        await live.PublishAsync(new LiveUpdate(gym.Id, "plans"), _ct);
        (await DashboardAsync()).AsOf.ShouldBe(first.AsOf);

        // This gym's own check-in notice does: the next read counts the row.
        await live.PublishAsync(new LiveUpdate(gym.Id, ClassTopics.CheckIns), _ct);
        var fresh = await DashboardAsync();
        fresh.CheckInsToday.ShouldBe(first.CheckInsToday + 1);
        fresh.AsOf.ShouldBeGreaterThan(first.AsOf);

        // The franchise's other gym, read while ours is in memory, answers with its own figures.
        var otherAdmin = await SignedInAsync(App, fixture.A2, IdentityRoles.Admin);
        var other = await ReadAsync<DashboardDto>(await otherAdmin.GetAsync("/api/reports/dashboard", _ct));
        other.LocationId.ShouldBe(fixture.A2.Id);
        var franchiseAdmin = await FranchiseAdminAsync(App, fixture.FranchiseA);
        var rollup = await ReadAsync<FranchiseDashboardDto>(await franchiseAdmin.GetAsync("/api/reports/franchise/dashboard", _ct));
        rollup.Locations.Single(l => l.LocationId == gym.Id).CheckInsToday.ShouldBe(fresh.CheckInsToday);
        rollup.Locations.Single(l => l.LocationId == fixture.A2.Id).LocationName.ShouldBe(other.LocationName);
    }

    [Fact]
    public async Task NeverKeepFiguresReadWhileTheirGymChanged()
    {
        var figures = App.Services.GetRequiredService<DashboardFiguresCache>();
        var gym = Guid.NewGuid();
        var (today, _) = Today();
        var reads = 0;
        DashboardDto Figures(int checkIns) => new(gym, "Test gym", today, today, DateTimeOffset.UtcNow, 0, 0, 0, checkIns, new int[24], [], null, 0, 0, 0,
            new RevenueDto(new(0, 0, 0, 0), new(0, 0, 0, 0), new(0, 0, 0, 0), 0, 0), 0, 0, 0, 0);

        // A check-in commits and is announced while the read is under way: the read's figures may predate it.
        var during = await figures.GetOrReadAsync(gym, today, _ =>
        {
            reads++;
            figures.Observe(new LiveUpdate(gym, ClassTopics.CheckIns));
            return Task.FromResult(Figures(0));
        }, _ct);
        during.CheckInsToday.ShouldBe(0);

        // So they are not what the next request gets: it reads again, and that read is kept.
        (await figures.GetOrReadAsync(gym, today, _ => { reads++; return Task.FromResult(Figures(1)); }, _ct)).CheckInsToday.ShouldBe(1);
        (await figures.GetOrReadAsync(gym, today, _ => { reads++; return Task.FromResult(Figures(2)); }, _ct)).CheckInsToday.ShouldBe(1);
        reads.ShouldBe(2);

        // Ten requests arriving together on an empty entry share one read.
        figures.Observe(new LiveUpdate(gym, Derrimut.Marketplace.Contracts.ShopTopics.Orders));
        var gate = new TaskCompletionSource<DashboardDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        var together = Enumerable.Range(0, 10).Select(_ => figures.GetOrReadAsync(gym, today, _ => { Interlocked.Increment(ref reads); return gate.Task; }, _ct).AsTask()).ToList();
        gate.SetResult(Figures(3));
        (await Task.WhenAll(together)).ShouldAllBe(d => d.CheckInsToday == 3);
        reads.ShouldBe(3);

        // The key names the gym and its local day: another gym's or yesterday's entry is never this one.
        DashboardFiguresCache.Key(gym, today, 0).ShouldNotBe(DashboardFiguresCache.Key(Guid.NewGuid(), today, 0));
        DashboardFiguresCache.Key(gym, today, 0).ShouldNotBe(DashboardFiguresCache.Key(gym, today.AddDays(-1), 0));
    }
}
