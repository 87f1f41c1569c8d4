using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PayrollPaydaySuperAndTaxTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing runs: nobody left out (an empty JSON list) and payslips paid under the quarterly rules.
            migrationBuilder.AddColumn<string>(
                name: "SuperBasis",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Quarterly");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuperDueOn",
                table: "payroll_payslips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotCalculated",
                table: "payroll_pay_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuperDueOn",
                table: "payroll_pay_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payroll_super_guarantee_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 7, scale: 5, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MaximumContributionBaseCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_super_guarantee_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_withholding_tables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Scale = table.Column<int>(type: "INTEGER", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Brackets = table.Column<string>(type: "TEXT", nullable: false),
                    NoTfnResidentRate = table.Column<decimal>(type: "TEXT", precision: 7, scale: 5, nullable: true),
                    NoTfnForeignRate = table.Column<decimal>(type: "TEXT", precision: 7, scale: 5, nullable: true),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_withholding_tables", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_super_guarantee_rules_EffectiveFrom",
                table: "payroll_super_guarantee_rules",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_withholding_tables_EffectiveFrom_Scale",
                table: "payroll_withholding_tables",
                columns: new[] { "EffectiveFrom", "Scale" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_super_guarantee_rules");

            migrationBuilder.DropTable(
                name: "payroll_withholding_tables");

            migrationBuilder.DropColumn(
                name: "SuperBasis",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "SuperDueOn",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "NotCalculated",
                table: "payroll_pay_runs");

            migrationBuilder.DropColumn(
                name: "SuperDueOn",
                table: "payroll_pay_runs");
        }
    }
}
