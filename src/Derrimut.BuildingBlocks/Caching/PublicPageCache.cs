using System.Runtime.CompilerServices;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// A row that a gym's public pages show (its profile, timetable, shop): saving one evicts that gym's cached pages.
/// By default the owner is the row's location (<see cref="ILocationOwned"/>) or franchise (<see cref="IFranchiseOwned"/>);
/// a row owned otherwise (the organization itself) names its owners.
/// </summary>
public interface IShownOnPublicPages
{
    /// <summary>The tenants whose public pages show this row.</summary>
    IEnumerable<Guid> PublicPageOwners => this switch
    {
        ILocationOwned location => [location.TenantId],
        IFranchiseOwned franchise => [franchise.FranchiseId],
        _ => [],
    };
}

/// <summary>Settings of the public page cache (section <c>PublicPages</c>).</summary>
public sealed class PublicPagesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PublicPages";

    /// <summary>
    /// The longest an anonymous visitor's page is served from the cache when no save evicts it (0 = no cache). A
    /// backstop for changes that bypass SaveChanges (ExecuteUpdate counters). At most 240: the interactive page's
    /// signed component descriptor is only accepted for five minutes after it was rendered.
    /// </summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>The largest accepted <see cref="CacheSeconds"/>.</summary>
    public const int MaxCacheSeconds = 240;
}

/// <summary>
/// The output cache of a gym's public pages (home, timetable, shop) for anonymous visitors (decision 0070). Pages opt in
/// with <c>[OutputCache(PolicyName = PublicPageCache.PolicyName)]</c>; the policy decides per request.
/// </summary>
public static class PublicPageCache
{
    /// <summary>The output cache policy name the public pages declare.</summary>
    public const string PolicyName = "public-pages";

    /// <summary>
    /// The <see cref="HttpContext.Items"/> key of this request's Content-Security-Policy (set by the web host's security
    /// headers): a page to be stored gets it as a header before it renders, so the stored header names the stored nonce.
    /// </summary>
    public const string ContentSecurityPolicyKey = "Derrimut.ContentSecurityPolicy";

    /// <summary>The <see cref="HttpContext.Items"/> key set when this request's page may be stored for everyone.</summary>
    public const string CacheableKey = "Derrimut.PublicPageCacheable";

    /// <summary>
    /// A request header that skips the cache, honoured only when <c>Benchmarks:BareEndpoints</c> is true, so that
    /// etc/bench/pages.sh measures the uncached page beside the cached one in one app.
    /// </summary>
    public const string BenchBypassHeader = "X-Derrimut-Bench-Uncached";

    /// <summary>The tag of one tenant's cached pages (a franchise's tag also covers its locations' pages).</summary>
    public static string Tag(Guid tenantId) => "public-pages:" + tenantId.ToString("N");

    /// <summary>True when this request's page is to be stored for every anonymous visitor of its gym.</summary>
    public static bool IsCacheable(HttpContext? context) => context?.Items.ContainsKey(CacheableKey) == true;

    /// <summary>Registers the output cache: Redis when configured (shared by the nodes, so an eviction is everywhere), memory otherwise.</summary>
    internal static void Add(IHostApplicationBuilder builder, string? instanceName)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(PublicPagesOptions.Section).Get<PublicPagesOptions>() ?? new PublicPagesOptions();
        if (options.CacheSeconds is < 0 or > PublicPagesOptions.MaxCacheSeconds)
        {
            throw new InvalidOperationException(
                $"{PublicPagesOptions.Section}:CacheSeconds must be between 0 and {PublicPagesOptions.MaxCacheSeconds} (it is {options.CacheSeconds}).");
        }

        var bypassAllowed = builder.Configuration.GetValue<bool>("Benchmarks:BareEndpoints");
        services.AddOutputCache(o => o.AddPolicy(PolicyName, new PublicPagePolicy(options.CacheSeconds, bypassAllowed)));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublicPageEviction>();
        if (instanceName is null)
        {
            return;
        }

        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = instanceName + "pages:");
        // The shared multiplexer (fail-fast, decision 0025), and a Redis outage is a miss, never a failed page.
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((o, sp) =>
                o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore) && d.ImplementationType?.Name.Contains("Redis", StringComparison.Ordinal) == true);
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!),
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
    }
}

/// <summary>
/// Who may be served a stored page: only anonymous GETs at an active gym without any cookie the app issues (sign-in,
/// antiforgery, two-factor), keyed by the gym's id (never by the Host text, which varies in case and trailing dots)
/// and the query; only 200s without Set-Cookie or no-store are stored.
/// </summary>
internal sealed class PublicPagePolicy(int cacheSeconds, bool bypassAllowed) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetRequiredService<ICurrentTenant>().Tenant;
        var request = http.Request;
        var cacheable = cacheSeconds > 0
            && tenant is { State: TenantState.Active }
            && HttpMethods.IsGet(request.Method)
            && http.User.Identity?.IsAuthenticated != true
            && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !CarriesAppCookie(request)
            && !(bypassAllowed && request.Headers.ContainsKey(PublicPageCache.BenchBypassHeader));
        context.EnableOutputCaching = cacheable;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        http.Items[PublicPageCache.CacheableKey] = true;
        if (http.Items[PublicPageCache.ContentSecurityPolicyKey] is string policy)
        {
            http.Response.Headers.ContentSecurityPolicy = policy;
        }

        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(cacheSeconds);
        var vary = context.CacheVaryByRules;
        vary.VaryByHost = false;
        vary.VaryByValues["tenant"] = tenant!.Id.ToString("N");
        vary.QueryKeys = "*";
        // Blazor's enhanced navigation asks with its own Accept header and gets the same page framed for it.
        vary.HeaderNames = "Accept";
        context.Tags.Add(PublicPageCache.Tag(tenant.Id));
        if (tenant.FranchiseId != tenant.Id)
        {
            context.Tags.Add(PublicPageCache.Tag(tenant.FranchiseId));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A page that set a cookie (an antiforgery token was issued) or says it is private is this visitor's alone.
        // Blazor's no-store on every prerendered interactive page is for browsers (its signed component descriptors
        // expire after five minutes), not a sign of personal content: PublicPagesOptions caps the lifetime instead.
        if (response.StatusCode != StatusCodes.Status200OK
            || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool CarriesAppCookie(HttpRequest request)
    {
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(".AspNetCore.", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Evicts a gym's cached public pages when a row they show is saved: after the save, and again when the surrounding
/// transaction commits (a page rendered from the old rows while the transaction was open cannot stay behind).
/// </summary>
internal sealed class PublicPageEviction(IServiceProvider services, ILogger<PublicPageEviction> logger) : SavedRowsInvalidation
{
    protected override void CollectTags(object entity, ICollection<string> tags)
    {
        if (entity is IShownOnPublicPages shown)
        {
            foreach (var owner in shown.PublicPageOwners)
            {
                tags.Add(PublicPageCache.Tag(owner));
            }
        }
    }

    protected override async ValueTask InvalidateAsync(IReadOnlyCollection<string> tags)
    {
        var store = services.GetRequiredService<IOutputCacheStore>();
        foreach (var tag in tags)
        {
            try
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The save stands; the page's short lifetime (PublicPages:CacheSeconds) is the backstop.
                logger.LogWarning(ex, "Could not evict cached public pages ({Tag})", tag);
            }
        }
    }
}

/// <summary>The Redis page store with an outage turned into misses and skipped writes (as the L2 of decision 0025).</summary>
internal sealed class ResilientOutputCacheStore(IOutputCacheStore inner, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLoggedTicks;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
        }
    }

    private static bool IsOutage(Exception ex) => ex is RedisException or TimeoutException;

    private void Log(Exception ex)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (now - last >= LogEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _lastLoggedTicks, now, last) == last)
        {
            logger.LogWarning(ex, "Redis page cache unavailable; pages are rendered instead");
        }
    }
}
