using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// Drops what a cache holds when a row it was built from is saved: the subclass names the cache tags a saved entity
/// touches, and they are invalidated after the save, and again when the surrounding transaction commits (so a read of
/// the old rows while the transaction was open cannot leave a stale entry behind). A failed save or a rolled-back
/// transaction invalidates nothing. The public pages' output cache, people's access and members' upcoming bookings
/// all use it.
/// </summary>
public abstract class SavedRowsInvalidation : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    /// <summary>Adds the cache tags a saved (added, modified or deleted) entity touches, if any.</summary>
    protected abstract void CollectTags(object entity, ICollection<string> tags);

    /// <summary>
    /// Invalidates these tags. Called with no cancellation: the rows are written, so the drop must happen even if the
    /// caller hangs up now.
    /// </summary>
    protected abstract ValueTask InvalidateAsync(IReadOnlyCollection<string> tags);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushAsync(eventData.Context, keepForCommit: true).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FlushAsync(eventData.Context, keepForCommit: true);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, keepForCommit: false).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, keepForCommit: false).AsTask();

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Gathered locally first: most saves touch nothing a cache was built from, and they should not leave a
        // pending set (and a lock taken) behind on the context for every interceptor.
        List<string>? found = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            found ??= [];
            CollectTags(entry.Entity, found);
        }

        if (found is not { Count: > 0 })
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.UnionWith(found);
        }
    }

    private async ValueTask FlushAsync(DbContext? context, bool keepForCommit)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags))
        {
            return;
        }

        string[] snapshot;
        lock (tags)
        {
            if (tags.Count == 0)
            {
                return;
            }

            snapshot = [.. tags];
            if (!(keepForCommit && context.Database.CurrentTransaction is not null))
            {
                tags.Clear();
            }
        }

        await InvalidateAsync(snapshot);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var tags))
        {
            lock (tags)
            {
                tags.Clear();
            }
        }
    }
}
