using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Payroll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Abn",
                table: "organizations_organizations",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payroll_completed_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PaidInRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_completed_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_employee_pay_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmploymentType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PayBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnnualSalaryCents = table.Column<long>(type: "INTEGER", nullable: true),
                    HourlyRateCents = table.Column<long>(type: "INTEGER", nullable: true),
                    SessionRateCents = table.Column<long>(type: "INTEGER", nullable: true),
                    PayFrequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TfnProvided = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClaimsTaxFreeThreshold = table.Column<bool>(type: "INTEGER", nullable: false),
                    Residency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MedicareLevyExemption = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SuperFundName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SuperFundUsi = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuperMemberNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Bsb = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_employee_pay_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_employer_pay_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinancialInstitution = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ApcaUserId = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Bsb = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    RemitterName = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BalancedFile = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_employer_pay_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_pay_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdjustsRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalisedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    FinalisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GrossCents = table.Column<long>(type: "INTEGER", nullable: false),
                    WithholdingCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SuperCents = table.Column<long>(type: "INTEGER", nullable: false),
                    NetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_pay_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_public_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_public_holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_timesheet_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrdinaryHours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    OvertimeHours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidInRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_timesheet_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_payslips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmploymentType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PayBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scale = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    GrossCents = table.Column<long>(type: "INTEGER", nullable: false),
                    OrdinaryTimeEarningsCents = table.Column<long>(type: "INTEGER", nullable: false),
                    WithholdingCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SuperCents = table.Column<long>(type: "INTEGER", nullable: false),
                    NetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    WithholdingTable = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Bsb = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuperFundName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SuperFundUsi = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuperMemberNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    WithholdingWorking = table.Column<string>(type: "TEXT", nullable: false),
                    SuperWorking = table.Column<string>(type: "TEXT", nullable: false),
                    TimesheetEntryIds = table.Column<string>(type: "TEXT", nullable: false),
                    SessionIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_payslips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payroll_payslips_payroll_pay_runs_PayRunId",
                        column: x => x.PayRunId,
                        principalTable: "payroll_pay_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_completed_sessions_TenantId",
                table: "payroll_completed_sessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_completed_sessions_TenantId_SessionId",
                table: "payroll_completed_sessions",
                columns: new[] { "TenantId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_completed_sessions_TenantId_TrainerUserId_CompletedOn",
                table: "payroll_completed_sessions",
                columns: new[] { "TenantId", "TrainerUserId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_employee_pay_settings_TenantId",
                table: "payroll_employee_pay_settings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_employee_pay_settings_TenantId_UserId",
                table: "payroll_employee_pay_settings",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_employer_pay_settings_TenantId",
                table: "payroll_employer_pay_settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_pay_runs_TenantId",
                table: "payroll_pay_runs",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_pay_runs_TenantId_Number",
                table: "payroll_pay_runs",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_pay_runs_TenantId_PeriodKey",
                table: "payroll_pay_runs",
                columns: new[] { "TenantId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_payslips_PayRunId",
                table: "payroll_payslips",
                column: "PayRunId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_payslips_TenantId",
                table: "payroll_payslips",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_payslips_TenantId_PayRunId_UserId",
                table: "payroll_payslips",
                columns: new[] { "TenantId", "PayRunId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_payslips_TenantId_UserId",
                table: "payroll_payslips",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_public_holidays_TenantId",
                table: "payroll_public_holidays",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_public_holidays_TenantId_Date",
                table: "payroll_public_holidays",
                columns: new[] { "TenantId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_timesheet_entries_TenantId",
                table: "payroll_timesheet_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_timesheet_entries_TenantId_UserId_WorkDate",
                table: "payroll_timesheet_entries",
                columns: new[] { "TenantId", "UserId", "WorkDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_timesheet_entries_TenantId_WorkDate",
                table: "payroll_timesheet_entries",
                columns: new[] { "TenantId", "WorkDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_completed_sessions");

            migrationBuilder.DropTable(
                name: "payroll_employee_pay_settings");

            migrationBuilder.DropTable(
                name: "payroll_employer_pay_settings");

            migrationBuilder.DropTable(
                name: "payroll_payslips");

            migrationBuilder.DropTable(
                name: "payroll_public_holidays");

            migrationBuilder.DropTable(
                name: "payroll_timesheet_entries");

            migrationBuilder.DropTable(
                name: "payroll_pay_runs");

            migrationBuilder.DropColumn(
                name: "Abn",
                table: "organizations_organizations");
        }
    }
}
