namespace Derrimut.Bookings.Contracts;

/// <summary>One booked member of one class on the attendance list.</summary>
/// <param name="OccurrenceId">The class.</param>
/// <param name="ClassName">Its name.</param>
/// <param name="Start">Its start (gym time).</param>
/// <param name="Instructor">Who led it.</param>
/// <param name="MemberId">The member.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="Attendance"><c>checked_in</c>, <c>no_show</c> or <c>expected</c> (the class has not started, or is inside its grace period).</param>
/// <param name="CheckedInAt">When their check-in marked them, if it did.</param>
public sealed record AttendanceLineDto(
    Guid OccurrenceId, string ClassName, DateTimeOffset Start, string Instructor, Guid MemberId, string MemberName, string Attendance, DateTimeOffset? CheckedInAt);

/// <summary>A visit one of this gym's members made to another gym of the franchise (reported to the home gym).</summary>
/// <param name="CheckInId">The visit, as recorded at the visited gym.</param>
/// <param name="MemberId">The member.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="VisitedLocation">The gym they visited.</param>
/// <param name="Place">"Front desk" or the door's name.</param>
/// <param name="At">When (gym time).</param>
public sealed record VisitElsewhereDto(Guid CheckInId, Guid MemberId, string MemberName, string VisitedLocation, string Place, DateTimeOffset At);

/// <summary>A member card number assigned at this gym (an alternative to the QR code at doors and the desk).</summary>
/// <param name="MemberId">The member.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="CardNumber">The number printed on or encoded in the card.</param>
/// <param name="AssignedAt">When staff assigned it.</param>
public sealed record MemberCardDto(Guid MemberId, string MemberName, string CardNumber, DateTimeOffset AssignedAt);

/// <summary>One page of the gym's member cards, in member-name order, with the total the search matches.</summary>
public sealed record MemberCardPage(IReadOnlyList<MemberCardDto> Items, int Total, int Page, int PageSize);
