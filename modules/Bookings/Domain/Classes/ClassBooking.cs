using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Classes;

/// <summary>A member's place in a class: booked, waiting, or no longer.</summary>
internal sealed class ClassBooking : ILocationOwned, IAuditable, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid OccurrenceId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>
    /// <see cref="MemberId"/> while the booking holds a spot or a waitlist place, null after; a unique index on
    /// (tenant, occurrence, live member) lets the database refuse a second live booking of the same class.
    /// </summary>
    public Guid? LiveMemberId { get; set; }

    public ClassBookingStatus Status { get; set; }

    /// <summary>The waitlist number (arrival order) for a member who had to wait; kept after promotion.</summary>
    public long? WaitlistNumber { get; set; }

    /// <summary>When the member asked (the database's order decides the number, this is for people).</summary>
    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? PromotedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Cancelled inside the location's late-cancel window.</summary>
    public bool CancelledLate { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>Marked as a no-show after the start plus the grace period.</summary>
    public bool NoShow { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
