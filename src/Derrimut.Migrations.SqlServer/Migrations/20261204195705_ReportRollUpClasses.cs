using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollUpClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new rolled figure: forget where each gym's roll-up stood, so the next run sums every day again with it.
            migrationBuilder.Sql("DELETE FROM [reporting].[roll_up_state]");

            migrationBuilder.CreateTable(
                name: "daily_class_figures",
                schema: "reporting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ClassName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Runs = table.Column<int>(type: "int", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Booked = table.Column<int>(type: "int", nullable: false),
                    Waitlisted = table.Column<int>(type: "int", nullable: false),
                    NoShows = table.Column<int>(type: "int", nullable: false),
                    Attended = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_class_figures", x => new { x.TenantId, x.Day, x.ClassName });
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_class_figures_TenantId",
                schema: "reporting",
                table: "daily_class_figures",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_class_figures",
                schema: "reporting");
        }
    }
}
