namespace Derrimut.Memberships.Contracts;

/// <summary>
/// One freeze of a membership as reports read it: from the member's freeze request to when it ended (init properties
/// so composed queries translate to SQL).
/// </summary>
public sealed class MembershipFreezeRow
{
    /// <summary>The membership.</summary>
    public Guid MembershipId { get; init; }

    /// <summary>When the freeze began (the request was accepted), UTC.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended, UTC; null while the membership is still frozen.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}

/// <summary>
/// Memberships' read contract for freezes over time, from the module's own records of each freeze (the request that
/// began it and the expiry that ended it) on the caller's DbContext (the tenant filter applies). A freeze ends at the
/// first record of its end (or of a later freeze) after it began; without one, when the membership ended; without
/// that, while the membership is still frozen it is open, and otherwise the gateway resumed collection itself and the
/// freeze ended with the gateway's last change to the membership.
/// </summary>
public interface IMembershipFreezeReadModel
{
    /// <summary>The location's freezes.</summary>
    IQueryable<MembershipFreezeRow> Freezes { get; }
}
