using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClassesTimetable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_check_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    DoorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_check_ins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingOpensDaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    PromotionCutoffMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LateCancelWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShowGraceMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    StrikesEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    StrikeLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    StrikeWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_strikes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_strikes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_door_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Allowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_door_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_doors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    AntiPassback = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_doors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DayOfWeek = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GeneratedThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_schedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_class_schedules_bookings_class_types_ClassTypeId",
                        column: x => x.ClassTypeId,
                        principalTable: "bookings_class_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_class_schedules_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitlistSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_occurrences", x => x.Id);
                    table.CheckConstraint("ck_class_occurrences_capacity", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_bookings_class_occurrences_bookings_class_schedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalTable: "bookings_class_schedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_class_occurrences_bookings_class_types_ClassTypeId",
                        column: x => x.ClassTypeId,
                        principalTable: "bookings_class_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_class_occurrences_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings_class_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LiveMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WaitlistNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PromotedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoShow = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_class_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_class_bookings_bookings_class_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "bookings_class_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_check_ins_TenantId",
                table: "bookings_check_ins",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_check_ins_TenantId_At",
                table: "bookings_check_ins",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_check_ins_TenantId_PersonId_At",
                table: "bookings_check_ins",
                columns: new[] { "TenantId", "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_bookings_OccurrenceId",
                table: "bookings_class_bookings",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_bookings_TenantId",
                table: "bookings_class_bookings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_bookings_TenantId_MemberId",
                table: "bookings_class_bookings",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_bookings_TenantId_OccurrenceId_LiveMemberId",
                table: "bookings_class_bookings",
                columns: new[] { "TenantId", "OccurrenceId", "LiveMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_bookings_TenantId_OccurrenceId_Status_WaitlistNumber",
                table: "bookings_class_bookings",
                columns: new[] { "TenantId", "OccurrenceId", "Status", "WaitlistNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_ClassTypeId",
                table: "bookings_class_occurrences",
                column: "ClassTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_ScheduleId",
                table: "bookings_class_occurrences",
                column: "ScheduleId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_TenantId",
                table: "bookings_class_occurrences",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_TenantId_ScheduleId_LocalDate",
                table: "bookings_class_occurrences",
                columns: new[] { "TenantId", "ScheduleId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_TenantId_StartsAt",
                table: "bookings_class_occurrences",
                columns: new[] { "TenantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_occurrences_TrainerId",
                table: "bookings_class_occurrences",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_policies_TenantId",
                table: "bookings_class_policies",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_schedules_ClassTypeId",
                table: "bookings_class_schedules",
                column: "ClassTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_schedules_TenantId",
                table: "bookings_class_schedules",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_schedules_TrainerId",
                table: "bookings_class_schedules",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_strikes_TenantId",
                table: "bookings_class_strikes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_strikes_TenantId_BookingId_Kind",
                table: "bookings_class_strikes",
                columns: new[] { "TenantId", "BookingId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_strikes_TenantId_MemberId_At",
                table: "bookings_class_strikes",
                columns: new[] { "TenantId", "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_types_TenantId",
                table: "bookings_class_types",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_class_types_TenantId_Name",
                table: "bookings_class_types",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_door_decisions_TenantId",
                table: "bookings_door_decisions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_door_decisions_TenantId_DoorId_DecidedAt",
                table: "bookings_door_decisions",
                columns: new[] { "TenantId", "DoorId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_door_decisions_TenantId_PersonId_DecidedAt",
                table: "bookings_door_decisions",
                columns: new[] { "TenantId", "PersonId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_doors_TenantId",
                table: "bookings_doors",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_doors_TenantId_Name",
                table: "bookings_doors",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings_check_ins");

            migrationBuilder.DropTable(
                name: "bookings_class_bookings");

            migrationBuilder.DropTable(
                name: "bookings_class_policies");

            migrationBuilder.DropTable(
                name: "bookings_class_strikes");

            migrationBuilder.DropTable(
                name: "bookings_door_decisions");

            migrationBuilder.DropTable(
                name: "bookings_doors");

            migrationBuilder.DropTable(
                name: "bookings_class_occurrences");

            migrationBuilder.DropTable(
                name: "bookings_class_schedules");

            migrationBuilder.DropTable(
                name: "bookings_class_types");
        }
    }
}
