using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollUpMemberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new rolled figure: forget where each gym's roll-up stood, so the next run sums every day again with it.
            migrationBuilder.Sql("DELETE FROM \"reporting_roll_up_state\"");

            migrationBuilder.CreateTable(
                name: "reporting_daily_membership_figures",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Joins = table.Column<int>(type: "INTEGER", nullable: false),
                    Ends = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancellations = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_daily_membership_figures", x => new { x.TenantId, x.Day, x.PlanCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_daily_membership_figures_TenantId",
                table: "reporting_daily_membership_figures",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_daily_membership_figures");
        }
    }
}
