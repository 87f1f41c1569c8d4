using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>
/// Attendance and no-shows across the gym's classes over a range of days (the staff page and
/// <c>GET /api/classes/attendance</c>): every booked member of every class that ran, checked in or not.
/// </summary>
internal sealed class ClassAttendance(DerrimutDbContext db, ClassReads reads, ClassRosters rosters, IGymClock clock, IPeopleReadModel people)
{
    /// <summary>The longest range one call may ask for.</summary>
    public const int MaxDays = 31;

    /// <summary>Lines of classes starting on gym days <paramref name="from"/> to <paramref name="to"/> (default: the last 7 days), by start then name.</summary>
    public async Task<IReadOnlyList<AttendanceLineDto>> ListAsync(string? from, string? to, bool noShowsOnly, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var first = ClassFields.Date(from, "from", errors, required: false) ?? clock.Today.AddDays(-6);
        var last = ClassFields.Date(to, "to", errors, required: false) ?? clock.Today;
        errors.AddIf(last < first, "to", "The end of the range is before its start.");
        errors.AddIf(last.DayNumber - first.DayNumber >= MaxDays, "to", $"Ask for at most {MaxDays} days at a time.");
        errors.ThrowIfAny();

        // The no-show job runs every few minutes; marking here too means the list is exact the moment it is read.
        await rosters.RecordNoShowsAsync(cancellationToken);
        var policy = await reads.PolicyAsync(cancellationToken);
        var start = clock.StartOf(first).ToUniversalTime();
        var end = clock.StartOf(last.AddDays(1)).ToUniversalTime();
        var rows = await (
                from b in db.Set<ClassBooking>()
                join o in db.Set<ClassOccurrence>() on b.OccurrenceId equals o.Id
                join t in db.Set<Trainer>() on o.TrainerId equals t.Id
                join p in people.People on b.MemberId equals p.UserId into named
                from p in named.DefaultIfEmpty()
                where b.Status == ClassBookingStatus.Booked && !o.IsCancelled && o.StartsAt >= start && o.StartsAt < end
                select new { o.Id, o.Name, o.StartsAt, Instructor = t.DisplayName, b.MemberId, Member = p == null ? "Member" : p.DisplayName, b.CheckedInAt, b.NoShow })
            .AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        var lines = rows
            .Select(r => new AttendanceLineDto(r.Id, r.Name, clock.ToLocal(r.StartsAt), r.Instructor, r.MemberId, r.Member,
                r.CheckedInAt is not null ? "checked_in" : r.NoShow || now > r.StartsAt.AddMinutes(policy.NoShowGraceMinutes) ? "no_show" : "expected",
                r.CheckedInAt is { } at ? clock.ToLocal(at) : null))
            .Where(l => !noShowsOnly || l.Attendance == "no_show")
            .OrderBy(l => l.Start).ThenBy(l => l.ClassName).ThenBy(l => l.MemberName, StringComparer.CurrentCulture);
        return [.. lines];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/classes/attendance", async (string? from, string? to, bool? noShowsOnly, ClassAttendance handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(from, to, noShowsOnly ?? false, ct)))
            .RequireLocation().RequireAuthorization(ClassesPermissions.ViewClassRosters).WithTags("Classes").WithName("ListClassAttendance");
}
