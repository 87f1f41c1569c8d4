using System.Text.Json;
using StackExchange.Redis;

namespace Derrimut.Web.Tests.Caching;

/// <summary>
/// Two nodes of the app on one PostgreSQL database and one real Redis: a tenant write on one node takes effect on
/// the other's next request, and Redis holds the L2 copy.
/// </summary>
public sealed class TenantCatalogWithRedisShould : IAsyncLifetime
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private TestDatabase _database = null!;
    private DerrimutWebFactory _nodeA = null!;
    private DerrimutWebFactory _nodeB = null!;
    private TestTenant _franchise = null!;

    public async ValueTask InitializeAsync()
    {
        var redis = TestServices.RequireRedis();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _nodeA = new DerrimutWebFactory(_database, redis, _prefix);
        _nodeB = new DerrimutWebFactory(_database, redis, _prefix);
        await _nodeA.StartAsync();
        _ = _nodeB.Services;
        _franchise = await TenantBuilder.CreateFranchiseAsync(_nodeA.PlatformClient(), $"redis-{Guid.NewGuid():N}"[..12]);
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

    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpStatusCode>> probe, HttpStatusCode expected)
    {
        // Pub/sub delivery is asynchronous (sub-millisecond on loopback); allow up to two seconds.
        var status = await probe();
        for (var i = 0; i < 40 && status != expected; i++)
        {
            await Task.Delay(50);
            status = await probe();
        }

        return status;
    }

    [Fact]
    public async Task ApplyASuspensionMadeOnOneNodeToTheOtherNodesNextRequests()
    {
        var location = await TenantBuilder.CreateLocationAsync(_nodeA.PlatformClient(), $"node-{Guid.NewGuid():N}"[..12], _franchise.Id);
        var onB = _nodeB.ClientFor(location.Identifier);
        (await onB.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _nodeA.PlatformClient().PostAsync($"/api/platform/tenants/{location.Id}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EventuallyAsync(async () => (await onB.GetAsync("/api/organizations/current")).StatusCode, HttpStatusCode.Forbidden))
            .ShouldBe(HttpStatusCode.Forbidden);

        (await _nodeB.PlatformClient().PostAsync($"/api/platform/tenants/{location.Id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var onA = _nodeA.ClientFor(location.Identifier);
        (await EventuallyAsync(async () => (await onA.GetAsync("/api/organizations/current")).StatusCode, HttpStatusCode.OK))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApplyARenameMadeOnOneNodeToTheOther()
    {
        var platform = _nodeA.PlatformClient();
        var location = await TenantBuilder.CreateLocationAsync(platform, $"ren-{Guid.NewGuid():N}"[..12], _franchise.Id);
        (await _nodeB.ClientFor(location.Identifier).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var current = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants/{location.Id}");
        var renamed = $"ren2-{Guid.NewGuid():N}"[..12];
        var body = Http.TenantResolutionShould.WithVersion(TenantBuilder.LocationBody(renamed, _franchise.Id), current.GetProperty("version").GetInt64());
        (await platform.PutAsJsonAsync($"/api/platform/tenants/{location.Id}", body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await EventuallyAsync(async () => (await _nodeB.ClientFor(location.Identifier).GetAsync("/api/organizations/current")).StatusCode, HttpStatusCode.NotFound))
            .ShouldBe(HttpStatusCode.NotFound);
        (await _nodeB.ClientFor(renamed).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeepTheTenantInRedisAsTheSecondLevel()
    {
        var location = await TenantBuilder.CreateLocationAsync(_nodeA.PlatformClient(), $"l2-{Guid.NewGuid():N}"[..12], _franchise.Id);
        (await _nodeA.ClientFor(location.Identifier).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.RequireRedis());
        var key = $"{_prefix}tenant:identifier:{location.Identifier}";
        var found = false;
        // HybridCache writes L2 in the background: poll.
        for (var i = 0; i < 40 && !found; i++)
        {
            found = await redis.GetDatabase().KeyExistsAsync(key);
            if (!found)
            {
                await Task.Delay(50);
            }
        }

        found.ShouldBeTrue($"expected {key} in Redis");
        var ready = await _nodeA.ClientFor(null).GetFromJsonAsync<JsonElement>("/health/ready");
        ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Healthy");
    }
}

/// <summary>Redis configured but unreachable: requests are served from memory and the database, and readiness says so.</summary>
public sealed class RedisOutageShould : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DerrimutWebFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Port 1 on loopback: nothing listens there, connections are refused at once.
        _app = new DerrimutWebFactory(_database, "127.0.0.1:1,connectTimeout=500");
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task KeepServingTenantsAndReportRedisAsDegradedWhileStayingReady()
    {
        var platform = _app.PlatformClient();
        var franchise = await TenantBuilder.CreateFranchiseAsync(platform, "outage-franchise");
        var location = await TenantBuilder.CreateLocationAsync(platform, "outage-gym", franchise.Id);
        var site = _app.ClientFor(location.Identifier);
        (await site.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await site.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await platform.PostAsync($"/api/platform/tenants/{location.Id}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await site.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ready = await _app.ClientFor(null).GetAsync("/health/ready");
        // Degraded, not unready: every node shares the one Redis, so taking them out of rotation would turn a cache
        // outage into a full one (decision 0068).
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("Degraded");
        report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Degraded");
        report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }
}
