using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class GymAdminPeopleProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactName",
                schema: "identity",
                table: "users",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactPhone",
                schema: "identity",
                table: "users",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoUrl",
                schema: "identity",
                table: "users",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmergencyContactName",
                schema: "identity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "EmergencyContactPhone",
                schema: "identity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "PhotoUrl",
                schema: "identity",
                table: "users");
        }
    }
}
