using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_Status",
                table: "memberships_memberships");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "Status", "IsFrozen" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_Status_IsFrozen",
                table: "memberships_memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt",
                table: "memberships_ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_Status",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
