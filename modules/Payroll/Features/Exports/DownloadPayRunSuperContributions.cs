using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Domain.Exports;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Exports;

/// <summary>A finalised run's super guarantee contributions as clearing-house CSV, one line per employee and fund (<c>GET /api/payroll/pay-runs/{id}/super-contributions</c>).</summary>
internal sealed class DownloadPayRunSuperContributionsHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<(string FileName, string Content)> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: false, cancellationToken);
        if (run.Status != PayRunStatus.Finalised)
        {
            throw new ConflictException("Super contributions are exported from finalised runs only: finalise the run first.", "status");
        }

        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id && p.SuperCents > 0).OrderBy(p => p.EmployeeName).ToListAsync(cancellationToken);
        var csv = SuperContributionsCsv.Write(payslips.Select(p => new SuperContributionLine(
            p.EmployeeName, p.SuperFundName, p.SuperFundUsi, p.SuperMemberNumber,
            // The payslip keeps the scale, not the TFN: scale 4 is exactly "no TFN provided".
            TfnProvided: p.Scale != (int)WithholdingScale.Scale4,
            p.OrdinaryTimeEarningsCents, p.SuperCents, run.PeriodStart, run.PeriodEnd, run.PaidOn,
            // Runs finalised before due dates were recorded: the quarterly rule (28 days after the quarter).
            p.SuperDueOn ?? SuperQuarter.Containing(run.PaidOn).End.AddDays(28))));
        return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}-super.csv", csv);
    }
}

/// <summary>The endpoint of <see cref="DownloadPayRunSuperContributionsHandler"/>.</summary>
internal static class DownloadPayRunSuperContributionsEndpoint
{
    public static RouteGroupBuilder MapDownloadPayRunSuperContributions(this RouteGroupBuilder admin)
    {
        admin.MapGet("/pay-runs/{id:guid}/super-contributions", async (Guid id, DownloadPayRunSuperContributionsHandler h, CancellationToken ct) =>
        {
            var (name, content) = await h.HandleAsync(id, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(content), "text/csv", name);
        }).WithName("DownloadPayRunSuperContributions")
            .WithSummary("A finalised run's super guarantee contributions as clearing-house CSV (fund ABN/USI, member number, TFN-provided flag, QE, SG, due date).");
        return admin;
    }
}
