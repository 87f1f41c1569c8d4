using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Timesheets;

/// <summary>Body of <c>POST /api/payroll/timesheets/approve</c>.</summary>
internal sealed record ApproveTimesheetsRequest(IReadOnlyList<Guid>? EntryIds);

/// <summary>Approves timesheet days (<c>POST /api/payroll/timesheets/approve</c>).</summary>
internal sealed class ApproveTimesheetDaysHandler(DerrimutDbContext db, TimeProvider time, PayrollBook book)
{
    public async Task<IReadOnlyList<TimesheetDayDto>> HandleAsync(IReadOnlyList<Guid> entryIds, Guid approvedBy, CancellationToken cancellationToken)
    {
        if (entryIds.Count is 0 or > 500)
        {
            throw new ValidationException("entryIds", "Give 1 to 500 timesheet day ids to approve.");
        }

        var ids = entryIds.Distinct().ToList();
        var entries = await db.Set<TimesheetEntry>().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        if (entries.Count != ids.Count)
        {
            throw new NotFoundException("Some of these timesheet days are not at this gym.");
        }

        var now = time.GetUtcNow();
        foreach (var entry in entries.Where(e => e.Status != TimesheetStatus.Approved && e.PaidInRunId is null))
        {
            entry.Status = TimesheetStatus.Approved;
            entry.ApprovedBy = approvedBy;
            entry.ApprovedAt = now;
        }

        await book.SaveAsync("entryIds", "Some of these days changed while you approved them; reload and approve again.", cancellationToken);
        return await book.ToDtosAsync(entries, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="ApproveTimesheetDaysHandler"/>.</summary>
internal static class ApproveTimesheetDaysEndpoint
{
    public static RouteGroupBuilder MapApproveTimesheetDays(this RouteGroupBuilder writes)
    {
        writes.MapPost("/timesheets/approve", (ApproveTimesheetsRequest body, ClaimsPrincipal me, ApproveTimesheetDaysHandler h, CancellationToken ct) =>
            h.HandleAsync(body.EntryIds ?? [], PayrollEndpoints.Me(me), ct)).WithName("ApproveTimesheetDays");
        return writes;
    }
}
