using System.Security.Claims;
using System.Text;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Payroll.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Administration;

/// <summary>Body of <c>POST /api/payroll/timesheets/approve</c>.</summary>
internal sealed record ApproveTimesheetsRequest(IReadOnlyList<Guid>? EntryIds);

/// <summary>
/// <c>/api/payroll/…</c>: pay settings, employer details, public holidays, timesheets and pay runs for payroll
/// staff (<c>manage:payroll</c>), and <c>/api/payroll/me/…</c> for a trainer's or staff member's own hours and
/// payslips. Thin: the rules live in <see cref="PayrollAdmin"/>, which the pages use too.
/// </summary>
internal static class PayrollEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/payroll").RequireLocation().RequireAuthorization(PayrollPermissions.ManagePayroll).WithTags("Payroll: administration");
        var writes = admin.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);

        admin.MapGet("/employees", (IPayrollAdmin p, CancellationToken ct) => p.ListEmployeesAsync(ct)).WithName("ListPayrollEmployees");
        writes.MapPut("/employees/{userId:guid}/settings", (Guid userId, EmployeePaySettingsInput body, IPayrollAdmin p, CancellationToken ct) => p.SaveSettingsAsync(userId, body, ct))
            .WithName("SaveEmployeePaySettings");
        admin.MapGet("/employer", (IPayrollAdmin p, CancellationToken ct) => p.GetEmployerAsync(ct)).WithName("GetEmployerPaySettings");
        writes.MapPut("/employer", (EmployerPaySettingsInput body, IPayrollAdmin p, CancellationToken ct) => p.SaveEmployerAsync(body, ct)).WithName("SaveEmployerPaySettings");

        admin.MapGet("/public-holidays", (int? year, IPayrollAdmin p, TimeProvider time, CancellationToken ct) => p.ListHolidaysAsync(year ?? time.GetUtcNow().Year, ct))
            .WithName("ListPublicHolidays");
        writes.MapPost("/public-holidays", async (PublicHolidayInput body, IPayrollAdmin p, CancellationToken ct) =>
        {
            var holiday = await p.AddHolidayAsync(body, ct);
            return TypedResults.Created($"/api/payroll/public-holidays/{holiday.Id}", holiday);
        }).WithName("AddPublicHoliday");
        writes.MapDelete("/public-holidays/{id:guid}", async (Guid id, IPayrollAdmin p, CancellationToken ct) =>
        {
            await p.RemoveHolidayAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("RemovePublicHoliday");

        admin.MapGet("/timesheets", (string? from, string? to, Guid? userId, IPayrollAdmin p, CancellationToken ct) =>
        {
            var (f, t) = Range(from, to);
            return p.ListTimesheetsAsync(f, t, userId, ct);
        }).WithName("ListTimesheets");
        writes.MapPut("/timesheets/{userId:guid}/{date}", (Guid userId, string date, TimesheetDayInput body, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) =>
            p.SaveTimesheetDayAsync(userId, Date(date, "date"), body, Me(me), asAdmin: true, ct)).WithName("SaveTimesheetDay");
        writes.MapPost("/timesheets/approve", (ApproveTimesheetsRequest body, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) =>
            p.ApproveTimesheetDaysAsync(body.EntryIds ?? [], Me(me), ct)).WithName("ApproveTimesheetDays");

        admin.MapGet("/pay-runs", (IPayrollAdmin p, CancellationToken ct) => p.ListPayRunsAsync(ct)).WithName("ListPayRuns");
        writes.MapPost("/pay-runs", async (NewPayRunInput body, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) =>
        {
            var run = await p.CreatePayRunAsync(body, Me(me), ct);
            return TypedResults.Created($"/api/payroll/pay-runs/{run.Run.Id}", run);
        }).WithName("CreatePayRun");
        admin.MapGet("/pay-runs/{id:guid}", (Guid id, IPayrollAdmin p, CancellationToken ct) => p.GetPayRunAsync(id, ct)).WithName("GetPayRun");
        writes.MapPost("/pay-runs/{id:guid}/recalculate", (Guid id, IPayrollAdmin p, CancellationToken ct) => p.RecalculatePayRunAsync(id, ct)).WithName("RecalculatePayRun");
        writes.MapPost("/pay-runs/{id:guid}/approve", (Guid id, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) => p.ApprovePayRunAsync(id, Me(me), ct)).WithName("ApprovePayRun");
        writes.MapPost("/pay-runs/{id:guid}/finalise", (Guid id, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) => p.FinalisePayRunAsync(id, Me(me), ct)).WithName("FinalisePayRun");
        writes.MapDelete("/pay-runs/{id:guid}", async (Guid id, IPayrollAdmin p, CancellationToken ct) =>
        {
            await p.DeletePayRunAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeletePayRun");
        admin.MapGet("/pay-runs/{id:guid}/aba", async (Guid id, IPayrollAdmin p, CancellationToken ct) =>
        {
            var (name, content) = await p.AbaFileAsync(id, ct);
            return TypedResults.File(Encoding.ASCII.GetBytes(content), "text/plain", name);
        }).WithName("DownloadPayRunAbaFile");
        admin.MapGet("/pay-runs/{id:guid}/csv", async (Guid id, IPayrollAdmin p, CancellationToken ct) =>
        {
            var (name, content) = await p.CsvAsync(id, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(content), "text/csv", name);
        }).WithName("DownloadPayRunCsv");
        admin.MapGet("/pay-runs/{id:guid}/super-contributions", async (Guid id, IPayrollAdmin p, CancellationToken ct) =>
        {
            var (name, content) = await p.SuperContributionsCsvAsync(id, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(content), "text/csv", name);
        }).WithName("DownloadPayRunSuperContributions")
            .WithSummary("A finalised run's super guarantee contributions as clearing-house CSV (fund ABN/USI, member number, TFN-provided flag, QE, SG, due date).");
        admin.MapGet("/payslips/{id:guid}", (Guid id, IPayrollAdmin p, CancellationToken ct) => p.GetPayslipAsync(id, ct)).WithName("GetPayslip");

        var own = api.MapGroup("/payroll/me").RequireLocation().WithTags("Payroll: my pay");
        own.MapGet("/timesheets", (string? from, string? to, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) =>
        {
            var (f, t) = Range(from, to);
            return p.ListTimesheetsAsync(f, t, Me(me), ct);
        }).RequireAuthorization(PayrollPermissions.ManageOwnTimesheet).WithName("ListMyTimesheets");
        own.MapPut("/timesheets/{date}", (string date, TimesheetDayInput body, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) =>
            p.SaveTimesheetDayAsync(Me(me), Date(date, "date"), body, Me(me), asAdmin: false, ct))
            .RequireAuthorization(PayrollPermissions.ManageOwnTimesheet).RequireRateLimiting(RateLimitPolicies.Writes).WithName("SaveMyTimesheetDay");
        own.MapGet("/payslips", (ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) => p.MyPayslipsAsync(Me(me), ct))
            .RequireAuthorization(PayrollPermissions.ViewOwnPayslips).WithName("ListMyPayslips");
        own.MapGet("/payslips/{id:guid}", (Guid id, ClaimsPrincipal me, IPayrollAdmin p, CancellationToken ct) => p.MyPayslipAsync(Me(me), id, ct))
            .RequireAuthorization(PayrollPermissions.ViewOwnPayslips).WithName("GetMyPayslip");
    }

    /// <summary>The signed-in person (cookie <c>NameIdentifier</c> or token <c>sub</c>); integration clients have none.</summary>
    internal static Guid Me(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new ForbiddenException("Payroll actions are taken by a signed-in person, not an integration client.");

    private static DateOnly Date(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException(field, "Give the date as yyyy-MM-dd.");

    private static (DateOnly From, DateOnly To) Range(string? from, string? to)
    {
        var errors = new ValidationErrors();
        DateOnly f = default, t = default;
        errors.AddIf(!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out f), "from", "Give the first day as yyyy-MM-dd.");
        errors.AddIf(!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out t), "to", "Give the last day as yyyy-MM-dd.");
        errors.ThrowIfAny();
        return (f, t);
    }
}
