using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceMemberCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_member_cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_member_cards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_check_ins_FranchiseId_HomeLocationId_At",
                table: "bookings_check_ins",
                columns: new[] { "FranchiseId", "HomeLocationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_member_cards_TenantId",
                table: "bookings_member_cards",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_member_cards_TenantId_CardNumber",
                table: "bookings_member_cards",
                columns: new[] { "TenantId", "CardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_member_cards_TenantId_PersonId",
                table: "bookings_member_cards",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings_member_cards");

            migrationBuilder.DropIndex(
                name: "IX_bookings_check_ins_FranchiseId_HomeLocationId_At",
                table: "bookings_check_ins");
        }
    }
}
