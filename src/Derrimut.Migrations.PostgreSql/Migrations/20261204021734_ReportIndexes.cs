using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_pt_sessions_TenantId_StartsAt",
                schema: "bookings",
                table: "pt_sessions",
                columns: new[] { "TenantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_PaidAt",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_EndedAt",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_TenantId_StartedAt",
                schema: "memberships",
                table: "memberships",
                columns: new[] { "TenantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TenantId_OccurredAt",
                schema: "memberships",
                table: "ledger_entries",
                columns: new[] { "TenantId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pt_sessions_TenantId_StartsAt",
                schema: "bookings",
                table: "pt_sessions");

            migrationBuilder.DropIndex(
                name: "IX_orders_TenantId_PaidAt",
                schema: "marketplace",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_EndedAt",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_memberships_TenantId_StartedAt",
                schema: "memberships",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_TenantId_OccurredAt",
                schema: "memberships",
                table: "ledger_entries");
        }
    }
}
