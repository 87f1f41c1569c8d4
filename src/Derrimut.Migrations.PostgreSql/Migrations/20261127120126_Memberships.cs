using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "memberships");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    GstCents = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PaymentIntentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    InvoiceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    IntervalUnit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IntervalCount = table.Column<int>(type: "integer", nullable: false),
                    MinimumTermMonths = table.Column<int>(type: "integer", nullable: false),
                    JoiningFeeCents = table.Column<long>(type: "bigint", nullable: false),
                    StripePriceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LiveUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckoutSessionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubscriptionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CustomerId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MinimumTermEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextBillingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancellationRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsFrozen = table.Column<bool>(type: "boolean", nullable: false),
                    FrozenUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StateAsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_memberships_plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "memberships",
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_TenantId",
                schema: "memberships",
                table: "audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_TenantId_MembershipId",
                schema: "memberships",
                table: "audit_entries",
                columns: new[] { "TenantId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId",
                schema: "memberships",
                table: "ledger_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_Kind_Reference",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_PaymentIntentId",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "PaymentIntentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_UserId",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_PlanId",
                schema: "memberships",
                table: "memberships",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId",
                schema: "memberships",
                table: "memberships",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_CheckoutSessionId",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "CheckoutSessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_LiveUserId",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "LiveUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_Status",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_SubscriptionId",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "SubscriptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_UserId",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_plans_TenantId",
                schema: "memberships",
                table: "plans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_plans_TenantId_Code",
                schema: "memberships",
                table: "plans",
                columns: new[] { "TenantId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "memberships");

            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "memberships");

            migrationBuilder.DropTable(
                name: "memberships",
                schema: "memberships");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "memberships");
        }
    }
}
