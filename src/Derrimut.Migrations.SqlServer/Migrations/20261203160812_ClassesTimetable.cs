using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClassesTimetable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "check_ins",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HomeLocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DoorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Place = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_ins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_policies",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BookingOpensDaysAhead = table.Column<int>(type: "int", nullable: false),
                    PromotionCutoffMinutes = table.Column<int>(type: "int", nullable: false),
                    LateCancelWindowMinutes = table.Column<int>(type: "int", nullable: false),
                    NoShowGraceMinutes = table.Column<int>(type: "int", nullable: false),
                    StrikesEnabled = table.Column<bool>(type: "bit", nullable: false),
                    StrikeLimit = table.Column<int>(type: "int", nullable: false),
                    StrikeWindowDays = table.Column<int>(type: "int", nullable: false),
                    SuspensionDays = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_strikes",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BookingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_strikes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_types",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DurationMinutes = table.Column<int>(type: "int", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Room = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "door_decisions",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DoorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Allowed = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_door_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doors",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "time", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "time", nullable: true),
                    AntiPassback = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_schedules",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClassTypeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DayOfWeek = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GeneratedThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_schedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_class_schedules_class_types_ClassTypeId",
                        column: x => x.ClassTypeId,
                        principalSchema: "bookings",
                        principalTable: "class_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_class_schedules_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "class_occurrences",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClassTypeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TrainerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Room = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    BookedCount = table.Column<int>(type: "int", nullable: false),
                    WaitlistSequence = table.Column<long>(type: "bigint", nullable: false),
                    IsCancelled = table.Column<bool>(type: "bit", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_occurrences", x => x.Id);
                    table.CheckConstraint("ck_class_occurrences_capacity", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_class_occurrences_class_schedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalSchema: "bookings",
                        principalTable: "class_schedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_class_occurrences_class_types_ClassTypeId",
                        column: x => x.ClassTypeId,
                        principalSchema: "bookings",
                        principalTable: "class_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_class_occurrences_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "class_bookings",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LiveMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    WaitlistNumber = table.Column<long>(type: "bigint", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PromotedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledLate = table.Column<bool>(type: "bit", nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NoShow = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_class_bookings_class_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalSchema: "bookings",
                        principalTable: "class_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_TenantId",
                schema: "bookings",
                table: "check_ins",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_TenantId_At",
                schema: "bookings",
                table: "check_ins",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_TenantId_PersonId_At",
                schema: "bookings",
                table: "check_ins",
                columns: new[] { "TenantId", "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_class_bookings_OccurrenceId",
                schema: "bookings",
                table: "class_bookings",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_class_bookings_TenantId",
                schema: "bookings",
                table: "class_bookings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_class_bookings_TenantId_MemberId",
                schema: "bookings",
                table: "class_bookings",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_class_bookings_TenantId_OccurrenceId_LiveMemberId",
                schema: "bookings",
                table: "class_bookings",
                columns: new[] { "TenantId", "OccurrenceId", "LiveMemberId" },
                unique: true,
                filter: "[LiveMemberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_class_bookings_TenantId_OccurrenceId_Status_WaitlistNumber",
                schema: "bookings",
                table: "class_bookings",
                columns: new[] { "TenantId", "OccurrenceId", "Status", "WaitlistNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_ClassTypeId",
                schema: "bookings",
                table: "class_occurrences",
                column: "ClassTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_ScheduleId",
                schema: "bookings",
                table: "class_occurrences",
                column: "ScheduleId");

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_TenantId",
                schema: "bookings",
                table: "class_occurrences",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_TenantId_ScheduleId_LocalDate",
                schema: "bookings",
                table: "class_occurrences",
                columns: new[] { "TenantId", "ScheduleId", "LocalDate" },
                unique: true,
                filter: "[ScheduleId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_TenantId_StartsAt",
                schema: "bookings",
                table: "class_occurrences",
                columns: new[] { "TenantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_class_occurrences_TrainerId",
                schema: "bookings",
                table: "class_occurrences",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_class_policies_TenantId",
                schema: "bookings",
                table: "class_policies",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_class_schedules_ClassTypeId",
                schema: "bookings",
                table: "class_schedules",
                column: "ClassTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_class_schedules_TenantId",
                schema: "bookings",
                table: "class_schedules",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_class_schedules_TrainerId",
                schema: "bookings",
                table: "class_schedules",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_class_strikes_TenantId",
                schema: "bookings",
                table: "class_strikes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_class_strikes_TenantId_BookingId_Kind",
                schema: "bookings",
                table: "class_strikes",
                columns: new[] { "TenantId", "BookingId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_class_strikes_TenantId_MemberId_At",
                schema: "bookings",
                table: "class_strikes",
                columns: new[] { "TenantId", "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_class_types_TenantId",
                schema: "bookings",
                table: "class_types",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_class_types_TenantId_Name",
                schema: "bookings",
                table: "class_types",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_door_decisions_TenantId",
                schema: "bookings",
                table: "door_decisions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_door_decisions_TenantId_DoorId_DecidedAt",
                schema: "bookings",
                table: "door_decisions",
                columns: new[] { "TenantId", "DoorId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_door_decisions_TenantId_PersonId_DecidedAt",
                schema: "bookings",
                table: "door_decisions",
                columns: new[] { "TenantId", "PersonId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_doors_TenantId",
                schema: "bookings",
                table: "doors",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_doors_TenantId_Name",
                schema: "bookings",
                table: "doors",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_ins",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_bookings",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_policies",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_strikes",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "door_decisions",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "doors",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_occurrences",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_schedules",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "class_types",
                schema: "bookings");
        }
    }
}
