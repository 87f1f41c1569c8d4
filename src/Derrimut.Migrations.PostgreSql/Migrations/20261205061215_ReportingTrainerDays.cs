using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportingTrainerDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new rolled figure: forget where each gym's roll-up stood, so the next run sums every day again with it.
            migrationBuilder.Sql("DELETE FROM reporting.roll_up_state");

            migrationBuilder.CreateTable(
                name: "daily_trainer_figures",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false),
                    DeliveredMinutes = table.Column<int>(type: "integer", nullable: false),
                    BookedMinutes = table.Column<int>(type: "integer", nullable: false),
                    NoShows = table.Column<int>(type: "integer", nullable: false),
                    Cancelled = table.Column<int>(type: "integer", nullable: false),
                    PaidCents = table.Column<long>(type: "bigint", nullable: false),
                    ClassesTaught = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_trainer_figures", x => new { x.TenantId, x.Day, x.TrainerId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_trainer_figures_TenantId",
                schema: "reporting",
                table: "daily_trainer_figures",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_trainer_figures",
                schema: "reporting");
        }
    }
}
