using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportingHeatmapWeekday : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rolled hours gain their weekday: forget where each gym's roll-up stood, so the next run sums every day
            // again with it (reports read live until then).
            migrationBuilder.Sql("DELETE FROM reporting.roll_up_state");

            migrationBuilder.AddColumn<int>(
                name: "Weekday",
                schema: "reporting",
                table: "hourly_check_ins",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Weekday",
                schema: "reporting",
                table: "hourly_check_ins");
        }
    }
}
