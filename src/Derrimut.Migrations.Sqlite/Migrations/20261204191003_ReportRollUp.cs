using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reporting_daily_figures",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipChargeCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MembershipChargeGstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MembershipRefundCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MembershipRefundGstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    PtSessionsPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    PtPaidCents = table.Column<long>(type: "INTEGER", nullable: false),
                    PtGstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ShopOrdersPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopSalesCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ShopSalesGstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ShopRefundCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ShopRefundGstCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_daily_figures", x => new { x.TenantId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "reporting_daily_product_sales",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    LineTotalCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GstCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_daily_product_sales", x => new { x.TenantId, x.Day, x.ProductId, x.ProductName });
                });

            migrationBuilder.CreateTable(
                name: "reporting_hourly_check_ins",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckIns = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_hourly_check_ins", x => new { x.TenantId, x.Day, x.Hour });
                });

            migrationBuilder.CreateTable(
                name: "reporting_roll_up_state",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_roll_up_state", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_daily_figures_TenantId",
                table: "reporting_daily_figures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_daily_product_sales_TenantId",
                table: "reporting_daily_product_sales",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_hourly_check_ins_TenantId",
                table: "reporting_hourly_check_ins",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_roll_up_state_TenantId",
                table: "reporting_roll_up_state",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_daily_figures");

            migrationBuilder.DropTable(
                name: "reporting_daily_product_sales");

            migrationBuilder.DropTable(
                name: "reporting_hourly_check_ins");

            migrationBuilder.DropTable(
                name: "reporting_roll_up_state");
        }
    }
}
