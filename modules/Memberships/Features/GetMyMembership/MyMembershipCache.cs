using Derrimut.BuildingBlocks.Caching;
using Derrimut.Memberships.Domain;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Memberships.Features.GetMyMembership;

/// <summary>
/// A member's own membership at one location, remembered between requests (decision 0079): "my membership" is read on
/// every visit to the member's home and membership pages and by the app, and its rows change only when the member
/// joins, pays, freezes, cancels, is refunded or the gym renames a plan. The entry is per location and member (the key
/// names both, so one gym's answer is never another's), lives in this node's memory only, and is dropped the moment a
/// membership or ledger line of that member, or a plan of the location, is saved -- see
/// <see cref="MyMembershipInvalidation"/>. Other nodes drop theirs through the cache invalidation bus. The member's
/// name and email come from Identity: a change there shows within <see cref="DefaultExpiration"/>.
/// </summary>
internal sealed class MyMembershipCache(HybridCache cache, ICacheInvalidationBus bus, TimeSpan expiration)
    : NodeMemoryCache(cache, bus, InvalidationChannel, expiration)
{
    /// <summary>The default of <c>Memberships:MineCacheExpiration</c>; zero turns the cache off.</summary>
    internal static readonly TimeSpan DefaultExpiration = TimeSpan.FromMinutes(1);

    internal const string InvalidationChannel = "memberships-mine";

    /// <summary>The key: location and member.</summary>
    internal static string Key(Guid locationId, Guid memberId) => $"memberships:mine:{locationId:N}:{memberId:N}";

    internal static string MemberTag(Guid locationId, Guid memberId) => $"memberships:mine:member:{locationId:N}:{memberId:N}";

    internal static string LocationTag(Guid locationId) => $"memberships:mine:location:{locationId:N}";

    /// <summary>The remembered answer (null: never joined here), or <paramref name="read"/>'s; never cached without a location.</summary>
    public ValueTask<MembershipDto?> GetOrReadAsync<TState>(Guid? locationId, Guid memberId, TState state,
        Func<TState, CancellationToken, ValueTask<MembershipDto?>> read, CancellationToken cancellationToken) =>
        locationId is { } location
            ? RememberAsync(Key(location, memberId), [MemberTag(location, memberId), LocationTag(location)], state, read, cancellationToken)
            : read(state, cancellationToken);
}

/// <summary>
/// Drops remembered memberships when what they were read from is saved: a member's membership (joined, paid, frozen,
/// cancelled, ended, its dates moved) or ledger line (a charge, refund or failed payment) drops that member's entry; a
/// plan of the location (its name) drops the location's.
/// </summary>
internal sealed class MyMembershipInvalidation(IServiceProvider services) : SavedRowsInvalidation
{
    protected override void CollectTags(object entity, ICollection<string> tags)
    {
        var tag = entity switch
        {
            Membership m => MyMembershipCache.MemberTag(m.TenantId, m.UserId),
            LedgerEntry e => MyMembershipCache.MemberTag(e.TenantId, e.UserId),
            Plan p => MyMembershipCache.LocationTag(p.TenantId),
            _ => null,
        };
        if (tag is not null)
        {
            tags.Add(tag);
        }
    }

    protected override async ValueTask InvalidateAsync(IReadOnlyCollection<string> tags) =>
        await services.GetRequiredService<MyMembershipCache>().InvalidateAsync(tags, CancellationToken.None);
}
