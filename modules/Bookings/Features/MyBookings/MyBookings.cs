using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.MyBookings;

/// <summary>
/// A member's bookings at this location: PT sessions upcoming (not yet ended, still booked) and past, and beside them
/// their classes (booked or waitlisted, with the waitlist position, from the last 30 days on) — one answer so the
/// member sees every commitment of their time in one list.
/// </summary>
internal sealed record MyBookingsDto(IReadOnlyList<BookingDto> Upcoming, IReadOnlyList<BookingDto> Past, BookingPolicyDto Policy, IReadOnlyList<MyClassBookingDto> Classes);

/// <summary><c>GET /api/bookings/mine</c> and the member's bookings page.</summary>
internal sealed class ListMyBookingsHandler(BookingReads reads, Features.Classes.MyClassesHandler classes)
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
        // The classes half reads through issue 14's handler so "my classes" has one definition (the /member/classes page uses it too).
        var myClasses = await classes.HandleAsync(memberId, cancellationToken);
        return new MyBookingsDto(upcoming, past.OrderByDescending(p => p.Start).ToList(), ToDto(policy), myClasses);
    }

    internal static BookingPolicyDto ToDto(BookingPolicy p) => new(p.FreeCancellationHours, p.BufferMinutes, p.NoticeMinutes);
}

/// <summary>
/// The member's upcoming bookings only, in one indexed range read (tenant, member, start): the benchmark's read and
/// the member home's "next session".
/// </summary>
internal sealed class ListMyUpcomingBookingsHandler(BookingReads reads)
{
    public async Task<IReadOnlyList<BookingDto>> HandleAsync(Guid memberId, CancellationToken cancellationToken) =>
        // One statement: the sessions with the policy's free-cancellation hours beside them.
        await reads.UpcomingDtosAsync(memberId, reads.Clock.UtcNow, cancellationToken);
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
