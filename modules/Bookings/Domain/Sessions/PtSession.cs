using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Sessions;

/// <summary>
/// A booked session with a trainer (the original's <c>bookings</c> row). Its time is held in the shared calendar
/// (decision 0027) while it is pending or confirmed, and released when it is cancelled or never paid; completed and
/// no-show sessions keep theirs (the time was spent).
/// </summary>
internal sealed class PtSession : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The member (user id).</summary>
    public Guid MemberId { get; set; }

    public Guid TrainerId { get; set; }

    public Guid SessionTypeId { get; set; }

    /// <summary>The session type's code and name as booked (a later rename does not rewrite history).</summary>
    public string SessionTypeCode { get; set; } = "";

    public string SessionTypeName { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public int Minutes { get; set; }

    public BookingStatus Status { get; set; } = BookingStatus.Pending;

    public BookingPaymentStatus PaymentStatus { get; set; } = BookingPaymentStatus.Pending;

    /// <summary>The price (AUD cents, GST included); 0 when included with the membership.</summary>
    public long PriceCents { get; set; }

    /// <summary>For an included session: the gym-local month (<c>yyyy-MM</c>) whose allowance it uses; null otherwise
    /// and once cancelled in time. With <see cref="AllowanceSlot"/> under a unique index, so the database refuses a
    /// month's allowance used twice over by concurrent bookings.</summary>
    public string? AllowanceMonth { get; set; }

    /// <summary>Which of the month's included sessions (1…N) this is.</summary>
    public int? AllowanceSlot { get; set; }

    public string? CheckoutSessionId { get; set; }

    public string? CheckoutUrl { get; set; }

    public DateTimeOffset? CheckoutExpiresAt { get; set; }

    public string? PaymentIntentId { get; set; }

    public string? RefundId { get; set; }

    /// <summary>Who booked it when not the member (front desk), else null.</summary>
    public Guid? BookedById { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public Guid? CancelledById { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>Cancelled by the member after the free window: no refund, and an included session stays used.</summary>
    public bool LateCancellation { get; set; }

    /// <summary>
    /// Money taken that must go back without anyone asking: a payment that arrived after its hold was released, or a
    /// cancellation whose refund the gateway refused. <c>LatePaymentRefundsJob</c> refunds it and clears the flag.
    /// </summary>
    public bool RefundDue { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The trainer's note on the session.</summary>
    public string? Notes { get; set; }

    /// <summary>When the 24-hour reminder was emailed (null until then), so the job sends it once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Holds time in the calendar.</summary>
    public bool HoldsTime => Holds(Status);

    /// <summary>Whether a session in this status holds time in the calendar (pending or confirmed).</summary>
    public static bool Holds(BookingStatus status) => status is BookingStatus.Pending or BookingStatus.Confirmed;
}

/// <summary>One audited change of a PT session: who did what, when.</summary>
internal sealed class PtSessionChange : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>The person who acted; null for the gateway or a job.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>e.g. <c>booked</c>, <c>paid</c>, <c>checkout-expired</c>, <c>cancelled</c>, <c>completed</c>, <c>no-show</c>.</summary>
    public string Action { get; set; } = "";

    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }
}
