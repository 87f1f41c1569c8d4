using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>Recalculates a draft after timesheet or settings changes (<c>POST /api/payroll/pay-runs/{id}/recalculate</c>).</summary>
internal sealed class RecalculatePayRunHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<PayRunDetailDto> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: true, cancellationToken);
        PayrollBook.RequireStatus(run, PayRunStatus.Draft, "recalculated");
        await db.Set<Payslip>().Where(p => p.PayRunId == id).ExecuteDeleteAsync(cancellationToken);
        var payslips = await book.CalculateAsync(run, cancellationToken);
        db.Entry(run).State = EntityState.Modified;
        await book.SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
        return await book.DetailAsync(run, payslips, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="RecalculatePayRunHandler"/>.</summary>
internal static class RecalculatePayRunEndpoint
{
    public static RouteGroupBuilder MapRecalculatePayRun(this RouteGroupBuilder writes)
    {
        writes.MapPost("/pay-runs/{id:guid}/recalculate", (Guid id, RecalculatePayRunHandler h, CancellationToken ct) => h.HandleAsync(id, ct)).WithName("RecalculatePayRun");
        return writes;
    }
}
