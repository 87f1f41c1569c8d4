using Derrimut.BuildingBlocks.Caching;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Organizations.Features.CurrentOrganization;

/// <summary>
/// A gym's (or franchise's) public profile, remembered between requests (decision 0079): it is the hottest anonymous
/// read -- every visit to a gym's site and app asks for it -- and it changes only when the gym's admin edits it. The
/// entry is per organization id, lives in this node's memory only, and is dropped the moment the organization's row is
/// saved (<see cref="GymProfileInvalidation"/>); other nodes drop theirs through the cache invalidation bus. Whether
/// the site is open at all is the tenancy pipeline's check, made on every request before this is asked.
/// </summary>
internal sealed class GymProfileCache(HybridCache cache, ICacheInvalidationBus bus, TimeSpan expiration)
    : NodeMemoryCache(cache, bus, InvalidationChannel, expiration)
{
    /// <summary>The default of <c>Organizations:ProfileCacheExpiration</c>; zero turns the cache off.</summary>
    internal static readonly TimeSpan DefaultExpiration = TimeSpan.FromMinutes(5);

    internal const string InvalidationChannel = "organizations-profile";

    internal static string Key(Guid organizationId) => $"organizations:profile:{organizationId:N}";

    internal static string Tag(Guid organizationId) => $"organizations:profile:tag:{organizationId:N}";

    /// <summary>The remembered profile (null: the organization is gone), or <paramref name="read"/>'s.</summary>
    public ValueTask<OrganizationProfileDto?> GetOrReadAsync<TState>(Guid organizationId, TState state,
        Func<TState, CancellationToken, ValueTask<OrganizationProfileDto?>> read, CancellationToken cancellationToken) =>
        RememberAsync(Key(organizationId), [Tag(organizationId)], state, read, cancellationToken);
}

/// <summary>Drops a remembered profile when its organization's row is saved (profile edits, photo, suspension, renaming).</summary>
internal sealed class GymProfileInvalidation(IServiceProvider services) : SavedRowsInvalidation
{
    protected override void CollectTags(object entity, ICollection<string> tags)
    {
        if (entity is Organization organization)
        {
            tags.Add(GymProfileCache.Tag(organization.Id));
        }
    }

    protected override async ValueTask InvalidateAsync(IReadOnlyCollection<string> tags) =>
        await services.GetRequiredService<GymProfileCache>().InvalidateAsync(tags, CancellationToken.None);
}
