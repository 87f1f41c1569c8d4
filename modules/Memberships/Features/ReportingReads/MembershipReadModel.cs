using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features.ReportingReads;

internal sealed class MembershipReadModel(DerrimutDbContext db) : IMembershipReadModel
{
    public IQueryable<MembershipRow> Memberships => db.Set<Membership>().AsNoTracking().Select(m => new MembershipRow
    {
        Id = m.Id, UserId = m.UserId, PlanCode = m.PlanCode, Status = m.Status, StartedAt = m.StartedAt, EndedAt = m.EndedAt, IsFrozen = m.IsFrozen,
    });

    // The ledger's kinds map one to one onto the contract's (same names and numbers).
    public IQueryable<LedgerRow> Ledger => db.Set<LedgerEntry>().AsNoTracking().Select(l => new LedgerRow
    {
        Id = l.Id, UserId = l.UserId, Kind = (LedgerLineKind)(int)l.Kind, OccurredAt = l.OccurredAt, AmountCents = l.AmountCents, GstCents = l.GstCents, Description = l.Description,
    });
}
