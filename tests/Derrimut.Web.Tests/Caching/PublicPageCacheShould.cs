using System.Text.RegularExpressions;
using Derrimut.Organizations.Domain;

namespace Derrimut.Web.Tests.Caching;

/// <summary>
/// A gym's public pages are stored for its anonymous visitors (decision 0070): served from the store with the security
/// headers matching the stored page, evicted when a row the pages show is saved, and never stored for a signed-in person.
/// </summary>
public abstract partial class PublicPageCacheShould : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    protected virtual string? Redis => null;

    private TestDatabase _database = null!;
    private DerrimutWebFactory _app = null!;
    private TestTenant _a1 = null!;
    private TestTenant _b1 = null!;

    internal static readonly Dictionary<string, string> CacheOn = new() { ["PublicPages:CacheSeconds"] = "60" };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _app = new DerrimutWebFactory(_database, Redis, settings: CacheOn);
        await _app.StartAsync();
        (_, _a1, _, _, _b1, _) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    /// <summary>The output cache marks what it served from the store with an Age header.</summary>
    internal static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    internal static async Task<(HttpResponseMessage Response, string Body)> GetPageAsync(HttpClient client, string path = "/")
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.Length > 500 ? body[..500] : body);
        return (response, body);
    }

    [Fact]
    public async Task ServeAnAnonymousVisitorsNextVisitFromTheStoreWithItsOwnNonce()
    {
        var visitor = _app.ClientFor(_a1.Identifier);
        var (first, firstBody) = await GetPageAsync(visitor);
        FromCache(first).ShouldBeFalse();
        first.Headers.Contains("Set-Cookie").ShouldBeFalse("a page stored for everyone must not set anyone's cookie");

        var (second, secondBody) = await GetPageAsync(visitor);
        FromCache(second).ShouldBeTrue("the second anonymous visit is served from the store");
        secondBody.ShouldBe(firstBody);
        secondBody.ShouldContain($"Gym {_a1.Identifier}");

        // The page's inline import map runs only if the Content-Security-Policy names the nonce the page was rendered with.
        var nonce = Regex.Match(secondBody, "<script[^>]*nonce=\"([^\"]+)\"").Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        string.Join(";", second.Headers.GetValues("Content-Security-Policy")).ShouldContain($"'nonce-{nonce}'");
        second.Headers.GetValues("X-Frame-Options").ShouldContain("DENY");
    }

    [Fact]
    public async Task EvictAGymsPagesWhenARowTheyShowIsSavedAndKeepOtherGyms()
    {
        var atA = _app.ClientFor(_a1.Identifier);
        var atB = _app.ClientFor(_b1.Identifier);
        await GetPageAsync(atA);
        await GetPageAsync(atB);
        FromCache((await GetPageAsync(atA)).Response).ShouldBeTrue();
        FromCache((await GetPageAsync(atB)).Response).ShouldBeTrue();

        var renamed = $"Renamed {_a1.Identifier}";
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
            var gym = await db.Set<Organization>().SingleAsync(o => o.Id == _a1.Id);
            gym.Name = renamed;
            await db.SaveChangesAsync();
        }

        var (afterA, bodyA) = await GetPageAsync(atA);
        FromCache(afterA).ShouldBeFalse("the save evicted this gym's pages");
        bodyA.ShouldContain(renamed);
        FromCache((await GetPageAsync(atB)).Response).ShouldBeTrue("another franchise's gym was not touched");
    }

    [Fact]
    public async Task NeverStoreOrServeASignedInPersonsPage()
    {
        var anonymous = _app.ClientFor(_a1.Identifier);
        await GetPageAsync(anonymous);
        FromCache((await GetPageAsync(anonymous)).Response).ShouldBeTrue();

        // The development platform key signs the caller in as a superadmin.
        var signedIn = _app.ClientFor(_a1.Identifier, platformKey: true);
        FromCache((await GetPageAsync(signedIn)).Response).ShouldBeFalse();
        FromCache((await GetPageAsync(signedIn)).Response).ShouldBeFalse();

        // A sign-in cookie (even one that no longer signs anyone in) means the page may be that person's.
        var withCookie = _app.ClientFor(_a1.Identifier);
        withCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Identity.Application=expired");
        FromCache((await GetPageAsync(withCookie)).Response).ShouldBeFalse();
        FromCache((await GetPageAsync(withCookie)).Response).ShouldBeFalse();
    }

    [Fact]
    public async Task StoreTheTimetableAndTheShopAsWell()
    {
        var visitor = _app.ClientFor(_a1.Identifier);
        foreach (var path in new[] { "/classes", "/shop" })
        {
            var first = await visitor.GetAsync(path);
            if (first.StatusCode != HttpStatusCode.OK)
            {
                // A page that asks anonymous visitors to sign in is never stored (only 200s are).
                FromCache(await visitor.GetAsync(path)).ShouldBeFalse(path);
                continue;
            }

            FromCache(await visitor.GetAsync(path)).ShouldBeTrue(path);
        }
    }
}

public sealed class PublicPageCacheOnSqliteShould : PublicPageCacheShould
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PublicPageCacheOnPostgreSqlShould : PublicPageCacheShould
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The store in Redis: what one node stored another serves, and one node's eviction is everyone's.</summary>
public sealed class PublicPageCacheWithRedisShould : IAsyncLifetime
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private TestDatabase _database = null!;
    private DerrimutWebFactory _nodeA = null!;
    private DerrimutWebFactory _nodeB = null!;
    private TestTenant _a1 = null!;

    public async ValueTask InitializeAsync()
    {
        var redis = TestServices.RequireRedis();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _nodeA = new DerrimutWebFactory(_database, redis, _prefix, settings: PublicPageCacheShould.CacheOn);
        _nodeB = new DerrimutWebFactory(_database, redis, _prefix, settings: PublicPageCacheShould.CacheOn);
        await _nodeA.StartAsync();
        _ = _nodeB.Services;
        (_, _a1, _, _, _, _) = await TenantBuilder.CreateTwoByTwoAsync(_nodeA.PlatformClient());
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
    public async Task ServeWhatOneNodeStoredFromTheOtherAndEvictOnBoth()
    {
        FromA(await PublicPageCacheShould.GetPageAsync(_nodeA.ClientFor(_a1.Identifier))).ShouldBeFalse();
        FromA(await PublicPageCacheShould.GetPageAsync(_nodeB.ClientFor(_a1.Identifier))).ShouldBeTrue("node A stored the page in Redis");

        using (var scope = _nodeA.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
            var gym = await db.Set<Organization>().SingleAsync(o => o.Id == _a1.Id);
            gym.Phone = "03 9000 0000";
            await db.SaveChangesAsync();
        }

        FromA(await PublicPageCacheShould.GetPageAsync(_nodeB.ClientFor(_a1.Identifier))).ShouldBeFalse("node A's save evicted it from Redis");
    }

    private static bool FromA((HttpResponseMessage Response, string Body) page) => PublicPageCacheShould.FromCache(page.Response);
}
