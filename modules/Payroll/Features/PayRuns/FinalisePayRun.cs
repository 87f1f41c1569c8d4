using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>Finalises an approved run: locks it and marks its timesheets and sessions paid, in one save guarded by every version (<c>POST /api/payroll/pay-runs/{id}/finalise</c>).</summary>
internal sealed class FinalisePayRunHandler(DerrimutDbContext db, TimeProvider time, PayrollBook book)
{
    public async Task<PayRunDetailDto> HandleAsync(Guid id, Guid finalisedBy, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: true, cancellationToken);
        PayrollBook.RequireStatus(run, PayRunStatus.Approved, "finalised");
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).ToListAsync(cancellationToken);
        var entryIds = payslips.SelectMany(p => p.TimesheetEntryIds).ToList();
        var sessionIds = payslips.SelectMany(p => p.SessionIds).ToList();
        var entries = await db.Set<TimesheetEntry>().Where(e => entryIds.Contains(e.Id)).ToListAsync(cancellationToken);
        var sessions = await db.Set<CompletedSession>().Where(c => sessionIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (entries.Count != entryIds.Count || sessions.Count != sessionIds.Count
            || entries.Any(e => e.PaidInRunId is not null || e.Status != TimesheetStatus.Approved) || sessions.Any(c => c.PaidInRunId is not null))
        {
            throw new ConflictException("Timesheets or sessions in this run changed or were paid by another run since it was calculated; move it back to draft by deleting and recreating it.", "version");
        }

        foreach (var entry in entries)
        {
            entry.PaidInRunId = run.Id;
        }

        foreach (var session in sessions)
        {
            session.PaidInRunId = run.Id;
        }

        run.Status = PayRunStatus.Finalised;
        run.FinalisedBy = finalisedBy;
        run.FinalisedAt = time.GetUtcNow();
        // One save: the run's version and every entry's version guard it, so a second finalise (or a racing
        // timesheet edit) fails as a whole and nothing is half-written.
        await book.SaveAsync("version", "This pay run was finalised or changed by someone else at the same time; reload it.", cancellationToken);
        return await book.GetPayRunAsync(id, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="FinalisePayRunHandler"/>.</summary>
internal static class FinalisePayRunEndpoint
{
    public static RouteGroupBuilder MapFinalisePayRun(this RouteGroupBuilder writes)
    {
        writes.MapPost("/pay-runs/{id:guid}/finalise", (Guid id, ClaimsPrincipal me, FinalisePayRunHandler h, CancellationToken ct) => h.HandleAsync(id, PayrollEndpoints.Me(me), ct)).WithName("FinalisePayRun");
        return writes;
    }
}
