using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>The public timetable: <c>GET /api/classes?from&amp;to</c> (anonymous on the location's site).</summary>
internal sealed class TimetableHandler(ClassReads reads, IGymClock clock)
{
    /// <summary>The longest range one call may ask for.</summary>
    public const int MaxDays = 31;

    public Task<IReadOnlyList<ClassOccurrenceDto>> HandleAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var start = Bound(from, "from", errors) ?? clock.StartOf(clock.Today);
        var end = Bound(to, "to", errors, endOfDay: true) ?? start.AddDays(7);
        errors.AddIf(end <= start, "to", "The end of the range is before its start.");
        errors.AddIf(end - start > TimeSpan.FromDays(MaxDays), "to", $"Ask for at most {MaxDays} days at a time.");
        errors.ThrowIfAny();
        return reads.OccurrencesAsync(start, end, null, cancellationToken);
    }

    /// <summary>A gym-local date (its start, or for <c>to</c> the start of the next day) or an ISO 8601 instant.</summary>
    private DateTimeOffset? Bound(string? value, string field, ValidationErrors errors, bool endOfDay = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return clock.StartOf(endOfDay ? date.AddDays(1) : date);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(field, "Give a date (yyyy-MM-dd) or an ISO 8601 instant.");
        return null;
    }
}

/// <summary>The member's own classes (beside PT sessions on <c>/api/bookings/mine</c> and <c>/member/bookings</c>).</summary>
internal sealed class MyClassesHandler(DerrimutDbContext db, ClassReads reads, IGymClock clock)
{
    public async Task<IReadOnlyList<MyClassBookingDto>> HandleAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var since = clock.UtcNow.AddDays(-30);
        var bookings = await (
                from b in db.Set<ClassBooking>()
                join o in db.Set<ClassOccurrence>() on b.OccurrenceId equals o.Id
                where b.MemberId == memberId && o.StartsAt >= since
                select new { b.Id, b.OccurrenceId, b.Status, b.WaitlistNumber, b.CheckedInAt, o.StartsAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        if (bookings.Count == 0)
        {
            return [];
        }

        var classes = (await reads.OccurrencesAsync(default, default, bookings.Select(b => b.OccurrenceId).Distinct().ToList(), cancellationToken))
            .ToDictionary(c => c.Id);
        var result = new List<MyClassBookingDto>();
        foreach (var b in bookings.OrderBy(b => b.StartsAt))
        {
            int? position = b.Status == ClassBookingStatus.Waitlisted && b.WaitlistNumber is { } n ? await reads.WaitlistPositionAsync(b.OccurrenceId, n, cancellationToken) : null;
            result.Add(new MyClassBookingDto(b.Id, classes[b.OccurrenceId], b.Status, position, b.CheckedInAt is not null));
        }

        return result;
    }

    public async Task<IReadOnlyList<ClassStrikeDto>> StrikesAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<ClassStrike>().AsNoTracking().Where(s => s.MemberId == memberId).OrderByDescending(s => s.At)
            .Select(s => new ClassStrikeDto(s.Kind, s.At, s.Detail)).ToListAsync(cancellationToken);
}

/// <summary><c>/api/classes</c>: the timetable, booking and cancelling, the member's classes, the admin's timetable writes.</summary>
internal static class ClassEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var classes = api.MapGroup("/classes").RequireLocation().WithTags("Classes");
        classes.MapGet("/", async (string? from, string? to, TimetableHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(from, to, ct)))
            .AllowAnonymous().WithName("ListClasses");

        var member = classes.MapGroup("").RequireAuthorization(ClassesPermissions.BookOwnClasses);
        member.MapGet("/mine", async (ClaimsPrincipal user, MyClassesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(user.RequireUserId(), ct))).WithName("ListMyClasses");
        member.MapGet("/mine/strikes", async (ClaimsPrincipal user, MyClassesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.StrikesAsync(user.RequireUserId(), ct))).WithName("ListMyClassStrikes");
        member.MapPost("/{occurrenceId:guid}/bookings", async Task<Created<ClassBookingResult>> (Guid occurrenceId, ClaimsPrincipal user, ClassBookingHandler handler, CancellationToken ct) =>
            {
                var result = await handler.BookAsync(user.RequireUserId(), occurrenceId, ct);
                return TypedResults.Created($"/api/classes/{occurrenceId}/bookings/{result.BookingId}", result);
            })
            .WithName("BookClass");
        member.MapPost("/{occurrenceId:guid}/bookings/cancel", async (Guid occurrenceId, ClaimsPrincipal user, ClassBookingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CancelAsync(user.RequireUserId(), occurrenceId, ct))).WithName("CancelClassBooking");

        var admin = classes.MapGroup("").RequireAuthorization(ClassesPermissions.ManageClasses);
        var writes = admin.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        admin.MapClassTypes(writes);
        classes.MapClassPolicy(writes);
        writes.MapClassScheduling();
        writes.MapPost("/{occurrenceId:guid}/cancel", async (Guid occurrenceId, ClassCancellation handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CancelClassAsync(occurrenceId, ct))).WithName("CancelClass");

        var rosters = classes.MapGroup("").RequireAuthorization(ClassesPermissions.ViewClassRosters);
        rosters.MapGet("/{occurrenceId:guid}/roster", async (Guid occurrenceId, ClassRosters handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RosterAsync(occurrenceId, ct))).WithName("GetClassRoster");
    }
}
