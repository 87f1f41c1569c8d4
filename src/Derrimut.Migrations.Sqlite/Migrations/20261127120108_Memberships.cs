using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberships_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships_ledger_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    InvoiceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    IntervalUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IntervalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumTermMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    JoiningFeeCents = table.Column<long>(type: "INTEGER", nullable: false),
                    StripePriceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships_memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LiveUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MinimumTermEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextBillingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsFrozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    FrozenUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAsOf = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_memberships_memberships_memberships_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "memberships_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_audit_entries_TenantId",
                table: "memberships_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_audit_entries_TenantId_MembershipId",
                table: "memberships_audit_entries",
                columns: new[] { "TenantId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId",
                table: "memberships_ledger_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_Reference",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_PaymentIntentId",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "PaymentIntentId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_UserId",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_PlanId",
                table: "memberships_memberships",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId",
                table: "memberships_memberships",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_CheckoutSessionId",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "CheckoutSessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_LiveUserId",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "LiveUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_Status",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_SubscriptionId",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "SubscriptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_UserId",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plans_TenantId",
                table: "memberships_plans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plans_TenantId_Code",
                table: "memberships_plans",
                columns: new[] { "TenantId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memberships_audit_entries");

            migrationBuilder.DropTable(
                name: "memberships_ledger_entries");

            migrationBuilder.DropTable(
                name: "memberships_memberships");

            migrationBuilder.DropTable(
                name: "memberships_plans");
        }
    }
}
