using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BookingsSkeleton : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "bookings");

            migrationBuilder.CreateTable(
                name: "trainers",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Bio = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Specialties = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Qualifications = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsListed = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trainers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_blocks",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CommitmentKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_blocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_blocks_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_blocks_CommitmentId",
                schema: "bookings",
                table: "calendar_blocks",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_blocks_TenantId",
                schema: "bookings",
                table: "calendar_blocks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_blocks_TenantId_MemberId_StartsAt",
                schema: "bookings",
                table: "calendar_blocks",
                columns: new[] { "TenantId", "MemberId", "StartsAt" },
                unique: true,
                filter: "[MemberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_blocks_TenantId_TrainerId_StartsAt",
                schema: "bookings",
                table: "calendar_blocks",
                columns: new[] { "TenantId", "TrainerId", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_blocks_TrainerId",
                schema: "bookings",
                table: "calendar_blocks",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_trainers_TenantId",
                schema: "bookings",
                table: "trainers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_trainers_TenantId_PersonId",
                schema: "bookings",
                table: "trainers",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_blocks",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "trainers",
                schema: "bookings");
        }
    }
}
