using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt",
                table: "memberships_memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt",
                table: "memberships_ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt_Status",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "EndedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt_AmountCents_GstCents",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt", "AmountCents", "GstCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt_Status",
                table: "memberships_memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt_AmountCents_GstCents",
                table: "memberships_ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_Kind_OccurredAt",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt" });
        }
    }
}
