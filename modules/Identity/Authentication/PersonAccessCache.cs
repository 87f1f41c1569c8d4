using System.ComponentModel;
using System.Runtime.CompilerServices;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// A person's access at one tenant, remembered between requests (decision 0051). Reading it took four statements on
/// every signed-in request. The entry is per tenant and person (the key names both, so one gym's answer is never
/// another's), lives in this node's memory only, and is dropped the moment anything it was computed from is saved:
/// the person's location or franchise access rows (roles, deactivation), the person themselves (super admin, security
/// stamp) or the location's permission changes — see <see cref="PersonAccessInvalidation"/>. Other nodes drop theirs
/// through the cache invalidation bus; should Redis be down, their copy ages out after <see cref="Expiration"/>, the
/// same bound the sign-in cookie's re-check already gives a credential change.
/// </summary>
internal sealed class PersonAccessCache(HybridCache cache, ICacheInvalidationBus bus, TimeSpan expiration)
{
    /// <summary>The default of <c>Identity:AccessCacheExpiration</c>; zero turns the cache off (every request reads the rows).</summary>
    internal static readonly TimeSpan Expiration = TimeSpan.FromMinutes(1);

    internal const string InvalidationChannel = "identity-access";

    private readonly HybridCacheEntryOptions _options = new()
    {
        Expiration = expiration,
        LocalCacheExpiration = expiration,
        // Memory only: an L2 hop would cost about what the four statements cost, and serialising would copy the
        // sets on every hit; the entry type is immutable so every hit hands out the same instance.
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    private readonly bool _enabled = expiration > TimeSpan.Zero;

    /// <summary>The key: tenant and person, so an answer at one gym can never be served at another.</summary>
    internal static string Key(Guid? tenantId, Guid userId) =>
        tenantId is { } id ? $"identity:access:{id:N}:{userId:N}" : $"identity:access:platform:{userId:N}";

    internal static string PersonTag(Guid userId) => $"identity:access:person:{userId:N}";

    internal static string TenantTag(Guid tenantId) => $"identity:access:tenant:{tenantId:N}";

    public async ValueTask<TenantAccess> GetOrReadAsync<TState>(Guid? tenantId, Guid userId, TState state,
        Func<TState, CancellationToken, ValueTask<TenantAccess>> read, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return await read(state, cancellationToken);
        }

        string[] tags = tenantId is { } id ? [PersonTag(userId), TenantTag(id)] : [PersonTag(userId)];
        var entry = await cache.GetOrCreateAsync(
            Key(tenantId, userId),
            (state, read),
            static async (s, ct) => new CachedTenantAccess(await s.read(s.state, ct)),
            _options,
            tags,
            cancellationToken);
        return entry.Access;
    }

    /// <summary>Drops the entries carrying these tags here and asks the other nodes to drop theirs.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await cache.RemoveByTagAsync(tags, cancellationToken);
        await bus.PublishTagsAsync(InvalidationChannel, tags, cancellationToken);
    }
}

/// <summary>The cached form: immutable, so the memory cache hands out one instance instead of a copy per hit.</summary>
[ImmutableObject(true)]
internal sealed class CachedTenantAccess(TenantAccess access)
{
    public TenantAccess Access { get; } = access;
}

/// <summary>
/// Watches saves for the rows a person's access is computed from and drops the cached answers they feed: after the
/// save, and again when the surrounding transaction commits (so a request that read the old rows while the
/// transaction was open cannot leave a stale answer behind).
/// </summary>
internal sealed class PersonAccessInvalidation(IServiceProvider services) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

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
        FlushAsync(eventData.Context, keepForCommit: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FlushAsync(eventData.Context, keepForCommit: true, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, keepForCommit: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, keepForCommit: false, cancellationToken).AsTask();

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

        HashSet<string>? tags = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var tag = entry.Entity switch
            {
                LocationAccess a => PersonAccessCache.PersonTag(a.UserId),
                FranchiseAccess a => PersonAccessCache.PersonTag(a.UserId),
                DerrimutUser u => PersonAccessCache.PersonTag(u.Id),
                PermissionGrant g => PersonAccessCache.TenantTag(g.TenantId),
                _ => null,
            };
            if (tag is not null)
            {
                (tags ??= _pending.GetOrCreateValue(context)).Add(tag);
            }
        }
    }

    private async ValueTask FlushAsync(DbContext? context, bool keepForCommit, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags) || tags.Count == 0)
        {
            return;
        }

        string[] snapshot;
        lock (tags)
        {
            snapshot = [.. tags];
            if (!(keepForCommit && context.Database.CurrentTransaction is not null))
            {
                tags.Clear();
            }
        }

        // Not the request's token: the rows are written, so the drop must happen even if the caller hangs up now.
        _ = cancellationToken;
        await services.GetRequiredService<PersonAccessCache>().InvalidateAsync(snapshot, CancellationToken.None);
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
