using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BookingsSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarFeedSecret",
                schema: "bookings",
                table: "trainers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Photo",
                schema: "bookings",
                table: "trainers",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoContentType",
                schema: "bookings",
                table: "trainers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhotoVersion",
                schema: "bookings",
                table: "trainers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "availability_exceptions",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Starts = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Ends = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_availability_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_availability_exceptions_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FreeCancellationHours = table.Column<int>(type: "integer", nullable: false),
                    BufferMinutes = table.Column<int>(type: "integer", nullable: false),
                    NoticeMinutes = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pt_session_changes",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pt_session_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pt_sessions",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionTypeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SessionTypeName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PaymentStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    AllowanceMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    AllowanceSlot = table.Column<int>(type: "integer", nullable: true),
                    CheckoutSessionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaymentIntentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    RefundId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    BookedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledById = table.Column<Guid>(type: "uuid", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LateCancellation = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pt_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pt_sessions_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_types",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DefaultMinutes = table.Column<int>(type: "integer", nullable: false),
                    DefaultPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "weekly_hours",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weekly_hours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weekly_hours_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trainer_offers",
                schema: "bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trainer_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trainer_offers_session_types_SessionTypeId",
                        column: x => x.SessionTypeId,
                        principalSchema: "bookings",
                        principalTable: "session_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trainer_offers_trainers_TrainerId",
                        column: x => x.TrainerId,
                        principalSchema: "bookings",
                        principalTable: "trainers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_availability_exceptions_TenantId",
                schema: "bookings",
                table: "availability_exceptions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_availability_exceptions_TenantId_TrainerId_Date",
                schema: "bookings",
                table: "availability_exceptions",
                columns: new[] { "TenantId", "TrainerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_availability_exceptions_TrainerId",
                schema: "bookings",
                table: "availability_exceptions",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_TenantId",
                schema: "bookings",
                table: "policies",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pt_session_changes_TenantId",
                schema: "bookings",
                table: "pt_session_changes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_pt_session_changes_TenantId_SessionId",
                schema: "bookings",
                table: "pt_session_changes",
                columns: new[] { "TenantId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_CheckoutSessionId",
                schema: "bookings",
                table: "pt_sessions",
                column: "CheckoutSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TenantId",
                schema: "bookings",
                table: "pt_sessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TenantId_MemberId_AllowanceMonth_AllowanceSlot",
                schema: "bookings",
                table: "pt_sessions",
                columns: new[] { "TenantId", "MemberId", "AllowanceMonth", "AllowanceSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TenantId_MemberId_StartsAt",
                schema: "bookings",
                table: "pt_sessions",
                columns: new[] { "TenantId", "MemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TenantId_TrainerId_StartsAt",
                schema: "bookings",
                table: "pt_sessions",
                columns: new[] { "TenantId", "TrainerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TrainerId",
                schema: "bookings",
                table: "pt_sessions",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_session_types_TenantId",
                schema: "bookings",
                table: "session_types",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_session_types_TenantId_Code",
                schema: "bookings",
                table: "session_types",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trainer_offers_SessionTypeId",
                schema: "bookings",
                table: "trainer_offers",
                column: "SessionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_trainer_offers_TenantId",
                schema: "bookings",
                table: "trainer_offers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_trainer_offers_TenantId_TrainerId_SessionTypeId",
                schema: "bookings",
                table: "trainer_offers",
                columns: new[] { "TenantId", "TrainerId", "SessionTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trainer_offers_TrainerId",
                schema: "bookings",
                table: "trainer_offers",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_weekly_hours_TenantId",
                schema: "bookings",
                table: "weekly_hours",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_weekly_hours_TenantId_TrainerId_Day",
                schema: "bookings",
                table: "weekly_hours",
                columns: new[] { "TenantId", "TrainerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_weekly_hours_TrainerId",
                schema: "bookings",
                table: "weekly_hours",
                column: "TrainerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "availability_exceptions",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "policies",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "pt_session_changes",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "pt_sessions",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "trainer_offers",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "weekly_hours",
                schema: "bookings");

            migrationBuilder.DropTable(
                name: "session_types",
                schema: "bookings");

            migrationBuilder.DropColumn(
                name: "CalendarFeedSecret",
                schema: "bookings",
                table: "trainers");

            migrationBuilder.DropColumn(
                name: "Photo",
                schema: "bookings",
                table: "trainers");

            migrationBuilder.DropColumn(
                name: "PhotoContentType",
                schema: "bookings",
                table: "trainers");

            migrationBuilder.DropColumn(
                name: "PhotoVersion",
                schema: "bookings",
                table: "trainers");
        }
    }
}
