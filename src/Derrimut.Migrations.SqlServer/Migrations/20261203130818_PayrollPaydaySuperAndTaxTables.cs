using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
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
                schema: "payroll",
                table: "payslips",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Quarterly");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuperDueOn",
                schema: "payroll",
                table: "payslips",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotCalculated",
                schema: "payroll",
                table: "pay_runs",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuperDueOn",
                schema: "payroll",
                table: "pay_runs",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "super_guarantee_rules",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Rate = table.Column<decimal>(type: "decimal(7,5)", precision: 7, scale: 5, nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MaximumContributionBaseCents = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AddedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AddedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_super_guarantee_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "withholding_tables",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Scale = table.Column<int>(type: "int", nullable: false),
                    Identifier = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Brackets = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NoTfnResidentRate = table.Column<decimal>(type: "decimal(7,5)", precision: 7, scale: 5, nullable: true),
                    NoTfnForeignRate = table.Column<decimal>(type: "decimal(7,5)", precision: 7, scale: 5, nullable: true),
                    AddedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AddedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_withholding_tables", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_super_guarantee_rules_EffectiveFrom",
                schema: "payroll",
                table: "super_guarantee_rules",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_withholding_tables_EffectiveFrom_Scale",
                schema: "payroll",
                table: "withholding_tables",
                columns: new[] { "EffectiveFrom", "Scale" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "super_guarantee_rules",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "withholding_tables",
                schema: "payroll");

            migrationBuilder.DropColumn(
                name: "SuperBasis",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "SuperDueOn",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "NotCalculated",
                schema: "payroll",
                table: "pay_runs");

            migrationBuilder.DropColumn(
                name: "SuperDueOn",
                schema: "payroll",
                table: "pay_runs");
        }
    }
}
