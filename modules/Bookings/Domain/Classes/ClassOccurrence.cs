using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Classes;

/// <summary>
/// One dated class: what members book. <see cref="BookedCount"/> and <see cref="WaitlistSequence"/> are counters the
/// database moves with conditional updates (<c>BookedCount &lt; Capacity</c>), never C# read-then-write: under any
/// number of racing requests the database admits exactly <see cref="Capacity"/> and numbers the waitlist in the
/// order it admitted each request (decision 0031).
/// </summary>
internal sealed class ClassOccurrence : ILocationOwned, IAuditable, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid ClassTypeId { get; set; }

    /// <summary>The weekly rule that made it; null for a one-off class.</summary>
    public Guid? ScheduleId { get; set; }

    public Guid TrainerId { get; set; }

    /// <summary>The class's name when it was scheduled (the timetable shows it without a join).</summary>
    public string Name { get; set; } = "";

    public string Room { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The gym's local date it runs on (one occurrence per schedule per date).</summary>
    public DateOnly LocalDate { get; set; }

    public int Capacity { get; set; }

    /// <summary>Members holding a spot (booked), moved only by conditional updates.</summary>
    public int BookedCount { get; set; }

    /// <summary>The last waitlist number handed out: a waiting member's number is their place in arrival order.</summary>
    public long WaitlistSequence { get; set; }

    public bool IsCancelled { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
