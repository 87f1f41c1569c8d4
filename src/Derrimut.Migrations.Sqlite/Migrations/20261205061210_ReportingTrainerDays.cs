using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportingTrainerDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new rolled figure: forget where each gym's roll-up stood, so the next run sums every day again with it.
            migrationBuilder.Sql("DELETE FROM \"reporting_roll_up_state\"");

            migrationBuilder.CreateTable(
                name: "reporting_daily_trainer_figures",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShows = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ClassesTaught = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_daily_trainer_figures", x => new { x.TenantId, x.Day, x.TrainerId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_daily_trainer_figures_TenantId",
                table: "reporting_daily_trainer_figures",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_daily_trainer_figures");
        }
    }
}
