using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Bookings.Features.MyBookings;

/// <summary>
/// A member's upcoming PT sessions at one location, remembered between requests (decision 0078): "my upcoming
/// bookings" is the hottest signed-in read (the member home and app ask it on every visit) and the rows change only
/// when a booking is made, paid, cancelled or marked. The entry is per location and member (the key names both, so one
/// gym's answer is never another's), lives in this node's memory only, and is dropped the moment a session of that
/// member, or the location's policy or a trainer of the location, is saved — see <see cref="UpcomingBookingsInvalidation"/>.
/// Other nodes drop theirs through the cache invalidation bus. Sessions are kept with their end, so each read leaves
/// out those that have ended since; a name changed in Identity (the member's or a trainer's person) shows within
/// <see cref="DefaultExpiration"/>.
/// </summary>
internal sealed class UpcomingBookingsCache(HybridCache cache, ICacheInvalidationBus bus, TimeSpan expiration)
    : NodeMemoryCache(cache, bus, InvalidationChannel, expiration)
{
    /// <summary>The default of <c>Bookings:UpcomingCacheExpiration</c>; zero turns the cache off.</summary>
    internal static readonly TimeSpan DefaultExpiration = TimeSpan.FromMinutes(1);

    internal const string InvalidationChannel = "bookings-upcoming";

    /// <summary>The key: location and member.</summary>
    internal static string Key(Guid locationId, Guid memberId) => $"bookings:upcoming:{locationId:N}:{memberId:N}";

    internal static string MemberTag(Guid locationId, Guid memberId) => $"bookings:upcoming:member:{locationId:N}:{memberId:N}";

    internal static string LocationTag(Guid locationId) => $"bookings:upcoming:location:{locationId:N}";

    /// <summary>The remembered rows, or <paramref name="read"/>'s (remembered) when there are none; never cached without a location.</summary>
    public ValueTask<IReadOnlyList<UpcomingSession>> GetOrReadAsync<TState>(Guid? locationId, Guid memberId, TState state,
        Func<TState, CancellationToken, ValueTask<IReadOnlyList<UpcomingSession>>> read, CancellationToken cancellationToken) =>
        locationId is { } location
            ? RememberAsync(Key(location, memberId), [MemberTag(location, memberId), LocationTag(location)], state, read, cancellationToken)
            : read(state, cancellationToken);
}

/// <summary>One upcoming session, only the columns its DTO shows, with the location's free-cancellation hours.</summary>
internal sealed record UpcomingSession(
    Guid Id, Guid TrainerId, string TrainerName, Guid MemberId, string? MemberName, string SessionTypeCode, string SessionTypeName,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Minutes, BookingStatus Status, BookingPaymentStatus PaymentStatus,
    long PriceCents, bool LateCancellation, string? CheckoutUrl, int? FreeHours);

/// <summary>
/// Drops remembered upcoming sessions when what they were read from is saved: a member's session (booked, paid,
/// cancelled, completed, no-show, moved) drops that member's entry; the location's policy (free-cancellation hours) or
/// a trainer (their display name) drops the location's.
/// </summary>
internal sealed class UpcomingBookingsInvalidation(IServiceProvider services) : SavedRowsInvalidation
{
    protected override void CollectTags(object entity, ICollection<string> tags)
    {
        var tag = entity switch
        {
            PtSession s => UpcomingBookingsCache.MemberTag(s.TenantId, s.MemberId),
            BookingPolicy p => UpcomingBookingsCache.LocationTag(p.TenantId),
            Trainer t => UpcomingBookingsCache.LocationTag(t.TenantId),
            _ => null,
        };
        if (tag is not null)
        {
            tags.Add(tag);
        }
    }

    protected override async ValueTask InvalidateAsync(IReadOnlyCollection<string> tags) =>
        await services.GetRequiredService<UpcomingBookingsCache>().InvalidateAsync(tags, CancellationToken.None);
}
