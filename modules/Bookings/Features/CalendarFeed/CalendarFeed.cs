using System.Security.Claims;
using System.Security.Cryptography;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.CalendarFeed;

/// <summary>Where a trainer's private calendar feed is (the URL carries its secret).</summary>
internal sealed record CalendarFeedDto(string Url);

/// <summary>
/// A trainer's private calendar feed: an <c>.ics</c> URL with a random secret that phone calendars subscribe to.
/// Anyone with the URL sees the sessions (that is how calendar subscriptions work), so the trainer can replace the
/// secret at any time, which revokes the old URL at once.
/// </summary>
internal sealed class CalendarFeedHandler(BookingReads reads, ICurrentTenant tenant, ISiteAddresses sites)
{
    /// <summary>The feed's URL, making a secret on first use.</summary>
    public async Task<CalendarFeedDto> GetAsync(Guid personId, bool replace, CancellationToken cancellationToken)
    {
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var trainer = await reads.Db.Set<Trainer>().FirstAsync(t => t.Id == trainerId, cancellationToken);
        if (replace || trainer.CalendarFeedSecret is null)
        {
            trainer.CalendarFeedSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
            await reads.Db.SaveChangesAsync(cancellationToken);
        }

        // Built from configuration (decision 0039): the secret URL must never point at a host a request chose.
        return new CalendarFeedDto(sites.ForCurrentSite($"/calendar/trainers/{trainer.Id}/{trainer.CalendarFeedSecret}.ics").ToString());
    }

    /// <summary>The feed itself: the last 30 days and the next 180 of booked, delivered and cancelled sessions; null for a wrong secret.</summary>
    public async Task<string?> FeedAsync(Guid trainerId, string secret, CancellationToken cancellationToken)
    {
        var trainer = await reads.Db.Set<Trainer>().AsNoTracking().Where(t => t.Id == trainerId)
            .Select(t => new { t.CalendarFeedSecret }).FirstOrDefaultAsync(cancellationToken);
        if (trainer?.CalendarFeedSecret is not { } expected
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(secret)))
        {
            return null;
        }

        var now = reads.Clock.UtcNow;
        var from = now.AddDays(-30);
        var to = now.AddDays(180);
        var policy = await reads.PolicyAsync(cancellationToken);
        var sessions = await reads.Db.Set<PtSession>().AsNoTracking()
            .Where(s => s.TrainerId == trainerId && s.StartsAt >= from && s.StartsAt < to && s.Status != BookingStatus.Pending)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var names = (await reads.DtosAsync(reads.Db.Set<PtSession>().Where(s => s.TrainerId == trainerId && s.StartsAt >= from && s.StartsAt < to), policy, cancellationToken))
            .ToDictionary(d => d.Id, d => d.MemberName);
        return SessionCalendar.Feed(sessions.Select(s => (s, $"{s.SessionTypeName}: {names.GetValueOrDefault(s.Id) ?? "member"}")), tenant.Tenant!.Name);
    }
}

internal static class CalendarFeedEndpoints
{
    public static void MapCalendarFeed(this IEndpointRouteBuilder app, RouteGroupBuilder trainer, RouteGroupBuilder writes)
    {
        trainer.MapGet("/calendar-feed", (ClaimsPrincipal me, CalendarFeedHandler handler, CancellationToken ct) =>
                handler.GetAsync(me.RequireUserId(), replace: false, ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("GetTrainerCalendarFeed");
        writes.MapPost("/calendar-feed/replace", (ClaimsPrincipal me, CalendarFeedHandler handler, CancellationToken ct) =>
                handler.GetAsync(me.RequireUserId(), replace: true, ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("ReplaceTrainerCalendarFeed");
        // The subscription URL itself: no sign-in (phone calendars cannot), the secret is the key.
        app.MapGet("/calendar/trainers/{trainerId:guid}/{secret}.ics", async Task<Results<ContentHttpResult, NotFound>> (Guid trainerId, string secret, CalendarFeedHandler handler, CancellationToken ct) =>
                await handler.FeedAsync(trainerId, secret, ct) is { } feed ? TypedResults.Text(feed, "text/calendar; charset=utf-8") : TypedResults.NotFound())
            .RequireLocation().AllowAnonymous().WithName("TrainerCalendarFeed");
    }
}
