using Derrimut.BuildingBlocks.Http;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Dashboard;
using Derrimut.Reporting.Features.Franchise;
using Derrimut.Reporting.Features.Platform;
using Derrimut.Reporting.Features.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Reporting.Features;

/// <summary>
/// <c>/api/reports</c>: the location's dashboard and reports (location sites, <c>view:organization_reports</c>), the
/// franchise roll-up (the franchise's site, the same permission held at the franchise) and the platform view
/// (platform site, <c>view:all_reports</c>). Reads only: the tenant filter of the site's own scope bounds every query.
/// </summary>
internal static class ReportingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reporting: dashboards and reports");

        reports.MapGet("/dashboard", async (LocationDashboardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireLocation().RequireAuthorization(ReportingPermissions.ViewOrganizationReports)
            .WithName("GetLocationDashboard").WithSummary("The gym's dashboard tiles: today's and this month's figures in the gym's local time.");

        reports.MapGet("/franchise/dashboard", async (FranchiseDashboardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireTenant().RequireAuthorization(ReportingPermissions.ViewOrganizationReports)
            .WithName("GetFranchiseDashboard").WithSummary("The franchise's locations' dashboards side by side and in total (the franchise's site).");

        reports.MapGet("/platform", async (PlatformDashboardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePlatformScope().RequireAuthorization(ReportingPermissions.ViewAllReports)
            .WithName("GetPlatformDashboard").WithSummary("Every franchise's gyms' figures and totals, growth over twelve months and webhook health (superadmins, platform site).");

        reports.MapGet("/{report}", async Task<IResult> (string report, string? from, string? to, string? by, string? format, ReportsHandler handler, CancellationToken ct) =>
            {
                if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    return new CsvResult(handler.Export(report, from, to));
                }

                if (!string.IsNullOrEmpty(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ValidationException(new Dictionary<string, string[]> { ["format"] = ["Ask for json or csv."] });
                }

                return TypedResults.Ok(await handler.HandleAsync(report, from, to, by, ct));
            })
            .RequireLocation().RequireAuthorization(ReportingPermissions.ViewOrganizationReports)
            .Produces<ReportDto>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("GetReport")
            .WithSummary("A report over local days from..to (membership, revenue, attendance, trainers, shop, payroll); format=csv streams its detail rows.");
    }

    public static IServiceCollection AddReportingUseCases(this IServiceCollection services) => services
        .AddScoped<RollUp.RollUpReader>()
        .AddScoped<RollUp.DailyRollUp>()
        .AddScoped<RevenueFigures>()
        .AddScoped<LocationDashboardHandler>()
        .AddScoped<Dashboard.LocationDashboardReader>()
        .AddScoped<ReportsHandler>()
        .AddScoped<FranchiseDashboardHandler>()
        .AddScoped<PlatformDashboardHandler>();
}
