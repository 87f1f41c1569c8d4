using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// Wraps the Redis L2 so that an outage degrades to "no L2" instead of failing requests: a failed read is a miss,
/// a failed write or removal is skipped (memory L1 and the database still answer, and the next writes and
/// removals reach Redis again once it is back). Failures are logged at most every 30 seconds.
/// </summary>
internal sealed class ResilientDistributedCache(IDistributedCache inner, ILogger<ResilientDistributedCache> logger)
    : IBufferDistributedCache, IDisposable
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLoggedTicks;

    public byte[]? Get(string key) => Try(() => inner.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => inner.GetAsync(key, token), null);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() => { inner.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false);

    public void Refresh(string key) => Try(() => { inner.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) => TryAsync(async () => { await inner.RefreshAsync(key, token); return true; }, false);

    public void Remove(string key)
    {
        if (!LocalOnlyInvalidation.IsActive)
        {
            Try(() => { inner.Remove(key); return true; }, false);
        }
    }

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        LocalOnlyInvalidation.IsActive ? Task.CompletedTask : TryAsync(async () => { await inner.RemoveAsync(key, token); return true; }, false);

    public bool TryGet(string key, IBufferWriter<byte> destination)
    {
        if (inner is IBufferDistributedCache buffered)
        {
            return Try(() => buffered.TryGet(key, destination), false);
        }

        var value = Get(key);
        if (value is null)
        {
            return false;
        }

        destination.Write(value);
        return true;
    }

    public async ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default)
    {
        if (inner is IBufferDistributedCache buffered)
        {
            return await TryAsync(async () => await buffered.TryGetAsync(key, destination, token), false);
        }

        var value = await GetAsync(key, token);
        if (value is null)
        {
            return false;
        }

        destination.Write(value);
        return true;
    }

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options)
    {
        if (inner is IBufferDistributedCache buffered)
        {
            Try(() => { buffered.Set(key, value, options); return true; }, false);
            return;
        }

        Set(key, value.ToArray(), options);
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (inner is IBufferDistributedCache buffered)
        {
            await TryAsync(async () => { await buffered.SetAsync(key, value, options, token); return true; }, false);
            return;
        }

        await SetAsync(key, value.ToArray(), options, token);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private T Try<T>(Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogFailure(ex);
            return fallback;
        }
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> action, T fallback)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogFailure(ex);
            return fallback;
        }
    }

    private void LogFailure(Exception ex)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (now - last >= LogEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _lastLoggedTicks, now, last) == last)
        {
            logger.LogWarning(ex, "Redis cache unavailable; serving from memory and the database");
        }
    }
}
