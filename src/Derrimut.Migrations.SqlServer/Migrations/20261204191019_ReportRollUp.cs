using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "daily_figures",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MembershipChargeCents = table.Column<long>(type: "bigint", nullable: false),
                    MembershipChargeGstCents = table.Column<long>(type: "bigint", nullable: false),
                    MembershipRefundCents = table.Column<long>(type: "bigint", nullable: false),
                    MembershipRefundGstCents = table.Column<long>(type: "bigint", nullable: false),
                    PtSessionsPaid = table.Column<int>(type: "int", nullable: false),
                    PtPaidCents = table.Column<long>(type: "bigint", nullable: false),
                    PtGstCents = table.Column<long>(type: "bigint", nullable: false),
                    ShopOrdersPaid = table.Column<int>(type: "int", nullable: false),
                    ShopSalesCents = table.Column<long>(type: "bigint", nullable: false),
                    ShopSalesGstCents = table.Column<long>(type: "bigint", nullable: false),
                    ShopRefundCents = table.Column<long>(type: "bigint", nullable: false),
                    ShopRefundGstCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_figures", x => new { x.TenantId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "daily_product_sales",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Units = table.Column<int>(type: "int", nullable: false),
                    LineTotalCents = table.Column<long>(type: "bigint", nullable: false),
                    GstCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_product_sales", x => new { x.TenantId, x.Day, x.ProductId, x.ProductName });
                });

            migrationBuilder.CreateTable(
                name: "hourly_check_ins",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Hour = table.Column<int>(type: "int", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CheckIns = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hourly_check_ins", x => new { x.TenantId, x.Day, x.Hour });
                });

            migrationBuilder.CreateTable(
                name: "roll_up_state",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roll_up_state", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_figures_TenantId",
                schema: "reporting",
                table: "daily_figures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_daily_product_sales_TenantId",
                schema: "reporting",
                table: "daily_product_sales",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_hourly_check_ins_TenantId",
                schema: "reporting",
                table: "hourly_check_ins",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_roll_up_state_TenantId",
                schema: "reporting",
                table: "roll_up_state",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_figures",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "daily_product_sales",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "hourly_check_ins",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "roll_up_state",
                schema: "reporting");
        }
    }
}
