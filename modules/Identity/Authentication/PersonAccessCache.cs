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
    : NodeMemoryCache(cache, bus, InvalidationChannel, expiration)
{
    /// <summary>The default of <c>Identity:AccessCacheExpiration</c>; zero turns the cache off (every request reads the rows).</summary>
    internal static readonly TimeSpan Expiration = TimeSpan.FromMinutes(1);

    internal const string InvalidationChannel = "identity-access";

    /// <summary>The key: tenant and person, so an answer at one gym can never be served at another.</summary>
    internal static string Key(Guid? tenantId, Guid userId) =>
        tenantId is { } id ? $"identity:access:{id:N}:{userId:N}" : $"identity:access:platform:{userId:N}";

    internal static string PersonTag(Guid userId) => $"identity:access:person:{userId:N}";

    internal static string TenantTag(Guid tenantId) => $"identity:access:tenant:{tenantId:N}";

    public ValueTask<TenantAccess> GetOrReadAsync<TState>(Guid? tenantId, Guid userId, TState state,
        Func<TState, CancellationToken, ValueTask<TenantAccess>> read, CancellationToken cancellationToken) =>
        RememberAsync(Key(tenantId, userId), tenantId is { } id ? [PersonTag(userId), TenantTag(id)] : [PersonTag(userId)], state, read,
            cancellationToken);
}

/// <summary>
/// Watches saves for the rows a person's access is computed from and drops the cached answers they feed: after the
/// save, and again when the surrounding transaction commits (so a request that read the old rows while the
/// transaction was open cannot leave a stale answer behind).
/// </summary>
internal sealed class PersonAccessInvalidation(IServiceProvider services) : SavedRowsInvalidation
{
    protected override void CollectTags(object entity, ICollection<string> tags)
    {
        var tag = entity switch
        {
            LocationAccess a => PersonAccessCache.PersonTag(a.UserId),
            FranchiseAccess a => PersonAccessCache.PersonTag(a.UserId),
            DerrimutUser u => PersonAccessCache.PersonTag(u.Id),
            PermissionGrant g => PersonAccessCache.TenantTag(g.TenantId),
            _ => null,
        };
        if (tag is not null)
        {
            tags.Add(tag);
        }
    }

    protected override async ValueTask InvalidateAsync(IReadOnlyCollection<string> tags) =>
        await services.GetRequiredService<PersonAccessCache>().InvalidateAsync(tags, CancellationToken.None);
}
