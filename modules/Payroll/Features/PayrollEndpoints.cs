using System.Security.Claims;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Features.Timesheets;
using Derrimut.Payroll.Features.PublicHolidays;
using Derrimut.Payroll.Features.Payslips;
using Derrimut.Payroll.Features.PaySettings;
using Derrimut.Payroll.Features.PayRuns;
using Derrimut.Payroll.Features.Exports;
using Derrimut.Payroll.Features.Employer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features;

/// <summary>
/// <c>/api/payroll/…</c>: pay settings, employer details, public holidays, timesheets and pay runs for payroll
/// staff (<c>manage:payroll</c>), and <c>/api/payroll/me/…</c> for a trainer's or staff member's own hours and
/// payslips. Each use case maps its own endpoint in its folder (its handler is the one the pages call); this file
/// only makes the groups, their policies and rate limits, in the order the API document lists them.
/// </summary>
internal static class PayrollEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/payroll").RequireLocation().RequireAuthorization(PayrollPermissions.ManagePayroll).WithTags("Payroll: administration");
        var writes = admin.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);

        admin.MapListPayrollEmployees();
        writes.MapSaveEmployeePaySettings();
        admin.MapGetEmployerPaySettings();
        writes.MapSaveEmployerPaySettings();
        BankDetails.BankDetailsEndpoints.MapRevealBankDetails(writes);
        BankDetails.BankDetailsEndpoints.MapBankDetailsAudit(admin);

        admin.MapListPublicHolidays();
        writes.MapAddPublicHoliday();
        writes.MapRemovePublicHoliday();

        admin.MapListTimesheets();
        writes.MapSaveTimesheetDay();
        writes.MapApproveTimesheetDays();

        admin.MapListPayRuns();
        writes.MapCreatePayRun();
        admin.MapGetPayRun();
        writes.MapRecalculatePayRun();
        writes.MapApprovePayRun();
        writes.MapFinalisePayRun();
        writes.MapDeletePayRun();
        admin.MapDownloadPayRunAbaFile();
        admin.MapDownloadPayRunCsv();
        admin.MapDownloadPayRunSuperContributions();
        admin.MapGetPayslip();

        var own = api.MapGroup("/payroll/me").RequireLocation().WithTags("Payroll: my pay");
        own.MapListMyTimesheets();
        own.MapSaveMyTimesheetDay();
        own.MapListMyPayslips();
        own.MapGetMyPayslip();
        TrainerSessions.TrainerEarningsEndpoint.MapTrainerEarnings(own);
    }

    /// <summary>The signed-in person (cookie <c>NameIdentifier</c> or token <c>sub</c>); integration clients have none.</summary>
    internal static Guid Me(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new ForbiddenException("Payroll actions are taken by a signed-in person, not an integration client.");

    internal static DateOnly Date(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException(field, "Give the date as yyyy-MM-dd.");

    internal static (DateOnly From, DateOnly To) Range(string? from, string? to)
    {
        var errors = new ValidationErrors();
        DateOnly f = default, t = default;
        errors.AddIf(!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out f), "from", "Give the first day as yyyy-MM-dd.");
        errors.AddIf(!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out t), "to", "Give the last day as yyyy-MM-dd.");
        errors.ThrowIfAny();
        return (f, t);
    }
}
