using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.ComponentModel;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Reporting.Contracts;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Reporting.Features.Dashboard;

/// <summary>
/// Each gym's dashboard figures, kept in this node's memory while nothing they show has changed (decision 0075).
/// <para>
/// What changes them is what the open dashboard already listens to (<see cref="DashboardLiveTopics"/>): every such
/// live update, published after its change commits, moves the gym's generation on before any page hears it, and the
/// generation is part of the key, so the next read misses and reads the records. A read that started before the
/// change is stored under the old generation and never served again. Updates from the other nodes arrive through
/// Redis and move this node's generation the same way. Figures no topic announces (a parked webhook, stock received,
/// a failed payment's ledger line written without a notice) and Redis outages are bounded by the entry's lifetime.
/// </para>
/// <para>
/// The key names the gym and its local date, so one gym's figures are never another's, and today's never yesterday's.
/// Concurrent misses of one key share a single read (HybridCache's stampede protection).
/// </para>
/// </summary>
internal sealed class DashboardFiguresCache : ILiveUpdateObserver
{
    /// <summary>The default of <c>Reporting:DashboardCacheSeconds</c>; zero turns the cache off.</summary>
    internal const int DefaultSeconds = 30;

    private static readonly FrozenSet<string> Topics = DashboardLiveTopics.All.ToFrozenSet(StringComparer.Ordinal);

    private readonly HybridCache _cache;
    private readonly HybridCacheEntryOptions _options;
    private readonly bool _enabled;
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    public DashboardFiguresCache(HybridCache cache, TimeSpan lifetime)
    {
        _cache = cache;
        _enabled = lifetime > TimeSpan.Zero;
        _options = new HybridCacheEntryOptions
        {
            Expiration = lifetime,
            LocalCacheExpiration = lifetime,
            // Memory only: the generation that makes an entry current is this node's, and the figures are small and
            // immutable, so every hit hands out the same instance with no copy.
            Flags = HybridCacheEntryFlags.DisableDistributedCache,
        };
    }

    /// <summary>The key: gym, local date and generation.</summary>
    internal static string Key(Guid locationId, DateOnly today, long generation) =>
        $"reporting:dashboard:{locationId:N}:{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{generation.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The gym's current generation (how many of its dashboard's changes this node has heard of).</summary>
    internal long GenerationOf(Guid locationId) => _generations.GetValueOrDefault(locationId);

    public async ValueTask<DashboardDto> GetOrReadAsync(Guid locationId, DateOnly today, Func<CancellationToken, Task<DashboardDto>> read, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return await read(cancellationToken);
        }

        // Taken before the read starts: a change committed during the read moves the generation on, and this read's
        // (possibly older) figures go under a key no one asks for again.
        var key = Key(locationId, today, GenerationOf(locationId));
        var entry = await _cache.GetOrCreateAsync(key, read, static async (r, ct) => new CachedDashboard(await r(ct)), _options, cancellationToken: cancellationToken);
        return entry.Dashboard;
    }

    public void Observe(LiveUpdate update)
    {
        if (Topics.Contains(update.Topic))
        {
            _generations.AddOrUpdate(update.TenantId, 1, static (_, generation) => generation + 1);
        }
    }
}

/// <summary>The cached form: immutable, so the memory cache hands out one instance instead of a copy per hit.</summary>
[ImmutableObject(true)]
internal sealed class CachedDashboard(DashboardDto dashboard)
{
    public DashboardDto Dashboard { get; } = dashboard;
}
