using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks.Realtime;

/// <summary>
/// Something changed that an open page should show now: a membership went past due, a new plan arrived. Carries only
/// what identifies the change, never the data itself: the page reloads what it shows through its normal (tenant-
/// filtered, permission-checked) queries, so a live update can never leak data the page could not read anyway.
/// </summary>
/// <param name="TenantId">The tenant the change happened in; subscribers of other tenants never hear it.</param>
/// <param name="Topic">What changed, e.g. <c>memberships</c> or <c>plans</c>.</param>
/// <param name="UserId">The person it concerns, when it concerns one (a member's own page listens for this).</param>
/// <param name="Detail">A short hint for the page (an id, a new status); optional.</param>
public sealed record LiveUpdate(Guid TenantId, string Topic, Guid? UserId = null, string? Detail = null);

/// <summary>
/// Pushes <see cref="LiveUpdate"/>s to subscribers (interactive Blazor components) on every node. Publish only after
/// the change is committed, so a page that reloads on the update sees it.
/// </summary>
public interface ILiveUpdates
{
    /// <summary>Delivers <paramref name="update"/> to matching subscribers on this node and, with Redis, on every other node.</summary>
    Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Listens for updates on <paramref name="topic"/> in <paramref name="tenantId"/>. With a <paramref name="userId"/>
    /// only updates about that person arrive (a member's own page); without one, every update of the topic in the
    /// tenant (a staff list). Dispose the result to stop listening (do it in the component's Dispose).
    /// </summary>
    IDisposable Subscribe(Guid tenantId, string topic, Guid? userId, Func<LiveUpdate, Task> onUpdate);
}

/// <summary>
/// Hears every live update delivered on this node, of every tenant, before any page's subscriber does: a node-local
/// cache of figures the topic changes drops its entry here, so a page that reloads on the same update reads fresh
/// figures. Updates from other nodes arrive here too (through Redis). Runs on the publisher's path: keep it cheap.
/// </summary>
public interface ILiveUpdateObserver
{
    /// <summary>Called once per update delivered on this node, before the subscribers.</summary>
    void Observe(LiveUpdate update);
}

/// <summary>This node's subscribers, and delivery to them. Used directly on a single node, and by the Redis fan-out.</summary>
internal sealed class LocalLiveUpdates(ILogger<LocalLiveUpdates> logger, IEnumerable<ILiveUpdateObserver> observers) : ILiveUpdates
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ILiveUpdateObserver[] _observers = [.. observers];

    public Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken = default) => DeliverAsync(update);

    public IDisposable Subscribe(Guid tenantId, string topic, Guid? userId, Func<LiveUpdate, Task> onUpdate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(onUpdate);
        var subscription = new Subscription(this, tenantId, topic, userId, onUpdate);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public async Task DeliverAsync(LiveUpdate update)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Observe(update);
            }
            catch (Exception ex)
            {
                // An observer's fault must not keep the update from the pages (nor fail the committed write).
                logger.LogWarning(ex, "A live-update observer failed on {Topic}", update.Topic);
            }
        }

        foreach (var subscription in _subscriptions.Keys)
        {
            if (!subscription.Matches(update))
            {
                continue;
            }

            try
            {
                await subscription.OnUpdate(update);
            }
            catch (Exception ex)
            {
                // One closed or failing page must not stop the others hearing the update, nor fail the publisher
                // (typically a webhook whose change is already committed).
                logger.LogWarning(ex, "A live-update subscriber failed on {Topic}", update.Topic);
            }
        }
    }

    private sealed class Subscription(LocalLiveUpdates owner, Guid tenantId, string topic, Guid? userId, Func<LiveUpdate, Task> onUpdate) : IDisposable
    {
        public Func<LiveUpdate, Task> OnUpdate { get; } = onUpdate;

        public bool Matches(LiveUpdate update) =>
            update.TenantId == tenantId
            && string.Equals(update.Topic, topic, StringComparison.Ordinal)
            && (userId is null || update.UserId == userId);

        public void Dispose() => owner._subscriptions.TryRemove(this, out _);
    }
}

/// <summary>
/// Several nodes: every update goes through a Redis channel and each node (the publisher included) delivers what it
/// receives to its own subscribers. If Redis is down the update is still delivered on this node.
/// </summary>
internal sealed class RedisLiveUpdates(
    IConnectionMultiplexer redis,
    Caching.RedisInstanceName instance,
    LocalLiveUpdates local,
    ILogger<RedisLiveUpdates> logger) : ILiveUpdates, IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(instance.Value + "live-updates");
    private readonly string _nodeId = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken = default)
    {
        // This node delivers its own update directly (no round trip, and it works with Redis down); the others
        // hear it through the channel and ignore their own node id.
        await local.DeliverAsync(update);
        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(_nodeId, update)));
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not broadcast a live update on {Topic}; other nodes' pages refresh on next load", update.Topic);
        }
    }

    public IDisposable Subscribe(Guid tenantId, string topic, Guid? userId, Func<LiveUpdate, Task> onUpdate) =>
        local.Subscribe(tenantId, topic, userId, onUpdate);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, message) => GC.KeepAlive(OnMessageAsync(message)));
        }
        catch (RedisException ex)
        {
            // The multiplexer re-subscribes when Redis comes back.
            logger.LogWarning(ex, "Could not subscribe to live updates; Redis unavailable");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnMessageAsync(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string?)message ?? "null");
            if (envelope?.Update is null || envelope.Node == _nodeId)
            {
                return;
            }

            await local.DeliverAsync(envelope.Update);
        }
        catch (Exception ex)
        {
            // Runs on a Redis callback: log, never throw.
            logger.LogWarning(ex, "Could not apply a live update from another node");
        }
    }

    private sealed record Envelope(string Node, LiveUpdate Update);
}
