using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SettingsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aiplans_voice_assistant_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aiplans_voice_assistant_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_franchise_stripe_account_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_franchise_stripe_account_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_location_stripe_account_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_location_stripe_account_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_voice_assistant_audit_entries_TenantId",
                table: "aiplans_voice_assistant_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_voice_assistant_audit_entries_TenantId_At",
                table: "aiplans_voice_assistant_audit_entries",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_franchise_stripe_account_audit_entries_FranchiseId",
                table: "billing_franchise_stripe_account_audit_entries",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_billing_franchise_stripe_account_audit_entries_FranchiseId_At",
                table: "billing_franchise_stripe_account_audit_entries",
                columns: new[] { "FranchiseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_location_stripe_account_audit_entries_TenantId",
                table: "billing_location_stripe_account_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_billing_location_stripe_account_audit_entries_TenantId_At",
                table: "billing_location_stripe_account_audit_entries",
                columns: new[] { "TenantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aiplans_voice_assistant_audit_entries");

            migrationBuilder.DropTable(
                name: "billing_franchise_stripe_account_audit_entries");

            migrationBuilder.DropTable(
                name: "billing_location_stripe_account_audit_entries");
        }
    }
}
