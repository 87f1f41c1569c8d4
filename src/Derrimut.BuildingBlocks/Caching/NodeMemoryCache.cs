using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// A cache of answers kept in this node's memory only (HybridCache with its distributed level off: a Redis hop costs
/// about what the reads it saves cost), dropped by tag here and, through the invalidation bus, on every other node.
/// Entry types should be immutable (<c>[ImmutableObject(true)]</c>, sealed) so every hit hands out the same instance.
/// People's access (decision 0051) and a member's upcoming bookings (decision 0078) are kept this way.
/// </summary>
public abstract class NodeMemoryCache(HybridCache cache, ICacheInvalidationBus bus, string invalidationChannel, TimeSpan expiration)
{
    private readonly HybridCacheEntryOptions _options = new()
    {
        Expiration = expiration,
        LocalCacheExpiration = expiration,
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <summary>False when the configured expiration is zero: every call reads.</summary>
    protected bool Enabled { get; } = expiration > TimeSpan.Zero;

    /// <summary>
    /// What <paramref name="read"/> answers, remembered under <paramref name="key"/> with <paramref name="tags"/> (a null
    /// answer too); read afresh on every call when the cache is off. The answer is handed out as one instance to every
    /// caller, so it must not be changed.
    /// </summary>
    protected async ValueTask<T> RememberAsync<TState, T>(string key, IEnumerable<string> tags, TState state,
        Func<TState, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await read(state, cancellationToken);
        }

        var entry = await GetOrCreateAsync(key, (state, read), static async (s, ct) => new Remembered<T>(await s.read(s.state, ct)), tags, cancellationToken);
        return entry.Value;
    }

    /// <summary>The entry under <paramref name="key"/>, created by <paramref name="factory"/> and tagged when missing.</summary>
    protected ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        IEnumerable<string> tags, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(key, state, factory, _options, tags, cancellationToken);

    /// <summary>Drops the entries carrying these tags here and asks the other nodes to drop theirs.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await cache.RemoveByTagAsync(tags, cancellationToken);
        await bus.PublishTagsAsync(invalidationChannel, tags, cancellationToken);
    }
}

/// <summary>A remembered answer: immutable, so the memory cache hands out one instance instead of a copy per hit.</summary>
[ImmutableObject(true)]
public sealed class Remembered<T>(T value)
{
    public T Value { get; } = value;
}
