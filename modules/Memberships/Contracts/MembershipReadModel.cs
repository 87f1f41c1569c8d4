namespace Derrimut.Memberships.Contracts;

/// <summary>
/// A membership as reports read it. A row type with init properties (not a positional record) so queries composed
/// over it — a filter on a date, a group by plan — translate to one SQL statement.
/// </summary>
public sealed class MembershipRow
{
    /// <summary>The membership's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The member.</summary>
    public Guid UserId { get; init; }

    /// <summary>The plan's code, e.g. <c>flexi</c>.</summary>
    public string PlanCode { get; init; } = "";

    /// <summary>Where it is in its life now.</summary>
    public MembershipStatus Status { get; init; }

    /// <summary>When the first payment cleared (the join), UTC; null while pending or when it never started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended (cancelled or expired), UTC.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Whether it is frozen now.</summary>
    public bool IsFrozen { get; init; }
}

/// <summary>A line of a member's ledger as reports read it (amounts GST-inclusive cents; refunds negative).</summary>
public sealed class LedgerRow
{
    /// <summary>The line's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The member.</summary>
    public Guid UserId { get; init; }

    /// <summary>Charge, refund or failed payment.</summary>
    public LedgerLineKind Kind { get; init; }

    /// <summary>When it happened at the gateway, UTC.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>GST-inclusive cents: positive for charges and failed attempts, negative for refunds.</summary>
    public long AmountCents { get; init; }

    /// <summary>The GST in the amount, as the ledger recorded it.</summary>
    public long GstCents { get; init; }

    /// <summary>What the line was for.</summary>
    public string Description { get; init; } = "";
}

/// <summary>
/// Memberships' read contract for reports: the current location's memberships and ledger as queryable rows on the
/// caller's own DbContext (the tenant filter applies), so a report is one indexed SQL statement and never touches
/// Memberships' entities.
/// </summary>
public interface IMembershipReadModel
{
    /// <summary>The location's memberships.</summary>
    IQueryable<MembershipRow> Memberships { get; }

    /// <summary>The location's ledger lines.</summary>
    IQueryable<LedgerRow> Ledger { get; }
}
