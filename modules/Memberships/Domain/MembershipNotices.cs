using Derrimut.BuildingBlocks.Realtime;

namespace Derrimut.Memberships.Domain;

/// <summary>
/// Collects "a membership changed" notices during a unit of work and pushes them to open pages (topic
/// <see cref="MembershipTopics.Memberships"/>) only once the change is committed. Billing runs our event handlers
/// inside its webhook transaction, which it commits after the handlers return, so notices raised there are sent
/// when the request scope ends (after the commit). A notice carries no data: if the transaction rolled back, the
/// page reloads and shows the unchanged state.
/// </summary>
internal sealed class MembershipNotices(ILiveUpdates live, ICurrentTenant tenant, ILogger<MembershipNotices> logger) : IAsyncDisposable
{
    private readonly List<LiveUpdate> _pending = [];

    /// <summary>Queues a notice about one member's membership.</summary>
    public void Changed(Guid userId, MembershipStatus status)
    {
        if (tenant.Tenant is { } current)
        {
            _pending.Add(new LiveUpdate(current.Id, MembershipTopics.Memberships, userId, status.ToString()));
        }
    }

    /// <summary>Sends the queued notices now (call after a commit you own).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var updates = _pending.Distinct().ToList();
        _pending.Clear();
        foreach (var update in updates)
        {
            try
            {
                await live.PublishAsync(update, cancellationToken);
            }
            catch (Exception ex)
            {
                // The change is committed; a page that misses the push shows it on its next load.
                logger.LogWarning(ex, "Could not push a membership live update");
            }
        }
    }

    public async ValueTask DisposeAsync() => await FlushAsync();
}
