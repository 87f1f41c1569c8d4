using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Payroll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "payroll");

            migrationBuilder.AddColumn<string>(
                name: "Abn",
                schema: "organizations",
                table: "organizations",
                type: "nvarchar(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "completed_sessions",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainerUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PaidInRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_completed_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employee_pay_settings",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmploymentType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PayBasis = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AnnualSalaryCents = table.Column<long>(type: "bigint", nullable: true),
                    HourlyRateCents = table.Column<long>(type: "bigint", nullable: true),
                    SessionRateCents = table.Column<long>(type: "bigint", nullable: true),
                    PayFrequency = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TfnProvided = table.Column<bool>(type: "bit", nullable: false),
                    ClaimsTaxFreeThreshold = table.Column<bool>(type: "bit", nullable: false),
                    Residency = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MedicareLevyExemption = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    SuperFundName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SuperFundUsi = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SuperMemberNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Bsb = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    AccountName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employee_pay_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employer_pay_settings",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FinancialInstitution = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    ApcaUserId = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Bsb = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    RemitterName = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    BalancedFile = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employer_pay_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pay_runs",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Frequency = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AdjustsRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CalculatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinalisedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FinalisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GrossCents = table.Column<long>(type: "bigint", nullable: false),
                    WithholdingCents = table.Column<long>(type: "bigint", nullable: false),
                    SuperCents = table.Column<long>(type: "bigint", nullable: false),
                    NetCents = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pay_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timesheet_entries",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OrdinaryHours = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    OvertimeHours = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PaidInRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timesheet_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payslips",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployeeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EmploymentType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PayBasis = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Scale = table.Column<int>(type: "int", nullable: false),
                    Hours = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    GrossCents = table.Column<long>(type: "bigint", nullable: false),
                    OrdinaryTimeEarningsCents = table.Column<long>(type: "bigint", nullable: false),
                    WithholdingCents = table.Column<long>(type: "bigint", nullable: false),
                    SuperCents = table.Column<long>(type: "bigint", nullable: false),
                    NetCents = table.Column<long>(type: "bigint", nullable: false),
                    WithholdingTable = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Bsb = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    AccountNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    AccountName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SuperFundName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SuperFundUsi = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SuperMemberNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Lines = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WithholdingWorking = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SuperWorking = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TimesheetEntryIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SessionIds = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payslips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payslips_pay_runs_PayRunId",
                        column: x => x.PayRunId,
                        principalSchema: "payroll",
                        principalTable: "pay_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_completed_sessions_TenantId",
                schema: "payroll",
                table: "completed_sessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_completed_sessions_TenantId_SessionId",
                schema: "payroll",
                table: "completed_sessions",
                columns: new[] { "TenantId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_completed_sessions_TenantId_TrainerUserId_CompletedOn",
                schema: "payroll",
                table: "completed_sessions",
                columns: new[] { "TenantId", "TrainerUserId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_employee_pay_settings_TenantId",
                schema: "payroll",
                table: "employee_pay_settings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_employee_pay_settings_TenantId_UserId",
                schema: "payroll",
                table: "employee_pay_settings",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employer_pay_settings_TenantId",
                schema: "payroll",
                table: "employer_pay_settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pay_runs_TenantId",
                schema: "payroll",
                table: "pay_runs",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_pay_runs_TenantId_Number",
                schema: "payroll",
                table: "pay_runs",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pay_runs_TenantId_PeriodKey",
                schema: "payroll",
                table: "pay_runs",
                columns: new[] { "TenantId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payslips_PayRunId",
                schema: "payroll",
                table: "payslips",
                column: "PayRunId");

            migrationBuilder.CreateIndex(
                name: "IX_payslips_TenantId",
                schema: "payroll",
                table: "payslips",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payslips_TenantId_PayRunId_UserId",
                schema: "payroll",
                table: "payslips",
                columns: new[] { "TenantId", "PayRunId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payslips_TenantId_UserId",
                schema: "payroll",
                table: "payslips",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_public_holidays_TenantId",
                schema: "payroll",
                table: "public_holidays",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_public_holidays_TenantId_Date",
                schema: "payroll",
                table: "public_holidays",
                columns: new[] { "TenantId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timesheet_entries_TenantId",
                schema: "payroll",
                table: "timesheet_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_timesheet_entries_TenantId_UserId_WorkDate",
                schema: "payroll",
                table: "timesheet_entries",
                columns: new[] { "TenantId", "UserId", "WorkDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timesheet_entries_TenantId_WorkDate",
                schema: "payroll",
                table: "timesheet_entries",
                columns: new[] { "TenantId", "WorkDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "completed_sessions",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employee_pay_settings",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employer_pay_settings",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "payslips",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "public_holidays",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "timesheet_entries",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "pay_runs",
                schema: "payroll");

            migrationBuilder.DropColumn(
                name: "Abn",
                schema: "organizations",
                table: "organizations");
        }
    }
}
