using System.Security.Claims;
using System.Text.Json.Serialization;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Availability;

/// <summary>Weekly hours on the wire: <c>{"day":"monday","starts":"06:00","ends":"12:00"}</c> (gym-local time).</summary>
internal sealed record WeeklyHoursDto(string Day, string Starts, string Ends);

/// <summary>A dated exception on the wire: leave (whole day without times) or extra hours.</summary>
internal sealed record AvailabilityExceptionDto(Guid Id, DateOnly Date, string Kind, string? Starts, string? Ends, string? Note);

/// <summary>A trainer's availability.</summary>
internal sealed record AvailabilityDto(IReadOnlyList<WeeklyHoursDto> Weekly, IReadOnlyList<AvailabilityExceptionDto> Exceptions);

/// <summary>Body of <c>PUT /api/trainer/availability/weekly</c>: the whole week, replacing what was there.</summary>
internal sealed record SaveWeeklyHoursRequest(IReadOnlyList<WeeklyHoursDto>? Weekly) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Weekly is null)
        {
            errors.Add("weekly", "Send the week's hours (an empty list clears them).");
            return;
        }

        errors.AddIf(Weekly.Count > 50, "weekly", "At most 50 blocks of hours a week.");
        for (var i = 0; i < Weekly.Count; i++)
        {
            var w = Weekly[i];
            errors.AddIf(AvailabilityText.Day(w.Day) is null, $"weekly[{i}].day", "Use a day of the week, e.g. monday.");
            var starts = AvailabilityText.Time(w.Starts);
            var ends = AvailabilityText.Time(w.Ends);
            errors.AddIf(starts is null, $"weekly[{i}].starts", "Use a time like 06:00 on the quarter hour.");
            errors.AddIf(ends is null, $"weekly[{i}].ends", "Use a time like 12:00 on the quarter hour.");
            errors.AddIf(starts is { } s && ends is { } e && e != TimeOnly.MinValue && e <= s, $"weekly[{i}].ends", "The hours must end after they start.");
        }
    }
}

/// <summary>Body of <c>POST /api/trainer/availability/exceptions</c>.</summary>
internal sealed record AddAvailabilityExceptionRequest(DateOnly? Date, string? Kind, string? Starts, string? Ends, string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(Date is null, "date", "Choose the date.");
        var kind = AvailabilityText.Kind(Kind);
        errors.AddIf(kind is null, "kind", "Use leave or extra.");
        var starts = AvailabilityText.Time(Starts);
        var ends = AvailabilityText.Time(Ends);
        errors.AddIf(Starts is not null && starts is null, "starts", "Use a time like 06:00 on the quarter hour.");
        errors.AddIf(Ends is not null && ends is null, "ends", "Use a time like 12:00 on the quarter hour.");
        errors.AddIf((Starts is null) != (Ends is null), Starts is null ? "starts" : "ends", "Give both times, or neither for a whole day's leave.");
        errors.AddIf(kind == AvailabilityExceptionKind.Extra && Starts is null, "starts", "Extra hours need their times.");
        errors.AddIf(starts is { } s && ends is { } e && e != TimeOnly.MinValue && e <= s, "ends", "The hours must end after they start.");
        errors.MaxLength(Note, "note", 200);
    }
}

/// <summary>Parsing and printing of availability's wire values.</summary>
internal static class AvailabilityText
{
    public static DayOfWeek? Day(string? value) =>
        Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var day) && !int.TryParse(value, out _) ? day : null;

    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Minute % 15 == 0 ? time : null;

    public static AvailabilityExceptionKind? Kind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "leave" => AvailabilityExceptionKind.Leave,
        "extra" => AvailabilityExceptionKind.Extra,
        _ => null,
    };

    public static string Print(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The signed-in trainer's availability: read, replace the week, add and remove dated exceptions.</summary>
internal sealed class TrainerAvailabilityHandler(BookingReads reads)
{
    public async Task<AvailabilityDto> GetAsync(Guid personId, CancellationToken cancellationToken)
    {
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var db = reads.Db;
        var weekly = await db.Set<WeeklyHours>().AsNoTracking().Where(w => w.TrainerId == trainerId).ToListAsync(cancellationToken);
        var today = reads.Clock.Today;
        var exceptions = await db.Set<AvailabilityException>().AsNoTracking().Where(e => e.TrainerId == trainerId && e.Date >= today)
            .OrderBy(e => e.Date).ToListAsync(cancellationToken);
        return new AvailabilityDto(
            weekly.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Starts)
                .Select(w => new WeeklyHoursDto(w.Day.ToString().ToLowerInvariant(), AvailabilityText.Print(w.Starts), AvailabilityText.Print(w.Ends))).ToList(),
            exceptions.Select(e => new AvailabilityExceptionDto(e.Id, e.Date, e.Kind.ToString().ToLowerInvariant(),
                e.Starts is { } s ? AvailabilityText.Print(s) : null, e.Ends is { } en ? AvailabilityText.Print(en) : null, e.Note)).ToList());
    }

    public async Task<AvailabilityDto> SaveWeeklyAsync(Guid personId, SaveWeeklyHoursRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var db = reads.Db;
        db.RemoveRange(await db.Set<WeeklyHours>().Where(w => w.TrainerId == trainerId).ToListAsync(cancellationToken));
        db.AddRange(request.Weekly!.Select(w => new WeeklyHours
        {
            TrainerId = trainerId,
            Day = AvailabilityText.Day(w.Day)!.Value,
            Starts = AvailabilityText.Time(w.Starts)!.Value,
            Ends = AvailabilityText.Time(w.Ends)!.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(personId, cancellationToken);
    }

    public async Task<AvailabilityDto> AddExceptionAsync(Guid personId, AddAvailabilityExceptionRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        if (request.Date < reads.Clock.Today)
        {
            throw new ValidationException("date", "That date has passed.");
        }

        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        reads.Db.Add(new AvailabilityException
        {
            TrainerId = trainerId,
            Date = request.Date!.Value,
            Kind = AvailabilityText.Kind(request.Kind)!.Value,
            Starts = AvailabilityText.Time(request.Starts),
            Ends = AvailabilityText.Time(request.Ends),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        });
        await reads.Db.SaveChangesAsync(cancellationToken);
        return await GetAsync(personId, cancellationToken);
    }

    public async Task<AvailabilityDto> RemoveExceptionAsync(Guid personId, Guid exceptionId, CancellationToken cancellationToken)
    {
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var exception = await reads.Db.Set<AvailabilityException>().FirstOrDefaultAsync(e => e.Id == exceptionId && e.TrainerId == trainerId, cancellationToken)
            ?? throw new NotFoundException("No such exception in your availability.");
        reads.Db.Remove(exception);
        await reads.Db.SaveChangesAsync(cancellationToken);
        return await GetAsync(personId, cancellationToken);
    }
}

internal static class TrainerAvailabilityEndpoints
{
    public static void MapTrainerAvailability(this RouteGroupBuilder trainer, RouteGroupBuilder writes)
    {
        trainer.MapGet("/availability", (ClaimsPrincipal me, TrainerAvailabilityHandler handler, CancellationToken ct) => handler.GetAsync(me.RequireUserId(), ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnAvailability).WithName("GetTrainerAvailability");
        writes.MapPut("/availability/weekly", (SaveWeeklyHoursRequest request, ClaimsPrincipal me, TrainerAvailabilityHandler handler, CancellationToken ct) =>
                handler.SaveWeeklyAsync(me.RequireUserId(), request, ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnAvailability).WithName("SaveTrainerWeeklyHours");
        writes.MapPost("/availability/exceptions", (AddAvailabilityExceptionRequest request, ClaimsPrincipal me, TrainerAvailabilityHandler handler, CancellationToken ct) =>
                handler.AddExceptionAsync(me.RequireUserId(), request, ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnAvailability).WithName("AddTrainerAvailabilityException");
        writes.MapDelete("/availability/exceptions/{id:guid}", (Guid id, ClaimsPrincipal me, TrainerAvailabilityHandler handler, CancellationToken ct) =>
                handler.RemoveExceptionAsync(me.RequireUserId(), id, ct))
            .RequireAuthorization(BookingsPermissions.ManageOwnAvailability).WithName("RemoveTrainerAvailabilityException");
    }
}
