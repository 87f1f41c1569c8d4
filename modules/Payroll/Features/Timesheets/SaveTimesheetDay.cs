using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

namespace Derrimut.Payroll.Features.Timesheets;

/// <summary>Enters a day's hours. <paramref name="asAdmin"/>: payroll staff entering for anyone (the day stays as it was approved or not, <c>PUT /api/payroll/timesheets/{userId}/{date}</c>); otherwise the person entering their own day, which (re)submits it for approval (<c>PUT /api/payroll/me/timesheets/{date}</c>).</summary>
internal sealed class SaveTimesheetDayHandler(DerrimutDbContext db, IStaffDirectory staff, TimeProvider time, PayrollBook book)
{
    public async Task<TimesheetDayDto> HandleAsync(Guid userId, DateOnly date, TimesheetDayInput input, Guid enteredBy, bool asAdmin, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var ordinary = input.OrdinaryHours ?? 0m;
        var overtime = input.OvertimeHours ?? 0m;
        errors.AddIf(ordinary is < 0m or > 24m || decimal.Round(ordinary, 2) != ordinary, "ordinaryHours", "Hours are 0 to 24, with at most two decimals (e.g. 7.5).");
        errors.AddIf(overtime is < 0m or > 24m || decimal.Round(overtime, 2) != overtime, "overtimeHours", "Hours are 0 to 24, with at most two decimals.");
        errors.AddIf(ordinary + overtime > 24m, "overtimeHours", "A day has at most 24 hours.");
        errors.MaxLength(input.Note, "note", 500);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        errors.AddIf(date > today.AddDays(1), "date", "Hours can't be entered for a day that hasn't happened yet.");
        errors.ThrowIfAny();

        if (await staff.FindAsync(userId, cancellationToken) is null)
        {
            throw new NotFoundException("This person does not work at this gym.");
        }

        var entry = await db.Set<TimesheetEntry>().FirstOrDefaultAsync(e => e.UserId == userId && e.WorkDate == date, cancellationToken);
        if (entry?.PaidInRunId is not null)
        {
            throw new ConflictException($"The hours for {Iso(date)} were paid in a finalised pay run and are locked; correct them with an adjusting run.", "date");
        }

        if (entry is null)
        {
            entry = new TimesheetEntry { UserId = userId, WorkDate = date, Status = TimesheetStatus.Submitted };
            db.Add(entry);
        }
        else if (!asAdmin || (entry.OrdinaryHours != ordinary || entry.OvertimeHours != overtime))
        {
            // Changed hours need a fresh approval, unless an admin enters them (they approve them separately).
            entry.Status = TimesheetStatus.Submitted;
            entry.ApprovedBy = null;
            entry.ApprovedAt = null;
        }

        entry.OrdinaryHours = ordinary;
        entry.OvertimeHours = overtime;
        entry.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        entry.EnteredBy = enteredBy;
        await book.SaveAsync("date", $"Hours for {Iso(date)} were saved by someone else at the same time; reload and try again.", cancellationToken);
        return (await book.ToDtosAsync([entry], cancellationToken))[0];
    }
}

/// <summary>The endpoint of <see cref="SaveTimesheetDayHandler"/>.</summary>
internal static class SaveTimesheetDayEndpoint
{
    public static RouteGroupBuilder MapSaveTimesheetDay(this RouteGroupBuilder writes)
    {
        writes.MapPut("/timesheets/{userId:guid}/{date}", (Guid userId, string date, TimesheetDayInput body, ClaimsPrincipal me, SaveTimesheetDayHandler h, CancellationToken ct) =>
            h.HandleAsync(userId, PayrollEndpoints.Date(date, "date"), body, PayrollEndpoints.Me(me), asAdmin: true, ct)).WithName("SaveTimesheetDay");
        return writes;
    }

    public static RouteGroupBuilder MapSaveMyTimesheetDay(this RouteGroupBuilder own)
    {
        own.MapPut("/timesheets/{date}", (string date, TimesheetDayInput body, ClaimsPrincipal me, SaveTimesheetDayHandler h, CancellationToken ct) =>
            h.HandleAsync(PayrollEndpoints.Me(me), PayrollEndpoints.Date(date, "date"), body, PayrollEndpoints.Me(me), asAdmin: false, ct))
            .RequireAuthorization(PayrollPermissions.ManageOwnTimesheet).RequireRateLimiting(RateLimitPolicies.Writes).WithName("SaveMyTimesheetDay");
        return own;
    }
}
