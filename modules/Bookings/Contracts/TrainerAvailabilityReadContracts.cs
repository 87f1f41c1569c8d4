namespace Derrimut.Bookings.Contracts;

/// <summary>A trainer's recurring weekly hours as reports read them, in the gym's local wall-clock time.</summary>
public sealed class TrainerWeeklyHoursRow
{
    /// <summary>The trainer (the id sessions name).</summary>
    public Guid TrainerId { get; init; }

    /// <summary>The weekday.</summary>
    public DayOfWeek Day { get; init; }

    /// <summary>Local start.</summary>
    public TimeOnly Starts { get; init; }

    /// <summary>Local end.</summary>
    public TimeOnly Ends { get; init; }
}

/// <summary>A dated change to a trainer's weekly hours as reports read it.</summary>
public sealed class TrainerAvailabilityExceptionRow
{
    /// <summary>The trainer (the id sessions name).</summary>
    public Guid TrainerId { get; init; }

    /// <summary>The gym-local date.</summary>
    public DateOnly Date { get; init; }

    /// <summary>True for extra hours, false for leave (time away).</summary>
    public bool IsExtra { get; init; }

    /// <summary>Local start; null (with <see cref="Ends"/>) for a whole day's leave.</summary>
    public TimeOnly? Starts { get; init; }

    /// <summary>Local end.</summary>
    public TimeOnly? Ends { get; init; }
}

/// <summary>
/// Bookings' read contract for trainers' availability (what the booking page offers): weekly hours and dated leave or
/// extra hours, as queryable rows on the caller's own DbContext (the tenant filter applies).
/// </summary>
public interface ITrainerAvailabilityReadModel
{
    /// <summary>The location's trainers' weekly hours.</summary>
    IQueryable<TrainerWeeklyHoursRow> WeeklyHours { get; }

    /// <summary>Their dated leave and extra hours.</summary>
    IQueryable<TrainerAvailabilityExceptionRow> Exceptions { get; }
}
