using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GymAdminPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberships_plan_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_plan_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships_plan_price_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OldPriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    NewPriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    NoticeSentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships_plan_price_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plan_audit_entries_TenantId",
                table: "memberships_plan_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plan_audit_entries_TenantId_PlanId",
                table: "memberships_plan_audit_entries",
                columns: new[] { "TenantId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plan_price_changes_TenantId",
                table: "memberships_plan_price_changes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plan_price_changes_TenantId_MembershipId",
                table: "memberships_plan_price_changes",
                columns: new[] { "TenantId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_plan_price_changes_TenantId_PlanId",
                table: "memberships_plan_price_changes",
                columns: new[] { "TenantId", "PlanId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memberships_plan_audit_entries");

            migrationBuilder.DropTable(
                name: "memberships_plan_price_changes");
        }
    }
}
