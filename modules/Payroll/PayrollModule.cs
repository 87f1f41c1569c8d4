using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity;
using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Features;
using Derrimut.Payroll.Features.Calculator;
using Derrimut.Payroll.Features.Employer;
using Derrimut.Payroll.Features.Exports;
using Derrimut.Payroll.Features.PayRuns;
using Derrimut.Payroll.Features.PaySettings;
using Derrimut.Payroll.Features.Payslips;
using Derrimut.Payroll.Features.PublicHolidays;
using Derrimut.Payroll.Features.TaxTables;
using Derrimut.Payroll.Features.Timesheets;
using Derrimut.Payroll.Features.TrainerSessions;
using Derrimut.Payroll.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Payroll;

/// <summary>Australian payroll for a location's staff and trainers: PAYG withholding, super, pay runs, ABA files.</summary>
public sealed class PayrollModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Payroll";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(IdentityModule), typeof(Derrimut.Bookings.BookingsModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(PayrollEndpointJson.Default);
        JsonColumn.UseShape(PayrollColumnJson.Default.ListPayslipLine);
        JsonColumn.UseShape(PayrollColumnJson.Default.ListWithholdingBracketRow);
        JsonColumn.UseShape(PayrollColumnJson.Default.ListNotCalculatedEmployee);
        builder.Services.AddScoped<PayrollBook>();
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<Features.BankDetails.BankDetailsProtector>();
        builder.Services.AddScoped<Features.BankDetails.BankDetailsBook>();
        builder.Services.AddScoped<Features.BankDetails.RevealBankDetailsHandler>();
        builder.Services.AddSingleton<IDataSeedContributor, BankDetailsEncryptionStep>();
        builder.Services.AddScoped<IPayrollReadModel, Features.ReportingReads.PayrollReadModel>();
        builder.Services.AddScoped<ListPayrollEmployeesHandler>();
        builder.Services.AddScoped<SaveEmployeePaySettingsHandler>();
        builder.Services.AddScoped<GetEmployerPaySettingsHandler>();
        builder.Services.AddScoped<SaveEmployerPaySettingsHandler>();
        builder.Services.AddScoped<ListPublicHolidaysHandler>();
        builder.Services.AddScoped<AddPublicHolidayHandler>();
        builder.Services.AddScoped<RemovePublicHolidayHandler>();
        builder.Services.AddScoped<ListTimesheetsHandler>();
        builder.Services.AddScoped<SaveTimesheetDayHandler>();
        builder.Services.AddScoped<ApproveTimesheetDaysHandler>();
        builder.Services.AddScoped<ListPayRunsHandler>();
        builder.Services.AddScoped<CreatePayRunHandler>();
        builder.Services.AddScoped<GetPayRunHandler>();
        builder.Services.AddScoped<RecalculatePayRunHandler>();
        builder.Services.AddScoped<ApprovePayRunHandler>();
        builder.Services.AddScoped<FinalisePayRunHandler>();
        builder.Services.AddScoped<DeletePayRunHandler>();
        builder.Services.AddScoped<DownloadPayRunAbaFileHandler>();
        builder.Services.AddScoped<DownloadPayRunCsvHandler>();
        builder.Services.AddScoped<DownloadPayRunSuperContributionsHandler>();
        builder.Services.AddScoped<GetPayslipHandler>();
        builder.Services.AddScoped<ListMyPayslipsHandler>();
        builder.Services.AddScoped<GetMyPayslipHandler>();
        builder.Services.AddScoped<ITrainerSessionPayables, TrainerSessionPayables>();
        builder.Services.AddScoped<TrainerEarningsHandler>();
        builder.Services.AddScoped<Derrimut.Bookings.Contracts.ITrainerEarningsGlance>(sp => sp.GetRequiredService<TrainerEarningsHandler>());
        Derrimut.BuildingBlocks.Events.IntegrationEventRegistration.AddIntegrationEventHandler<Derrimut.Bookings.Contracts.TrainerSessionCompleted, TrainerSessionCompletedHandler>(builder.Services);
        builder.Services.AddScoped<IPayrollCalculator, PayrollCalculatorFacade>();
        builder.Services.AddScoped<IPayrollTaxTables, PayrollTaxTables>();
        builder.Services.AddSingleton<IDataSeedContributor, PayrollSeeder>();
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => PayrollModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        CalculatorEndpoints.Map(api);
        PayrollEndpoints.Map(api);
        TaxTableEndpoints.Map(api);
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(PayrollPermissions.ManagePayroll, "Run payroll at this gym: pay settings, timesheets, pay runs and the tax calculator.")
        .Add(PayrollPermissions.ManageOwnTimesheet, "Enter your own hours on your timesheet.", PermissionScope.Tenant, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(PayrollPermissions.ManageTaxTables, "Add the dated PAYG withholding tables and super guarantee rules every gym's payroll uses.", PermissionScope.Platform)
        .Add(PayrollPermissions.ViewOwnPayslips, "See your own payslips.", PermissionScope.Tenant, IdentityRoles.Trainer, IdentityRoles.Staff)
        .RequireTwoFactor(PayrollPermissions.ManagePayroll);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(PayrollModule).Assembly)
        .AddNavigation(new(Portal.Staff, "My timesheet", "/timesheet", MudBlazor.Icons.Material.Outlined.Schedule,
            PayrollPermissions.ManageOwnTimesheet, Order: 10))
        .AddNavigation(new(Portal.Staff, "My payslips", "/payslips", MudBlazor.Icons.Material.Outlined.ReceiptLong,
            PayrollPermissions.ViewOwnPayslips, Order: 20))
        .AddNavigation(new(Portal.Trainer, "Earnings", "/trainer/earnings", MudBlazor.Icons.Material.Outlined.Savings,
            Derrimut.Bookings.Contracts.BookingsPermissions.ViewOwnEarnings, Order: 14))
        .AddNavigation(new(Portal.Admin, "Payroll", "/admin/payroll", MudBlazor.Icons.Material.Outlined.Payments,
            PayrollPermissions.ManagePayroll, Order: 30))
        .AddNavigation(new(Portal.Platform, "Payroll tax tables", "/platform/payroll/tax-tables", MudBlazor.Icons.Material.Outlined.TableChart,
            PayrollPermissions.ManageTaxTables, SiteKinds.Platform, Order: 10));
}
