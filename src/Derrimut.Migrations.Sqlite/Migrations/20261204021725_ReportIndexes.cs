using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_memberships_TenantId_StartedAt",
                table: "memberships_memberships",
                columns: new[] { "TenantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ledger_entries_TenantId_OccurredAt",
                table: "memberships_ledger_entries",
                columns: new[] { "TenantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_PaidAt",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_pt_sessions_TenantId_StartsAt",
                table: "bookings_pt_sessions",
                columns: new[] { "TenantId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_EndedAt",
                table: "memberships_memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_memberships_TenantId_StartedAt",
                table: "memberships_memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ledger_entries_TenantId_OccurredAt",
                table: "memberships_ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_marketplace_orders_TenantId_PaidAt",
                table: "marketplace_orders");

            migrationBuilder.DropIndex(
                name: "IX_bookings_pt_sessions_TenantId_StartsAt",
                table: "bookings_pt_sessions");
        }
    }
}
