using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_EndedAt",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt",
                schema: "memberships",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_EndedAt_Status",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "EndedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt_AmountCents_GstCents",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt", "AmountCents", "GstCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_EndedAt_Status",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt_AmountCents_GstCents",
                schema: "memberships",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_EndedAt",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_Kind_OccurredAt",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "Kind", "OccurredAt" });
        }
    }
}
