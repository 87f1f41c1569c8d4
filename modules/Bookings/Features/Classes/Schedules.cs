using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>Body of <c>POST /api/classes/schedules</c>: a weekly class in gym time.</summary>
/// <param name="ClassTypeId">The class type.</param>
/// <param name="TrainerId">The instructor (a trainer of this gym).</param>
/// <param name="DayOfWeek">monday … sunday.</param>
/// <param name="StartTime">HH:mm, gym time.</param>
/// <param name="StartsOn">First day the rule applies, yyyy-MM-dd.</param>
/// <param name="EndsOn">Last day, yyyy-MM-dd (optional).</param>
internal sealed record CreateClassScheduleRequest(Guid ClassTypeId, Guid TrainerId, string? DayOfWeek, string? StartTime, string? StartsOn, string? EndsOn) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(ClassTypeId == Guid.Empty, "classTypeId", "Choose a class type.");
        errors.AddIf(TrainerId == Guid.Empty, "trainerId", "Choose the instructor.");
        ClassFields.Day(DayOfWeek, "dayOfWeek", errors);
        ClassFields.Time(StartTime, "startTime", errors);
        var starts = ClassFields.Date(StartsOn, "startsOn", errors);
        var ends = ClassFields.Date(EndsOn, "endsOn", errors, required: false);
        errors.AddIf(starts is not null && ends is not null && ends < starts, "endsOn", "The last day is before the first.");
    }
}

/// <summary>Body of <c>POST /api/classes</c>: a one-off class.</summary>
/// <param name="ClassTypeId">The class type.</param>
/// <param name="TrainerId">The instructor.</param>
/// <param name="Date">yyyy-MM-dd, gym time.</param>
/// <param name="StartTime">HH:mm, gym time.</param>
/// <param name="Capacity">Spots, when not the type's.</param>
internal sealed record CreateOneOffClassRequest(Guid ClassTypeId, Guid TrainerId, string? Date, string? StartTime, int? Capacity) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(ClassTypeId == Guid.Empty, "classTypeId", "Choose a class type.");
        errors.AddIf(TrainerId == Guid.Empty, "trainerId", "Choose the instructor.");
        ClassFields.Date(Date, "date", errors);
        ClassFields.Time(StartTime, "startTime", errors);
        errors.AddIf(Capacity is < 1 or > 500, "capacity", "A class has 1 to 500 spots.");
    }
}

/// <summary>What a schedule made.</summary>
/// <param name="ScheduleId">The weekly rule.</param>
/// <param name="Occurrences">The dated classes made so far (the rule is extended week by week ahead).</param>
internal sealed record ClassScheduleCreated(Guid ScheduleId, IReadOnlyList<ClassOccurrenceDto> Occurrences);

/// <summary>
/// Puts classes on the timetable: a weekly schedule (dated occurrences up to <see cref="HorizonDays"/> ahead) or a
/// one-off class. Each class holds its instructor's time in the shared trainer calendar in the same save, so a class
/// overlapping another class or a PT session of that trainer is refused by the database (409 on <c>trainerId</c>).
/// </summary>
internal sealed class ClassTimetableWriter(DerrimutDbContext db, TrainerCalendar calendar, IGymClock clock, ClassReads reads)
{
    /// <summary>How far ahead a weekly schedule has dated classes.</summary>
    public const int HorizonDays = 28;

    public async Task<ClassScheduleCreated> CreateScheduleAsync(CreateClassScheduleRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var errors = new ValidationErrors();
        var day = ClassFields.Day(request.DayOfWeek, "dayOfWeek", errors)!.Value;
        var time = ClassFields.Time(request.StartTime, "startTime", errors)!.Value;
        var startsOn = ClassFields.Date(request.StartsOn, "startsOn", errors)!.Value;
        var endsOn = ClassFields.Date(request.EndsOn, "endsOn", errors, required: false);
        var type = await TypeAsync(request.ClassTypeId, cancellationToken);
        await TrainerAsync(request.TrainerId, cancellationToken);

        var schedule = new ClassSchedule
        {
            ClassTypeId = type.Id, TrainerId = request.TrainerId, DayOfWeek = day, StartTime = time, StartsOn = startsOn, EndsOn = endsOn,
        };
        db.Add(schedule);
        var made = Extend(schedule, type, clock.Today.AddDays(HorizonDays));
        await calendar.SaveAsync("trainerId", cancellationToken);
        return new ClassScheduleCreated(schedule.Id, await DtosAsync(made, cancellationToken));
    }

    public async Task<ClassOccurrenceDto> CreateOneOffAsync(CreateOneOffClassRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var errors = new ValidationErrors();
        var date = ClassFields.Date(request.Date, "date", errors)!.Value;
        var time = ClassFields.Time(request.StartTime, "startTime", errors)!.Value;
        var type = await TypeAsync(request.ClassTypeId, cancellationToken);
        await TrainerAsync(request.TrainerId, cancellationToken);
        var start = reads.At(date, time);
        if (start <= clock.UtcNow)
        {
            throw new ValidationException("date", "A class is put on the timetable before it starts.");
        }

        var occurrence = Occurrence(type, request.TrainerId, null, date, start, request.Capacity ?? type.Capacity);
        await calendar.SaveAsync("trainerId", cancellationToken);
        return await reads.OccurrenceAsync(occurrence.Id, cancellationToken);
    }

    /// <summary>Adds the schedule's dated classes from where it stands up to <paramref name="through"/> (never in the past).</summary>
    public List<ClassOccurrence> Extend(ClassSchedule schedule, ClassType type, DateOnly through)
    {
        var made = new List<ClassOccurrence>();
        var last = schedule.EndsOn is { } ends && ends < through ? ends : through;
        var first = new[] { schedule.StartsOn, clock.Today, schedule.GeneratedThrough.AddDays(1) }.Max();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (date.DayOfWeek != schedule.DayOfWeek)
            {
                continue;
            }

            // Wall-clock time on that date: the instant follows daylight saving, the 6 pm class stays at 6 pm.
            var start = reads.At(date, schedule.StartTime);
            if (start > clock.UtcNow)
            {
                made.Add(Occurrence(type, schedule.TrainerId, schedule.Id, date, start, type.Capacity));
            }
        }

        schedule.GeneratedThrough = last > schedule.GeneratedThrough ? last : schedule.GeneratedThrough;
        return made;
    }

    private ClassOccurrence Occurrence(ClassType type, Guid trainerId, Guid? scheduleId, DateOnly date, DateTimeOffset start, int capacity)
    {
        var occurrence = new ClassOccurrence
        {
            ClassTypeId = type.Id, ScheduleId = scheduleId, TrainerId = trainerId, Name = type.Name, Room = type.Room,
            StartsAt = start.ToUniversalTime(), EndsAt = start.ToUniversalTime().AddMinutes(type.DurationMinutes), LocalDate = date, Capacity = capacity,
        };
        db.Add(occurrence);
        calendar.Hold(trainerId, null, occurrence.StartsAt, occurrence.EndsAt, CommitmentKinds.ClassOccurrence, occurrence.Id);
        return occurrence;
    }

    private async Task<ClassType> TypeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ClassType>().FirstOrDefaultAsync(t => t.Id == id && t.IsActive, cancellationToken)
        ?? throw new ValidationException("classTypeId", "No such class type at this gym.");

    private async Task TrainerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Set<Trainer>().AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw new ValidationException("trainerId", "No such trainer at this gym.");
        }
    }

    private async Task<IReadOnlyList<ClassOccurrenceDto>> DtosAsync(List<ClassOccurrence> made, CancellationToken cancellationToken)
    {
        if (made.Count == 0)
        {
            return [];
        }

        return await reads.OccurrencesAsync(default, default, [.. made.Select(o => o.Id)], cancellationToken);
    }
}

/// <summary><c>POST /api/classes/schedules</c> and <c>POST /api/classes</c>.</summary>
internal static class ScheduleEndpoints
{
    public static void MapClassScheduling(this RouteGroupBuilder writes)
    {
        writes.MapPost("/schedules", async Task<Created<ClassScheduleCreated>> (CreateClassScheduleRequest request, ClassTimetableWriter writer, CancellationToken ct) =>
            {
                var created = await writer.CreateScheduleAsync(request, ct);
                return TypedResults.Created($"/api/classes/schedules/{created.ScheduleId}", created);
            })
            .WithName("CreateClassSchedule");
        writes.MapPost("/", async Task<Created<ClassOccurrenceDto>> (CreateOneOffClassRequest request, ClassTimetableWriter writer, CancellationToken ct) =>
            {
                var created = await writer.CreateOneOffAsync(request, ct);
                return TypedResults.Created($"/api/classes/{created.Id}", created);
            })
            .WithName("CreateOneOffClass");
    }
}
