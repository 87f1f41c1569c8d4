using Derrimut.Billing;
using Derrimut.Bookings;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Ui;
using Derrimut.Identity;
using Derrimut.Marketplace;
using Derrimut.Memberships;
using Derrimut.Organizations;
using Derrimut.Payroll;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Data;
using Derrimut.Reporting.Features;
using Derrimut.Reporting.Features.Dashboard;
using Derrimut.Reporting.Features.RollUp;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Reporting;

/// <summary>
/// Dashboards and reports: the location dashboard (<c>/admin</c>), reports with CSV export, the franchise roll-up and
/// the platform view. Reads the other modules' read contracts (decision 0053) and owns one thing: the daily roll-up of
/// each gym's closed days, so a year is read as 365 rows (decision 0073).
/// </summary>
public sealed class ReportingModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Reporting";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn =>
    [
        typeof(OrganizationsModule), typeof(IdentityModule), typeof(BillingModule), typeof(MembershipsModule), typeof(BookingsModule),
        typeof(MarketplaceModule), typeof(PayrollModule),
    ];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(ReportingEndpointJson.Default);
        builder.Services.AddCacheJson(ReportingCacheJson.Default);
        builder.Services.AddPageStateJson(ReportingPageStateJson.Default.DashboardDto);
        builder.Services.AddReportingUseCases();
        var seconds = builder.Configuration.GetValue("Reporting:DashboardCacheSeconds", DashboardFiguresCache.DefaultSeconds);
        if (seconds is < 0 or > 300)
        {
            throw new InvalidOperationException($"Reporting:DashboardCacheSeconds must be between 0 and 300 (it is {seconds}).");
        }

        builder.Services.AddSingleton(sp => new DashboardFiguresCache(sp.GetRequiredService<HybridCache>(), TimeSpan.FromSeconds(seconds)));
        builder.Services.AddSingleton<ILiveUpdateObserver>(sp => sp.GetRequiredService<DashboardFiguresCache>());
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => ReportingModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void ConfigureJobs(JobDefinitionContext context) => context
        .AddRecurring<ReportRollUpJob>(ReportRollUpJob.Name, ReportRollUpJob.DefaultSchedule,
            "Sums each gym's closed days into the reports' daily roll-up (and the last week again, for late records).");

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => ReportingEndpoints.Map(api);

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(ReportingPermissions.ViewOrganizationReports, "See this gym's dashboard and reports, and export them as CSV (on a franchise's site: its gyms side by side).")
        .Add(ReportingPermissions.ViewAllReports, "See every franchise's and gym's figures side by side on the platform.", PermissionScope.Platform);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(ReportingModule).Assembly)
        .AddNavigation(new(Portal.Admin, "Dashboard", "/admin", MudBlazor.Icons.Material.Outlined.Dashboard,
            ReportingPermissions.ViewOrganizationReports, SiteKinds.Location | SiteKinds.Franchise, Order: -1, MatchExactly: true))
        .AddNavigation(new(Portal.Admin, "Reports", "/admin/reports", MudBlazor.Icons.Material.Outlined.Insights,
            ReportingPermissions.ViewOrganizationReports, Order: 5))
        .AddNavigation(new(Portal.Platform, "Platform figures", "/platform/reports", MudBlazor.Icons.Material.Outlined.Insights,
            ReportingPermissions.ViewAllReports, SiteKinds.Platform, Order: 5));
}
