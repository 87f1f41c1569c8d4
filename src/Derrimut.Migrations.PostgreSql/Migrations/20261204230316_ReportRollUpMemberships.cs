using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollUpMemberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new rolled figure: forget where each gym's roll-up stood, so the next run sums every day again with it.
            migrationBuilder.Sql("DELETE FROM reporting.roll_up_state");

            migrationBuilder.CreateTable(
                name: "daily_membership_figures",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Joins = table.Column<int>(type: "integer", nullable: false),
                    Ends = table.Column<int>(type: "integer", nullable: false),
                    Cancellations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_membership_figures", x => new { x.TenantId, x.Day, x.PlanCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_membership_figures_TenantId",
                schema: "reporting",
                table: "daily_membership_figures",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_membership_figures",
                schema: "reporting");
        }
    }
}
