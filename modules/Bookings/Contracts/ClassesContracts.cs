using System.Text.Json.Serialization;

namespace Derrimut.Bookings.Contracts;

/// <summary>Permissions of classes, check-in and doors (issue 14).</summary>
public static class ClassesPermissions
{
    /// <summary>A member books and cancels their own classes and shows their check-in code.</summary>
    public const string BookOwnClasses = "book:own_classes";

    /// <summary>Admins edit the timetable: class types, schedules, one-off classes, cancellations, doors, rules.</summary>
    public const string ManageClasses = "manage:classes";

    /// <summary>Instructors and the front desk see rosters and mark attendance.</summary>
    public const string ViewClassRosters = "view:class_rosters";

    /// <summary>The front desk checks members in.</summary>
    public const string CheckInMembers = "manage:check_ins";

    /// <summary>A door controller (an integration client) asks whether to open.</summary>
    public const string AccessDoors = "access:doors";
}

/// <summary>Live-update topics of classes.</summary>
public static class ClassTopics
{
    /// <summary>A class's bookings changed (UserId = the member concerned, Detail = the occurrence id).</summary>
    public const string Classes = "classes";

    /// <summary>A member was checked in (UserId = the member).</summary>
    public const string CheckIns = "check-ins";
}

/// <summary>Who a class suits. In JSON: <c>all_levels</c>, <c>beginner</c>, <c>intermediate</c>, <c>advanced</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassLevel>))]
public enum ClassLevel
{
    /// <summary>Anyone.</summary>
    [JsonStringEnumMemberName("all_levels")]
    AllLevels = 0,

    /// <summary>New to it.</summary>
    [JsonStringEnumMemberName("beginner")]
    Beginner = 1,

    /// <summary>Some experience.</summary>
    [JsonStringEnumMemberName("intermediate")]
    Intermediate = 2,

    /// <summary>Experienced.</summary>
    [JsonStringEnumMemberName("advanced")]
    Advanced = 3,
}

/// <summary>Where a class booking stands. In JSON: <c>booked</c>, <c>waitlisted</c>, <c>cancelled</c>, <c>class_cancelled</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassBookingStatus>))]
public enum ClassBookingStatus
{
    /// <summary>Holds a spot.</summary>
    [JsonStringEnumMemberName("booked")]
    Booked = 1,

    /// <summary>Waiting for a spot, in arrival order.</summary>
    [JsonStringEnumMemberName("waitlisted")]
    Waitlisted = 2,

    /// <summary>The member cancelled.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 3,

    /// <summary>The gym cancelled the class.</summary>
    [JsonStringEnumMemberName("class_cancelled")]
    ClassCancelled = 4,
}

/// <summary>A strike against class booking. In JSON: <c>late_cancel</c>, <c>no_show</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassStrikeKind>))]
public enum ClassStrikeKind
{
    /// <summary>Cancelled inside the late-cancel window.</summary>
    [JsonStringEnumMemberName("late_cancel")]
    LateCancel = 1,

    /// <summary>Booked but not checked in by the start plus the grace period.</summary>
    [JsonStringEnumMemberName("no_show")]
    NoShow = 2,
}

/// <summary>A class type of the location.</summary>
/// <param name="Id">The class type.</param>
/// <param name="Name">e.g. "Vinyasa yoga".</param>
/// <param name="Description">What to expect.</param>
/// <param name="DurationMinutes">Length.</param>
/// <param name="Capacity">Spots per class.</param>
/// <param name="Room">Where.</param>
/// <param name="Level">Who it suits.</param>
public sealed record ClassTypeDto(Guid Id, string Name, string Description, int DurationMinutes, int Capacity, string Room, ClassLevel Level);

/// <summary>A class on the timetable.</summary>
/// <param name="Id">The occurrence (what is booked).</param>
/// <param name="Name">The class.</param>
/// <param name="Start">Start (instant, with the gym's offset of that day).</param>
/// <param name="End">End.</param>
/// <param name="Instructor">The trainer leading it.</param>
/// <param name="Capacity">Spots.</param>
/// <param name="SpotsLeft">Spots not yet booked.</param>
/// <param name="WaitlistCount">Members waiting.</param>
/// <param name="Room">Where.</param>
/// <param name="Level">Who it suits.</param>
/// <param name="ClassTypeId">Its class type.</param>
/// <param name="IsCancelled">The gym cancelled it.</param>
public sealed record ClassOccurrenceDto(
    Guid Id,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Instructor,
    int Capacity,
    int SpotsLeft,
    int WaitlistCount,
    string Room,
    ClassLevel Level,
    Guid ClassTypeId,
    bool IsCancelled);

/// <summary>The answer to booking a class.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Status"><c>booked</c> or <c>waitlisted</c>.</param>
/// <param name="WaitlistPosition">Place in the queue now (1 = next), when waitlisted.</param>
public sealed record ClassBookingResult(Guid BookingId, ClassBookingStatus Status, int? WaitlistPosition);

/// <summary>One of the member's class bookings.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Class">The class.</param>
/// <param name="Status">Booked, waitlisted, cancelled.</param>
/// <param name="WaitlistPosition">Place in the queue now, when waitlisted.</param>
/// <param name="CheckedIn">Attended.</param>
public sealed record MyClassBookingDto(Guid BookingId, ClassOccurrenceDto Class, ClassBookingStatus Status, int? WaitlistPosition, bool CheckedIn);

/// <summary>A strike against the member and why.</summary>
/// <param name="Kind">Late cancel or no-show.</param>
/// <param name="At">When.</param>
/// <param name="Detail">Which class.</param>
public sealed record ClassStrikeDto(ClassStrikeKind Kind, DateTimeOffset At, string Detail);

/// <summary>The signed-in member's check-in code (shown as a QR code).</summary>
/// <param name="Code">The signed payload to scan.</param>
/// <param name="ExpiresAt">When it stops working (a fresh one is fetched before).</param>
public sealed record CheckInCodeDto(string Code, DateTimeOffset ExpiresAt);

/// <summary>The answer of a check-in at the desk.</summary>
/// <param name="Allowed">Let them in.</param>
/// <param name="Reason">Why (or "Active membership").</param>
/// <param name="MemberId">The member, when the code named one.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="MembershipState">The refusal code, <c>none</c> when allowed.</param>
/// <param name="HomeLocation">The member's home gym, for a multi-club visit.</param>
/// <param name="CheckInId">The recorded visit, when allowed.</param>
/// <param name="MemberPhotoUrl">The member's profile photo (Identity's URL), so the desk sees who stands there.</param>
public sealed record CheckInResultDto(bool Allowed, string Reason, Guid? MemberId, string? MemberName, string MembershipState, string? HomeLocation, Guid? CheckInId, string? MemberPhotoUrl = null);

/// <summary>A door of the location.</summary>
/// <param name="Id">The door.</param>
/// <param name="Name">e.g. "Front door".</param>
/// <param name="OpensAt">Local time members may start entering (null = 24/7).</param>
/// <param name="ClosesAt">Local time they may no longer.</param>
/// <param name="AntiPassback">Refuses a pass-back.</param>
public sealed record DoorDto(Guid Id, string Name, TimeOnly? OpensAt, TimeOnly? ClosesAt, bool AntiPassback);

/// <summary>A door controller's answer.</summary>
/// <param name="Allow">Open the door.</param>
/// <param name="Reason">Why (logged, shown on the reader).</param>
/// <param name="MemberName">Whose credential it was, when known.</param>
public sealed record DoorDecisionDto(bool Allow, string Reason, string? MemberName);

/// <summary>One member on a class roster.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="Status">Booked or waitlisted.</param>
/// <param name="WaitlistNumber">Their waitlist number (arrival order), if they waited.</param>
/// <param name="Attendance"><c>checked_in</c>, <c>no_show</c>, or <c>expected</c>.</param>
public sealed record ClassRosterLineDto(Guid MemberId, string MemberName, ClassBookingStatus Status, long? WaitlistNumber, string Attendance);

/// <summary>A class's roster for its instructor and the desk.</summary>
/// <param name="Class">The class.</param>
/// <param name="Lines">Booked members first, then the waitlist in order.</param>
public sealed record ClassRosterDto(ClassOccurrenceDto Class, IReadOnlyList<ClassRosterLineDto> Lines);
