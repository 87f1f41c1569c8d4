using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features.ReportingReads;

/// <summary>Freezes paired from the audit trail the freeze request and the freeze expiry job write (see the contract).</summary>
internal sealed class MembershipFreezeReadModel(DerrimutDbContext db) : IMembershipFreezeReadModel
{
    /// <summary>The audit action of a member's accepted freeze request.</summary>
    public const string Requested = "freeze-requested";

    /// <summary>The audit action of the expiry job ending a freeze.</summary>
    public const string Ended = "freeze-ended";

    public IQueryable<MembershipFreezeRow> Freezes
    {
        get
        {
            var audit = db.Set<MembershipAuditEntry>().AsNoTracking();
            return
                from a in audit
                where a.Action == Requested
                join m in db.Set<Membership>().AsNoTracking() on a.MembershipId equals m.Id
                let next = audit
                    .Where(e => e.MembershipId == a.MembershipId && (e.Action == Ended || e.Action == Requested) && e.At > a.At)
                    .OrderBy(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefault()
                select new MembershipFreezeRow
                {
                    MembershipId = a.MembershipId,
                    StartedAt = a.At,
                    EndedAt = next ?? (m.EndedAt != null ? m.EndedAt : m.IsFrozen ? null : m.StateAsOf),
                };
        }
    }
}
