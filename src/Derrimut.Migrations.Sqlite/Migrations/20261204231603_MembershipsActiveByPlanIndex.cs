using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MembershipsActiveByPlanIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen",
                table: "memberships_memberships");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen_PlanCode",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "Status", "IsFrozen", "PlanCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen_PlanCode",
                table: "memberships_memberships");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "Status", "IsFrozen" });
        }
    }
}
