using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features.ReportingReads;

internal sealed class MembershipReadModel(DerrimutDbContext db) : IMembershipReadModel
{
    public IQueryable<MembershipRow> Memberships => db.Set<Membership>().AsNoTracking().Select(m => new MembershipRow
    {
        Id = m.Id, UserId = m.UserId, PlanCode = m.PlanCode, Status = m.Status, StartedAt = m.StartedAt, EndedAt = m.EndedAt, IsFrozen = m.IsFrozen,
    });

    // The ledger's kinds are stored as names; each maps to the contract's kind of the same name (a cast would compare a
    // name with a number in SQL).
    public IQueryable<LedgerRow> Ledger => db.Set<LedgerEntry>().AsNoTracking().Select(l => new LedgerRow
    {
        Id = l.Id, UserId = l.UserId,
        Kind = l.Kind == LedgerEntryKind.Charge ? LedgerLineKind.Charge : l.Kind == LedgerEntryKind.Refund ? LedgerLineKind.Refund : LedgerLineKind.FailedPayment, OccurredAt = l.OccurredAt, AmountCents = l.AmountCents, GstCents = l.GstCents, Description = l.Description,
    });
}
