using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_Status",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_Status_IsFrozen",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "Status", "IsFrozen" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_Status_IsFrozen",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt",
                schema: "memberships",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_Status",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
