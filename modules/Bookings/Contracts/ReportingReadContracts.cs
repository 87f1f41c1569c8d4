namespace Derrimut.Bookings.Contracts;

/// <summary>A check-in at the current location as reports read it (init properties so composed queries translate).</summary>
public sealed class CheckInRow
{
    /// <summary>The check-in's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Who came in.</summary>
    public Guid PersonId { get; init; }

    /// <summary>When, UTC.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The member's home gym (another location of the franchise for a multi-club visit).</summary>
    public Guid HomeLocationId { get; init; }
}

/// <summary>One class on the timetable as reports read it.</summary>
public sealed class ClassOccurrenceRow
{
    /// <summary>The class's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The class's name as shown on the timetable.</summary>
    public string Name { get; init; } = "";

    /// <summary>When it starts, UTC.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>The gym's local date it runs on.</summary>
    public DateOnly LocalDate { get; init; }

    /// <summary>Places.</summary>
    public int Capacity { get; init; }

    /// <summary>Places taken.</summary>
    public int BookedCount { get; init; }

    /// <summary>Whether the gym cancelled it.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>The instructor.</summary>
    public Guid TrainerId { get; init; }
}

/// <summary>A member's booking of a class as reports read it.</summary>
public sealed class ClassBookingRow
{
    /// <summary>The class.</summary>
    public Guid OccurrenceId { get; init; }

    /// <summary>Booked, waitlisted or cancelled.</summary>
    public ClassBookingStatus Status { get; init; }

    /// <summary>Whether the member checked in to the class.</summary>
    public bool CheckedIn { get; init; }

    /// <summary>Whether the member was marked a no-show.</summary>
    public bool NoShow { get; init; }
}

/// <summary>A PT session as reports read it.</summary>
public sealed class PtSessionRow
{
    /// <summary>The session's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The trainer.</summary>
    public Guid TrainerId { get; init; }

    /// <summary>The member.</summary>
    public Guid MemberId { get; init; }

    /// <summary>When it starts, UTC.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>Its length in minutes.</summary>
    public int Minutes { get; init; }

    /// <summary>Pending, confirmed, cancelled, completed, no-show.</summary>
    public BookingStatus Status { get; init; }

    /// <summary>How it was paid for.</summary>
    public BookingPaymentStatus PaymentStatus { get; init; }

    /// <summary>The GST-inclusive price in cents (0 when included with the membership).</summary>
    public long PriceCents { get; init; }

    /// <summary>When the session last changed (booked, paid, cancelled, marked delivered or missed, refunded), UTC.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A trainer at the location as reports read them.</summary>
public sealed class TrainerRow
{
    /// <summary>The trainer's id (the one sessions and classes name).</summary>
    public Guid Id { get; init; }

    /// <summary>The trainer's person.</summary>
    public Guid UserId { get; init; }

    /// <summary>The name members see.</summary>
    public string DisplayName { get; init; } = "";
}

/// <summary>
/// Bookings' read contract for reports: the current location's check-ins, classes, class bookings, PT sessions and
/// trainers as queryable rows on the caller's own DbContext (the tenant filter applies), never Bookings' entities.
/// </summary>
public interface IBookingsReadModel
{
    /// <summary>Check-ins at the location.</summary>
    IQueryable<CheckInRow> CheckIns { get; }

    /// <summary>Classes on the location's timetable.</summary>
    IQueryable<ClassOccurrenceRow> Classes { get; }

    /// <summary>Members' bookings of those classes.</summary>
    IQueryable<ClassBookingRow> ClassBookings { get; }

    /// <summary>PT sessions at the location.</summary>
    IQueryable<PtSessionRow> PtSessions { get; }

    /// <summary>The location's trainers.</summary>
    IQueryable<TrainerRow> Trainers { get; }
}
