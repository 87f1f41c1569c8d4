using System.Text.Json.Serialization;

namespace Derrimut.Bookings.Contracts;

/// <summary>Where a PT session is in its life (the original's <c>status</c>). On the wire as the original's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingStatus>))]
public enum BookingStatus
{
    /// <summary>Held while its checkout is open; not yet paid.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    /// <summary>Booked: paid, or included with the membership.</summary>
    [JsonStringEnumMemberName("confirmed")]
    Confirmed = 2,

    /// <summary>Cancelled by the member, the trainer or staff, or never paid (the checkout expired or was declined).</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 3,

    /// <summary>Delivered, marked by the trainer; it reaches payroll.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed = 4,

    /// <summary>The member did not come, marked by the trainer.</summary>
    [JsonStringEnumMemberName("no_show")]
    NoShow = 5,
}

/// <summary>The money side of a PT session (the original's <c>paymentStatus</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingPaymentStatus>))]
public enum BookingPaymentStatus
{
    /// <summary>The checkout is open.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    /// <summary>Paid through the gateway.</summary>
    [JsonStringEnumMemberName("paid")]
    Paid = 2,

    /// <summary>Paid, then refunded (a cancellation inside the free window, or by the trainer or staff).</summary>
    [JsonStringEnumMemberName("refunded")]
    Refunded = 3,

    /// <summary>One of the month's PT sessions the member's plan includes; nothing to pay.</summary>
    [JsonStringEnumMemberName("included_with_membership")]
    IncludedWithMembership = 4,

    /// <summary>Never paid: the checkout expired or was declined.</summary>
    [JsonStringEnumMemberName("unpaid")]
    Unpaid = 5,
}

/// <summary>A session type a trainer offers, with its length and price (GST-inclusive AUD cents).</summary>
public sealed record SessionOfferDto(string SessionType, string Name, int Minutes, long PriceCents);

/// <summary>A trainer as the public list shows them.</summary>
public sealed record TrainerSummaryDto(Guid Id, string DisplayName, string? Specialties, string? PhotoUrl, IReadOnlyList<SessionOfferDto> Offers);

/// <summary>A trainer's public profile.</summary>
public sealed record TrainerProfileDto(
    Guid Id,
    string DisplayName,
    string? Bio,
    string? Specialties,
    string? Qualifications,
    string? PhotoUrl,
    IReadOnlyList<SessionOfferDto> Offers);

/// <summary>A bookable slot: a start and end (instants with the gym's offset of that day), the session type and its price.</summary>
public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, string SessionType, string SessionTypeName, long PriceCents);

/// <summary>A PT session as the member, the trainer and staff see it.</summary>
public sealed record BookingDto(
    Guid Id,
    Guid TrainerId,
    string TrainerName,
    Guid MemberId,
    string? MemberName,
    string SessionType,
    string SessionTypeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Minutes,
    BookingStatus Status,
    BookingPaymentStatus PaymentStatus,
    long PriceCents,
    bool LateCancellation,
    string? CheckoutUrl,
    DateTimeOffset? CancellableFreeUntil);

/// <summary>The answer of <c>POST /api/bookings</c>: the booking and, when it must be paid, where to pay.</summary>
public sealed record BookingCreatedDto(BookingDto Booking, string? CheckoutUrl);

/// <summary>A location's cancellation and booking policy.</summary>
/// <param name="FreeCancellationHours">A member may cancel with a full refund until this many hours before the start.</param>
/// <param name="BufferMinutes">Free time kept between a trainer's commitments.</param>
/// <param name="NoticeMinutes">How far ahead a session must be booked.</param>
public sealed record BookingPolicyDto(int FreeCancellationHours, int BufferMinutes, int NoticeMinutes);

/// <summary>
/// A trainer delivered a PT session (marked completed): Bookings publishes it, in the completing transaction, for the
/// modules above (Payroll pays it in the next pay run, once per session).
/// </summary>
/// <param name="TenantId">The location.</param>
/// <param name="SessionId">The PT session (unique: the same completion published twice is paid once).</param>
/// <param name="TrainerPersonId">The trainer's person (user) id, as payroll knows employees.</param>
/// <param name="MemberId">The member trained.</param>
/// <param name="Start">When it started.</param>
/// <param name="Minutes">Its length.</param>
/// <param name="CompletedOn">The gym-local date it was delivered (the pay period it belongs to).</param>
/// <param name="Description">What payroll shows, e.g. "Personal training, 60 min, Tue 8 Dec 9:00 am".</param>
/// <param name="PriceCents">What the member paid (0 when included with the membership), GST included.</param>
public sealed record TrainerSessionCompleted(
    Guid TenantId,
    Guid SessionId,
    Guid TrainerPersonId,
    Guid MemberId,
    DateTimeOffset Start,
    int Minutes,
    DateOnly CompletedOn,
    string Description,
    long PriceCents) : Derrimut.BuildingBlocks.Events.IIntegrationEvent;

/// <summary>Live-update topics of the Bookings module.</summary>
public static class BookingTopics
{
    /// <summary>A trainer's schedule changed (booked, cancelled, completed); the update's user is the trainer's person id.</summary>
    public const string TrainerSchedule = "bookings.trainer-schedule";

    /// <summary>A member's bookings changed; the update's user is the member.</summary>
    public const string MemberBookings = "bookings.member";
}
