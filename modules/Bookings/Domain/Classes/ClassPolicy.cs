using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Classes;

/// <summary>
/// A location's class rules (one row per location; the defaults apply until an admin saves one). Strikes are off by
/// default: a gym turns them on deliberately.
/// </summary>
internal sealed class ClassPolicy : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>Booking opens this many days before the class (and closes at its start).</summary>
    public int BookingOpensDaysAhead { get; set; } = 7;

    /// <summary>No one is promoted from the waitlist later than this many minutes before the start.</summary>
    public int PromotionCutoffMinutes { get; set; } = 120;

    /// <summary>Cancelling within this many minutes of the start is a late cancel.</summary>
    public int LateCancelWindowMinutes { get; set; } = 120;

    /// <summary>A booked member not checked in by the start plus this many minutes is a no-show.</summary>
    public int NoShowGraceMinutes { get; set; } = 10;

    /// <summary>Late cancels and no-shows count as strikes.</summary>
    public bool StrikesEnabled { get; set; }

    /// <summary>This many strikes…</summary>
    public int StrikeLimit { get; set; } = 3;

    /// <summary>…within this many days…</summary>
    public int StrikeWindowDays { get; set; } = 30;

    /// <summary>…suspend class booking for this many days.</summary>
    public int SuspensionDays { get; set; } = 7;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A late cancel or a no-show recorded against a member at a location.</summary>
internal sealed class ClassStrike : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid MemberId { get; set; }

    public Guid BookingId { get; set; }

    public ClassStrikeKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The class, for the member's "why" (name and local start).</summary>
    public string Detail { get; set; } = "";
}
