using Derrimut.BuildingBlocks.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.Web.Tests.Realtime;

/// <summary>
/// Live updates reach the pages they concern and no others: by tenant, topic and person; and, with Redis, on every
/// node of the app, not just the one that published.
/// </summary>
public sealed class LiveUpdatesShould : IAsyncLifetime
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private TestDatabase _database = null!;
    private DerrimutWebFactory _nodeA = null!;
    private DerrimutWebFactory _nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        var redis = TestServices.RequireRedis();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _nodeA = new DerrimutWebFactory(_database, redis, _prefix);
        _nodeB = new DerrimutWebFactory(_database, redis, _prefix);
        await _nodeA.StartAsync();
        _ = _nodeB.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nodeA is not null)
        {
            await _nodeA.DisposeAsync();
            await _nodeB.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReachOnlyTheSubscribersOfTheSameTenantTopicAndPerson()
    {
        var updates = _nodeA.Services.GetRequiredService<ILiveUpdates>();
        var (stAlbans, werribee, member, otherMember) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var membersPage = new Inbox();
        var staffList = new Inbox();
        var otherGymStaff = new Inbox();
        var otherTopic = new Inbox();
        using var a = updates.Subscribe(stAlbans, "memberships", member, membersPage.AddAsync);
        using var b = updates.Subscribe(stAlbans, "memberships", null, staffList.AddAsync);
        using var c = updates.Subscribe(werribee, "memberships", null, otherGymStaff.AddAsync);
        using var d = updates.Subscribe(stAlbans, "plans", member, otherTopic.AddAsync);

        await updates.PublishAsync(new LiveUpdate(stAlbans, "memberships", member, "past_due"));
        await updates.PublishAsync(new LiveUpdate(stAlbans, "memberships", otherMember, "active"));

        membersPage.Received.Select(u => u.Detail).ShouldBe(["past_due"]);
        staffList.Received.Count.ShouldBe(2);
        otherGymStaff.Received.ShouldBeEmpty();
        otherTopic.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task StopArrivingOnceDisposedAndSurviveAFailingSubscriber()
    {
        var updates = _nodeA.Services.GetRequiredService<ILiveUpdates>();
        var tenant = Guid.NewGuid();
        var page = new Inbox();
        using var failing = updates.Subscribe(tenant, "plans", null, _ => throw new InvalidOperationException("circuit gone"));
        var subscription = updates.Subscribe(tenant, "plans", null, page.AddAsync);

        await updates.PublishAsync(new LiveUpdate(tenant, "plans"));
        subscription.Dispose();
        await updates.PublishAsync(new LiveUpdate(tenant, "plans"));

        page.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReachAPageOpenOnAnotherNodeThroughRedis()
    {
        var tenant = Guid.NewGuid();
        var member = Guid.NewGuid();
        var pageOnB = new Inbox();
        using var subscription = _nodeB.Services.GetRequiredService<ILiveUpdates>().Subscribe(tenant, "memberships", member, pageOnB.AddAsync);

        await _nodeA.Services.GetRequiredService<ILiveUpdates>().PublishAsync(new LiveUpdate(tenant, "memberships", member, "frozen"));

        for (var i = 0; i < 40 && pageOnB.Received.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        pageOnB.Received.Select(u => u.Detail).ShouldBe(["frozen"]);
        await Task.Delay(200);
        pageOnB.Received.Count.ShouldBe(1, "delivered once, not once per node");
    }

    [Fact]
    public async Task LetEachNodesDashboardMemoryMoveOnBeforeThatNodesPagesHear()
    {
        // Decision 0075: a check-in announced on node A moves the gym's dashboard generation on A at once and on B
        // before B's open dashboard reloads, so neither node serves the figures from before the check-in.
        var gym = Guid.NewGuid();
        var memoryOnA = _nodeA.Services.GetRequiredService<Derrimut.Reporting.Features.Dashboard.DashboardFiguresCache>();
        var memoryOnB = _nodeB.Services.GetRequiredService<Derrimut.Reporting.Features.Dashboard.DashboardFiguresCache>();
        var generationWhenBsPageHeard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var dashboardOnB = _nodeB.Services.GetRequiredService<ILiveUpdates>().Subscribe(gym, Derrimut.Bookings.Contracts.ClassTopics.CheckIns, null, _ =>
        {
            generationWhenBsPageHeard.TrySetResult(memoryOnB.GenerationOf(gym));
            return Task.CompletedTask;
        });

        await _nodeA.Services.GetRequiredService<ILiveUpdates>().PublishAsync(new LiveUpdate(gym, Derrimut.Bookings.Contracts.ClassTopics.CheckIns));

        memoryOnA.GenerationOf(gym).ShouldBe(1);
        (await generationWhenBsPageHeard.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBe(1);
        memoryOnB.GenerationOf(Guid.NewGuid()).ShouldBe(0, "another gym's memory is untouched");
    }

    private sealed class Inbox
    {
        private readonly List<LiveUpdate> _received = [];

        public IReadOnlyList<LiveUpdate> Received
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public Task AddAsync(LiveUpdate update)
        {
            lock (_received)
            {
                _received.Add(update);
            }

            return Task.CompletedTask;
        }
    }
}
