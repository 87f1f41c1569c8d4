using Derrimut.BuildingBlocks.Realtime;

namespace Derrimut.Marketplace.Features.Orders;

/// <summary>
/// Tells open pages that an order's money changed (topic <see cref="ShopTopics.Orders"/>) once the change is committed.
/// Billing runs the shop's handlers inside its webhook transaction and commits after they return: a notice raised
/// there waits until the scope ends (after that commit), so a dashboard reloading on it sees the paid order. A notice
/// carries no data; if the transaction rolled back, the page reloads the unchanged figures.
/// </summary>
internal sealed class OrderLiveNotices(DerrimutDbContext db, ILiveUpdates live, ICurrentTenant tenant, ILogger<OrderLiveNotices> logger)
    : IAsyncDisposable, IDisposable
{
    private readonly List<LiveUpdate> _deferred = [];

    /// <summary>Pushes now when our save was the commit; inside someone else's transaction, when the scope ends.</summary>
    public async Task ChangedAsync(Guid buyerId, OrderStatus status, CancellationToken cancellationToken)
    {
        if (tenant.Tenant is not { } current)
        {
            return;
        }

        var update = new LiveUpdate(current.Id, ShopTopics.Orders, buyerId, status.ToString());
        if (db.Database.CurrentTransaction is not null)
        {
            _deferred.Add(update);
            return;
        }

        await PublishAsync(update, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        var updates = _deferred.Distinct().ToList();
        _deferred.Clear();
        foreach (var update in updates)
        {
            await PublishAsync(update, CancellationToken.None);
        }
    }

    /// <summary>A scope disposed synchronously (a background job's) still sends its deferred notices, without waiting.</summary>
    public void Dispose()
    {
        if (_deferred.Count > 0)
        {
            _ = DisposeAsync().AsTask();
        }
    }

    private async Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await live.PublishAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The order is committed; a page that misses the push shows it on its next load.
            logger.LogWarning(ex, "Could not push a shop order live update");
        }
    }
}
