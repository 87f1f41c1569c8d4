using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// Tells the other nodes to drop local (L1) cache entries. HybridCache removes a key from this node's memory and
/// from Redis, but another node's memory copy would live until it expires; this bus closes that gap.
/// </summary>
public interface ICacheInvalidationBus
{
    /// <summary>Asks every other node to remove <paramref name="keys"/> from its local cache.</summary>
    Task PublishAsync(string channel, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Asks every other node to drop the local entries carrying <paramref name="tags"/> (HybridCache tags). Single node
    /// (and test doubles): nothing to tell.
    /// </summary>
    Task PublishTagsAsync(string channel, IReadOnlyCollection<string> tags, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Single node (no Redis): nothing to tell.</summary>
internal sealed class LocalCacheInvalidationBus : ICacheInvalidationBus
{
    public Task PublishAsync(string channel, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Redis pub/sub: each node publishes its removals and applies the others'.</summary>
/// <summary>The key and channel prefix on Redis (configuration <c>Caching:InstanceName</c>).</summary>
internal sealed record RedisInstanceName(string Value);

internal sealed class RedisCacheInvalidationBus(
    IConnectionMultiplexer redis,
    RedisInstanceName instance,
    HybridCache cache,
    ILogger<RedisCacheInvalidationBus> logger) : ICacheInvalidationBus, IHostedService
{
    private readonly string _channelPrefix = instance.Value + "invalidate:";
    private readonly string _tagChannelPrefix = instance.Value + "invalidate:tags:";
    private static readonly char[] Separator = ['\n'];
    private readonly string _nodeId = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(string channel, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(_channelPrefix + channel), _nodeId + "\n" + string.Join('\n', keys));
        }
        catch (RedisException ex)
        {
            // Redis being down must not fail the write that caused the invalidation; other nodes' L1 copies then
            // age out on their short local expiry.
            logger.LogWarning(ex, "Could not broadcast cache invalidation for {Keys}", keys);
        }
    }

    public async Task PublishTagsAsync(string channel, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(_tagChannelPrefix + channel), _nodeId + "\n" + string.Join('\n', tags));
        }
        catch (RedisException ex)
        {
            // As for keys: the write stands; other nodes' entries age out on their short expiry.
            logger.LogWarning(ex, "Could not broadcast cache invalidation for tags {Tags}", tags);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(_channelPrefix + "*"), (channel, message) => Discard(OnMessageAsync(channel, message)));
        }
        catch (RedisException ex)
        {
            // The multiplexer re-establishes registered subscriptions when Redis comes back.
            logger.LogWarning(ex, "Could not subscribe to cache invalidations; Redis unavailable");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // OnMessageAsync logs its own failures; the callback must not block the Redis reader thread.
    private static void Discard(Task task) => GC.KeepAlive(task);

    private async Task OnMessageAsync(RedisChannel channel, RedisValue message)
    {
        var parts = ((string?)message ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] == _nodeId)
        {
            return;
        }

        try
        {
            // The publishing node already removed these keys from Redis; here only this node's memory copy must
            // go. Removing from Redis again could delete a value the publisher (or anyone) has just re-cached.
            using (LocalOnlyInvalidation.Begin())
            {
                if (channel.ToString().StartsWith(_tagChannelPrefix, StringComparison.Ordinal))
                {
                    await cache.RemoveByTagAsync(parts[1..]);
                }
                else
                {
                    await cache.RemoveAsync(parts[1..]);
                }
            }
        }
        catch (Exception ex)
        {
            // Runs on a Redis callback thread: an exception here would be lost, so log it.
            logger.LogWarning(ex, "Could not apply cache invalidation");
        }
    }
}

/// <summary>
/// Marks the current async flow as "remove from this node's memory only": the Redis L2 wrapper then skips
/// removals. Used by the invalidation bus for removals another node has already applied to Redis.
/// </summary>
internal static class LocalOnlyInvalidation
{
    private static readonly AsyncLocal<bool> Flag = new();

    public static bool IsActive => Flag.Value;

    public static IDisposable Begin()
    {
        var previous = Flag.Value;
        Flag.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Flag.Value = previous;
    }
}
