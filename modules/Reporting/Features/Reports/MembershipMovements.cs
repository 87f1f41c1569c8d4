using Derrimut.Memberships.Contracts;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>A membership starting or ending at an instant, on its plan (ends say whether it was a cancellation).</summary>
internal sealed record MembershipMovement(DateTimeOffset At, string PlanCode, bool Cancelled);

/// <summary>
/// The membership report's arithmetic, shared by the live report and the daily roll-up so the two cannot drift: the
/// memberships running at a period's start, then every start (a join) and every end inside it. Running at the end of
/// a bucket = running at the start + joins − ends up to it. Memberships that never started (a checkout abandoned)
/// count nowhere.
/// </summary>
internal static class MembershipMovements
{
    public static IQueryable<MembershipMovement> Joins(IMembershipReadModel memberships, DateTimeOffset start, DateTimeOffset end) =>
        memberships.Memberships.Where(m => m.StartedAt != null && m.StartedAt >= start && m.StartedAt < end)
            .Select(m => new MembershipMovement(m.StartedAt!.Value, m.PlanCode, false));

    public static IQueryable<MembershipMovement> Ends(IMembershipReadModel memberships, DateTimeOffset start, DateTimeOffset end) =>
        memberships.Memberships.Where(m => m.StartedAt != null && m.EndedAt != null && m.EndedAt >= start && m.EndedAt < end)
            .Select(m => new MembershipMovement(m.EndedAt!.Value, m.PlanCode, m.Status == MembershipStatus.Cancelled));

    /// <summary>Memberships running at an instant: started before it and not ended by it.</summary>
    public static Task<int> RunningAtAsync(IMembershipReadModel memberships, DateTimeOffset instant, CancellationToken cancellationToken) =>
        memberships.Memberships.CountAsync(m => m.StartedAt != null && m.StartedAt < instant && (m.EndedAt == null || m.EndedAt >= instant), cancellationToken);
}
