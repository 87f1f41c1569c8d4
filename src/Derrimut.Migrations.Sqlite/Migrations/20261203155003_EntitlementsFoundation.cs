using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EntitlementsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CoversAllFranchiseLocations",
                table: "memberships_plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IncludesClasses",
                table: "memberships_plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PtSessionsPerMonth",
                table: "memberships_plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The standard plans already sold promise group classes in their description: keep that promise.
            migrationBuilder.Sql("UPDATE memberships_plans SET \"IncludesClasses\" = 1 WHERE \"Code\" IN ('12-month-minimum', 'no-lock-in', '12-month-upfront');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoversAllFranchiseLocations",
                table: "memberships_plans");

            migrationBuilder.DropColumn(
                name: "IncludesClasses",
                table: "memberships_plans");

            migrationBuilder.DropColumn(
                name: "PtSessionsPerMonth",
                table: "memberships_plans");
        }
    }
}
