using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BookingsSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarFeedSecret",
                table: "bookings_trainers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Photo",
                table: "bookings_trainers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoContentType",
                table: "bookings_trainers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhotoVersion",
                table: "bookings_trainers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "bookings_availability_exceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_availability_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_availability_exceptions_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FreeCancellationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_pt_session_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_pt_session_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_pt_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SessionTypeName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaymentStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AllowanceMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    AllowanceSlot = table.Column<int>(type: "INTEGER", nullable: true),
                    CheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    RefundId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    BookedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LateCancellation = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_pt_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_pt_sessions_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings_session_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DefaultMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultPriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_session_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_weekly_hours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_weekly_hours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_weekly_hours_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings_trainer_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_trainer_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_trainer_offers_bookings_session_types_SessionTypeId",
                        column: x => x.SessionTypeId,
                        principalTable: "bookings_session_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_trainer_offers_bookings_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "bookings_trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_availability_exceptions_TenantId",
                table: "bookings_availability_exceptions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_availability_exceptions_TenantId_TrainerId_Date",
                table: "bookings_availability_exceptions",
                columns: new[] { "TenantId", "TrainerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_availability_exceptions_TrainerId",
                table: "bookings_availability_exceptions",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_policies_TenantId",
                table: "bookings_policies",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_session_changes_TenantId",
                table: "bookings_pt_session_changes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_session_changes_TenantId_SessionId",
                table: "bookings_pt_session_changes",
                columns: new[] { "TenantId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_CheckoutSessionId",
                table: "bookings_pt_sessions",
                column: "CheckoutSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TenantId",
                table: "bookings_pt_sessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TenantId_MemberId_AllowanceMonth_AllowanceSlot",
                table: "bookings_pt_sessions",
                columns: new[] { "TenantId", "MemberId", "AllowanceMonth", "AllowanceSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TenantId_MemberId_StartsAt",
                table: "bookings_pt_sessions",
                columns: new[] { "TenantId", "MemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TenantId_TrainerId_StartsAt",
                table: "bookings_pt_sessions",
                columns: new[] { "TenantId", "TrainerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TrainerId",
                table: "bookings_pt_sessions",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_session_types_TenantId",
                table: "bookings_session_types",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_session_types_TenantId_Code",
                table: "bookings_session_types",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainer_offers_SessionTypeId",
                table: "bookings_trainer_offers",
                column: "SessionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainer_offers_TenantId",
                table: "bookings_trainer_offers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainer_offers_TenantId_TrainerId_SessionTypeId",
                table: "bookings_trainer_offers",
                columns: new[] { "TenantId", "TrainerId", "SessionTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_trainer_offers_TrainerId",
                table: "bookings_trainer_offers",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_weekly_hours_TenantId",
                table: "bookings_weekly_hours",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_weekly_hours_TenantId_TrainerId_Day",
                table: "bookings_weekly_hours",
                columns: new[] { "TenantId", "TrainerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_weekly_hours_TrainerId",
                table: "bookings_weekly_hours",
                column: "TrainerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings_availability_exceptions");

            migrationBuilder.DropTable(
                name: "bookings_policies");

            migrationBuilder.DropTable(
                name: "bookings_pt_session_changes");

            migrationBuilder.DropTable(
                name: "bookings_pt_sessions");

            migrationBuilder.DropTable(
                name: "bookings_trainer_offers");

            migrationBuilder.DropTable(
                name: "bookings_weekly_hours");

            migrationBuilder.DropTable(
                name: "bookings_session_types");

            migrationBuilder.DropColumn(
                name: "CalendarFeedSecret",
                table: "bookings_trainers");

            migrationBuilder.DropColumn(
                name: "Photo",
                table: "bookings_trainers");

            migrationBuilder.DropColumn(
                name: "PhotoContentType",
                table: "bookings_trainers");

            migrationBuilder.DropColumn(
                name: "PhotoVersion",
                table: "bookings_trainers");
        }
    }
}
