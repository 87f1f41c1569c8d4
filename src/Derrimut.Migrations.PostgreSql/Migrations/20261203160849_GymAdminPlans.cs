using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class GymAdminPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_audit_entries",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_price_changes",
                schema: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    OldPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    NewPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NoticeSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_price_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_audit_entries_TenantId",
                schema: "memberships",
                table: "plan_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_audit_entries_TenantId_PlanId",
                schema: "memberships",
                table: "plan_audit_entries",
                columns: new[] { "TenantId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_price_changes_TenantId",
                schema: "memberships",
                table: "plan_price_changes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_price_changes_TenantId_MembershipId",
                schema: "memberships",
                table: "plan_price_changes",
                columns: new[] { "TenantId", "MembershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_price_changes_TenantId_PlanId",
                schema: "memberships",
                table: "plan_price_changes",
                columns: new[] { "TenantId", "PlanId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_audit_entries",
                schema: "memberships");

            migrationBuilder.DropTable(
                name: "plan_price_changes",
                schema: "memberships");
        }
    }
}
