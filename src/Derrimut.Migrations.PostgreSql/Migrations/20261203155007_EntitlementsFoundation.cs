using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EntitlementsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CoversAllFranchiseLocations",
                schema: "memberships",
                table: "plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IncludesClasses",
                schema: "memberships",
                table: "plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PtSessionsPerMonth",
                schema: "memberships",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The standard plans already sold promise group classes in their description: keep that promise.
            migrationBuilder.Sql("UPDATE memberships.plans SET \"IncludesClasses\" = TRUE WHERE \"Code\" IN ('12-month-minimum', 'no-lock-in', '12-month-upfront');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoversAllFranchiseLocations",
                schema: "memberships",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "IncludesClasses",
                schema: "memberships",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "PtSessionsPerMonth",
                schema: "memberships",
                table: "plans");
        }
    }
}
