using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;

namespace Derrimut.Payroll.Features.ReportingReads;

internal sealed class PayrollReadModel(DerrimutDbContext db) : IPayrollReadModel
{
    public IQueryable<PayRunTotalsRow> PayRuns => db.Set<PayRun>().AsNoTracking().Select(r => new PayRunTotalsRow
    {
        Id = r.Id, Number = r.Number, PeriodStart = r.PeriodStart, PeriodEnd = r.PeriodEnd, PaidOn = r.PaidOn, IsFinalised = r.Status == PayRunStatus.Finalised,
        GrossCents = r.GrossCents, WithholdingCents = r.WithholdingCents, SuperCents = r.SuperCents, NetCents = r.NetCents,
    });
}
