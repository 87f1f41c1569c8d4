namespace Derrimut.Bookings.Domain.Availability;

/// <summary>A trainer's recurring weekly hours, in the gym's local time (e.g. Monday 06:00–12:00).</summary>
internal sealed class WeeklyHours : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid TrainerId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Starts { get; set; }

    public TimeOnly Ends { get; set; }
}

/// <summary>Whether a dated exception takes time away or adds it.</summary>
internal enum AvailabilityExceptionKind
{
    /// <summary>Leave: the whole day (no times) or the hours given are not available.</summary>
    Leave = 1,

    /// <summary>Extra hours on that date, besides the weekly ones.</summary>
    Extra = 2,
}

/// <summary>A dated change to a trainer's weekly hours: leave, or extra hours.</summary>
internal sealed class AvailabilityException : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid TrainerId { get; set; }

    public DateOnly Date { get; set; }

    public AvailabilityExceptionKind Kind { get; set; }

    /// <summary>Start of the hours; null with <see cref="Ends"/> for a whole day's leave.</summary>
    public TimeOnly? Starts { get; set; }

    public TimeOnly? Ends { get; set; }

    public string? Note { get; set; }
}
