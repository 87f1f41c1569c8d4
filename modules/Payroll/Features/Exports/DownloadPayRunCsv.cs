using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Exports;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Exports;

/// <summary>The run as CSV (<c>GET /api/payroll/pay-runs/{id}/csv</c>).</summary>
internal sealed class DownloadPayRunCsvHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<(string FileName, string Content)> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: false, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).OrderBy(p => p.EmployeeName).ToListAsync(cancellationToken);
        var csv = PayRunCsv.Write(payslips.Select(p => new PayRunCsvLine(p.EmployeeName, run.PeriodStart, run.PeriodEnd, run.PaidOn, p.Hours, p.GrossCents, p.WithholdingCents, p.SuperCents, p.NetCents)));
        return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}.csv", csv);
    }
}

/// <summary>The endpoint of <see cref="DownloadPayRunCsvHandler"/>.</summary>
internal static class DownloadPayRunCsvEndpoint
{
    public static RouteGroupBuilder MapDownloadPayRunCsv(this RouteGroupBuilder admin)
    {
        admin.MapGet("/pay-runs/{id:guid}/csv", async (Guid id, DownloadPayRunCsvHandler h, CancellationToken ct) =>
        {
            var (name, content) = await h.HandleAsync(id, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(content), "text/csv", name);
        }).WithName("DownloadPayRunCsv");
        return admin;
    }
}
