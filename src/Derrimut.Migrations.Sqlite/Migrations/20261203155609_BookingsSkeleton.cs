using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BookingsSkeleton : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_trainers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Specialties = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Qualifications = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_trainers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_calendar_blocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CommitmentKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_calendar_blocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_calendar_blocks_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_calendar_blocks_CommitmentId",
                table: "bookings_calendar_blocks",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_calendar_blocks_TenantId",
                table: "bookings_calendar_blocks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_calendar_blocks_TenantId_MemberId_StartsAt",
                table: "bookings_calendar_blocks",
                columns: new[] { "TenantId", "MemberId", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_calendar_blocks_TenantId_TrainerId_StartsAt",
                table: "bookings_calendar_blocks",
                columns: new[] { "TenantId", "TrainerId", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_calendar_blocks_TrainerId",
                table: "bookings_calendar_blocks",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainers_TenantId",
                table: "bookings_trainers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainers_TenantId_PersonId",
                table: "bookings_trainers",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings_calendar_blocks");

            migrationBuilder.DropTable(
                name: "bookings_trainers");
        }
    }
}
