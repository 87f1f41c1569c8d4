using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Timesheets;

/// <summary>Timesheet days in a date range (at most 93 days), optionally for one person: anyone's for payroll staff (<c>GET /api/payroll/timesheets</c>), a person's own (<c>GET /api/payroll/me/timesheets</c>).</summary>
internal sealed class ListTimesheetsHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<IReadOnlyList<TimesheetDayDto>> HandleAsync(DateOnly from, DateOnly to, Guid? userId, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= PayrollBook.MaximumTimesheetRangeDays)
        {
            throw new ValidationException("to", $"Give a range of at most {PayrollBook.MaximumTimesheetRangeDays} days, 'to' on or after 'from'.");
        }

        var query = db.Set<TimesheetEntry>().AsNoTracking().Where(e => e.WorkDate >= from && e.WorkDate <= to);
        if (userId is { } id)
        {
            query = query.Where(e => e.UserId == id);
        }

        var entries = await query.OrderBy(e => e.WorkDate).ToListAsync(cancellationToken);
        return await book.ToDtosAsync(entries, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="ListTimesheetsHandler"/>.</summary>
internal static class ListTimesheetsEndpoint
{
    public static RouteGroupBuilder MapListTimesheets(this RouteGroupBuilder admin)
    {
        admin.MapGet("/timesheets", (string? from, string? to, Guid? userId, ListTimesheetsHandler h, CancellationToken ct) =>
        {
            var (f, t) = PayrollEndpoints.Range(from, to);
            return h.HandleAsync(f, t, userId, ct);
        }).WithName("ListTimesheets");
        return admin;
    }

    public static RouteGroupBuilder MapListMyTimesheets(this RouteGroupBuilder own)
    {
        own.MapGet("/timesheets", (string? from, string? to, ClaimsPrincipal me, ListTimesheetsHandler h, CancellationToken ct) =>
        {
            var (f, t) = PayrollEndpoints.Range(from, to);
            return h.HandleAsync(f, t, PayrollEndpoints.Me(me), ct);
        }).RequireAuthorization(PayrollPermissions.ManageOwnTimesheet).WithName("ListMyTimesheets");
        return own;
    }
}
