using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>Pay runs, newest first (<c>GET /api/payroll/pay-runs</c>).</summary>
internal sealed class ListPayRunsHandler(DerrimutDbContext db)
{
    public async Task<IReadOnlyList<PayRunSummaryDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var runs = await db.Set<PayRun>().AsNoTracking().OrderByDescending(r => r.Number).Take(200).ToListAsync(cancellationToken);
        var counts = await db.Set<Payslip>().AsNoTracking().GroupBy(p => p.PayRunId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. runs.Select(r => PayrollBook.Summary(r, counts.GetValueOrDefault(r.Id)))];
    }
}

/// <summary>The endpoint of <see cref="ListPayRunsHandler"/>.</summary>
internal static class ListPayRunsEndpoint
{
    public static RouteGroupBuilder MapListPayRuns(this RouteGroupBuilder admin)
    {
        admin.MapGet("/pay-runs", (ListPayRunsHandler h, CancellationToken ct) => h.HandleAsync(ct)).WithName("ListPayRuns");
        return admin;
    }
}
