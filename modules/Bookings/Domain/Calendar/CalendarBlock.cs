namespace Derrimut.Bookings.Domain.Calendar;

/// <summary>
/// One occupied quarter hour of a trainer's time (decision 0027). A commitment from 9:00 to 10:00 is four rows,
/// 9:00, 9:15, 9:30 and 9:45. The unique index on (location, trainer, block start) makes the database refuse a
/// second commitment that overlaps the first on every provider; the unique index on (location, member, block start)
/// does the same for a member's own sessions. Releasing a commitment deletes its rows.
/// </summary>
internal sealed class CalendarBlock : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid TrainerId { get; set; }

    /// <summary>The member whose session this is; null for commitments with no one member (a class the trainer leads).</summary>
    public Guid? MemberId { get; set; }

    /// <summary>The block's start (UTC instant), on a quarter-hour boundary.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>What holds the time: <see cref="CommitmentKinds"/>.</summary>
    public string CommitmentKind { get; set; } = "";

    /// <summary>The id of the PT session, class occurrence or other commitment that holds the time.</summary>
    public Guid CommitmentId { get; set; }
}

/// <summary>The kinds of commitment on a trainer's calendar.</summary>
internal static class CommitmentKinds
{
    /// <summary>A personal training session with one member.</summary>
    public const string PtSession = "pt-session";

    /// <summary>A class occurrence the trainer leads (issue 14).</summary>
    public const string ClassOccurrence = "class-occurrence";
}
