using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SettingsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "franchise_stripe_account_audit_entries",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_franchise_stripe_account_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "location_stripe_account_audit_entries",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_stripe_account_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_assistant_audit_entries",
                schema: "aiplans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_assistant_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_franchise_stripe_account_audit_entries_FranchiseId",
                schema: "billing",
                table: "franchise_stripe_account_audit_entries",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_franchise_stripe_account_audit_entries_FranchiseId_At",
                schema: "billing",
                table: "franchise_stripe_account_audit_entries",
                columns: new[] { "FranchiseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_location_stripe_account_audit_entries_TenantId",
                schema: "billing",
                table: "location_stripe_account_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_location_stripe_account_audit_entries_TenantId_At",
                schema: "billing",
                table: "location_stripe_account_audit_entries",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_assistant_audit_entries_TenantId",
                schema: "aiplans",
                table: "voice_assistant_audit_entries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_assistant_audit_entries_TenantId_At",
                schema: "aiplans",
                table: "voice_assistant_audit_entries",
                columns: new[] { "TenantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "franchise_stripe_account_audit_entries",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "location_stripe_account_audit_entries",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "voice_assistant_audit_entries",
                schema: "aiplans");
        }
    }
}
