using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Classes;

/// <summary>
/// A weekly rule in the gym's local time ("Tuesdays 6:00 pm from 1 Dec, until 28 Feb"), which produces one dated
/// <see cref="ClassOccurrence"/> a week. The time is a wall-clock time: across daylight saving the class stays at
/// 6:00 pm and its instant moves.
/// </summary>
internal sealed class ClassSchedule : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid ClassTypeId { get; set; }

    public Guid TrainerId { get; set; }

    public DayOfWeek DayOfWeek { get; set; }

    /// <summary>Local wall-clock start.</summary>
    public TimeOnly StartTime { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day it may run; null while it runs on.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>The local dates up to which occurrences exist (the rule is extended ahead, never behind).</summary>
    public DateOnly GeneratedThrough { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
