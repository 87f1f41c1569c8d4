using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.MyBookings;

/// <summary>A member's bookings at this location: upcoming (not yet ended, still booked) and past.</summary>
internal sealed record MyBookingsDto(IReadOnlyList<BookingDto> Upcoming, IReadOnlyList<BookingDto> Past, BookingPolicyDto Policy);

/// <summary><c>GET /api/bookings/mine</c> and the member's bookings page.</summary>
internal sealed class ListMyBookingsHandler(BookingReads reads)
{
    public async Task<MyBookingsDto> HandleAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = reads.Clock.UtcNow;
        var policy = await reads.PolicyAsync(cancellationToken);
        var mine = reads.Db.Set<PtSession>().Where(s => s.MemberId == memberId);
        var upcoming = await reads.DtosAsync(mine.Where(s => s.EndsAt > now && (s.Status == BookingStatus.Pending || s.Status == BookingStatus.Confirmed)), policy, cancellationToken);
        var past = await reads.DtosAsync(
            mine.Where(s => s.EndsAt <= now || (s.Status != BookingStatus.Pending && s.Status != BookingStatus.Confirmed))
                .OrderByDescending(s => s.StartsAt).Take(50), policy, cancellationToken);
        past.Reverse();
        return new MyBookingsDto(upcoming, past.OrderByDescending(p => p.Start).ToList(), ToDto(policy));
    }

    internal static BookingPolicyDto ToDto(BookingPolicy p) => new(p.FreeCancellationHours, p.BufferMinutes, p.NoticeMinutes);
}

/// <summary>
/// The member's upcoming bookings only, in one indexed range read (tenant, member, start): the benchmark's read and
/// the member home's "next session".
/// </summary>
internal sealed class ListMyUpcomingBookingsHandler(BookingReads reads)
{
    public async Task<IReadOnlyList<BookingDto>> HandleAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = reads.Clock.UtcNow;
        var policy = await reads.PolicyAsync(cancellationToken);
        return await reads.DtosAsync(reads.Db.Set<PtSession>()
            .Where(s => s.MemberId == memberId && s.EndsAt > now && (s.Status == BookingStatus.Pending || s.Status == BookingStatus.Confirmed))
            .OrderBy(s => s.StartsAt).Take(50), policy, cancellationToken);
    }
}

internal static class MyBookingsEndpoints
{
    public static void MapMyBookings(this RouteGroupBuilder bookings)
    {
        bookings.MapGet("/mine", (ClaimsPrincipal me, ListMyBookingsHandler handler, CancellationToken ct) => handler.HandleAsync(me.RequireUserId(), ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnBookings).WithName("ListMyBookings");
        bookings.MapGet("/mine/upcoming", (ClaimsPrincipal me, ListMyUpcomingBookingsHandler handler, CancellationToken ct) => handler.HandleAsync(me.RequireUserId(), ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnBookings).WithName("ListMyUpcomingBookings");
    }
}
