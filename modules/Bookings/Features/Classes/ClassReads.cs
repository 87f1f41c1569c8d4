using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Time;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>Reads every class use case shares: the timetable rows, the location's rules, field checks.</summary>
internal sealed class ClassReads(DerrimutDbContext db, IGymClock clock)
{
    /// <summary>The location's class rules, or the defaults until an admin saves some.</summary>
    public async Task<ClassPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        await db.Set<ClassPolicy>().AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new ClassPolicy();

    /// <summary>Classes starting in [from, to), with spots left and waitlist counts, in start order.</summary>
    public async Task<IReadOnlyList<ClassOccurrenceDto>> OccurrencesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? onlyIds, CancellationToken cancellationToken)
    {
        // Instants go to the database in UTC (PostgreSQL refuses other offsets; SQLite compares their binary form).
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        var query = db.Set<ClassOccurrence>().AsNoTracking();
        query = onlyIds is not null ? query.Where(o => onlyIds.Contains(o.Id)) : query.Where(o => o.StartsAt >= from && o.StartsAt < to);
        // A local query, not db.Set<...>() inside the projection (see PeopleReadModel): no Expression.Compile per request.
        var waitlisted = db.Set<ClassBooking>().Where(b => b.Status == ClassBookingStatus.Waitlisted);
        var rows = await (
                from o in query
                join t in db.Set<ClassType>() on o.ClassTypeId equals t.Id
                join trainer in db.Set<Trainer>() on o.TrainerId equals trainer.Id
                select new
                {
                    o.Id, o.Name, o.StartsAt, o.EndsAt, Instructor = trainer.DisplayName, o.Capacity, o.BookedCount, o.Room, t.Level,
                    o.ClassTypeId, o.IsCancelled,
                    Waiting = waitlisted.Count(b => b.OccurrenceId == o.Id),
                })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Name).Select(r => new ClassOccurrenceDto(
            r.Id, r.Name, clock.ToLocal(r.StartsAt), clock.ToLocal(r.EndsAt), r.Instructor, r.Capacity,
            r.IsCancelled ? 0 : Math.Max(0, r.Capacity - r.BookedCount), r.Waiting, r.Room, r.Level, r.ClassTypeId, r.IsCancelled))];
    }

    /// <summary>The location's listed trainers (instructor choices), by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TrainersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<Trainer>().AsNoTracking().Where(t => t.IsListed).OrderBy(t => t.DisplayName).Select(t => new { t.Id, t.DisplayName }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.DisplayName))];

    /// <summary>Classes a person leads here (as the location's trainer) from <paramref name="from"/> for a week.</summary>
    public async Task<IReadOnlyList<ClassOccurrenceDto>> TaughtByAsync(Guid personId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var start = from.ToUniversalTime();
        var end = start.AddDays(7);
        var ids = await (
                from o in db.Set<ClassOccurrence>()
                join t in db.Set<Trainer>() on o.TrainerId equals t.Id
                where t.PersonId == personId && o.StartsAt >= start && o.StartsAt < end
                select o.Id)
            .ToListAsync(cancellationToken);
        return await OccurrencesAsync(default, default, ids, cancellationToken);
    }

    /// <summary>One class, or 404 (another gym's class is not found here).</summary>
    public async Task<ClassOccurrenceDto> OccurrenceAsync(Guid id, CancellationToken cancellationToken) =>
        (await OccurrencesAsync(default, default, [id], cancellationToken)) is [var found, ..] ? found : throw new NotFoundException("No such class at this gym.");

    /// <summary>A waiting member's place now (1 = next).</summary>
    public Task<int> WaitlistPositionAsync(Guid occurrenceId, long number, CancellationToken cancellationToken) =>
        db.Set<ClassBooking>().CountAsync(b => b.OccurrenceId == occurrenceId && b.Status == ClassBookingStatus.Waitlisted && b.WaitlistNumber <= number, cancellationToken);

    /// <summary>The gym-local instant of a local date and wall-clock time (daylight saving included).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => LocalTimes.ToInstant(date.ToDateTime(time), clock.Zone);
}

/// <summary>Parsing of the wire's dates and times, naming the field on failure.</summary>
internal static class ClassFields
{
    public static DateOnly? Date(string? value, string field, ValidationErrors errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.AddIf(required, field, "Give the date as yyyy-MM-dd.");
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Give the date as yyyy-MM-dd.");
        return null;
    }

    public static TimeOnly? Time(string? value, string field, ValidationErrors errors)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, "Give the time as HH:mm (24-hour, gym time).");
        return null;
    }

    public static DayOfWeek? Day(string? value, string field, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var day))
        {
            return day;
        }

        errors.Add(field, "Give the day as monday … sunday.");
        return null;
    }

    public static void ThrowIfInvalid(this IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }
}
