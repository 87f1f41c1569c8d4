using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceMemberCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_cards",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CardNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AssignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_cards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_FranchiseId_HomeLocationId_At",
                schema: "bookings",
                table: "check_ins",
                columns: new[] { "FranchiseId", "HomeLocationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_member_cards_TenantId",
                schema: "bookings",
                table: "member_cards",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_member_cards_TenantId_CardNumber",
                schema: "bookings",
                table: "member_cards",
                columns: new[] { "TenantId", "CardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_cards_TenantId_PersonId",
                schema: "bookings",
                table: "member_cards",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_cards",
                schema: "bookings");

            migrationBuilder.DropIndex(
                name: "IX_check_ins_FranchiseId_HomeLocationId_At",
                schema: "bookings",
                table: "check_ins");
        }
    }
}
