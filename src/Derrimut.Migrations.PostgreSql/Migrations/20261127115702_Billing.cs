using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "billing");

            migrationBuilder.CreateTable(
                name: "franchise_stripe_accounts",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecretKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SecretKeyHint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PublishableKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WebhookSecretHint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_franchise_stripe_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "location_stripe_accounts",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecretKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SecretKeyHint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PublishableKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WebhookSecretHint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_stripe_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "simulated_records",
                schema: "billing",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ChargeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InvoiceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_simulated_records", x => new { x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "webhook_events",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StripeEventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IgnoredReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    StripeCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_franchise_stripe_accounts_FranchiseId",
                schema: "billing",
                table: "franchise_stripe_accounts",
                column: "FranchiseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_location_stripe_accounts_TenantId",
                schema: "billing",
                table: "location_stripe_accounts",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_simulated_records_TenantId",
                schema: "billing",
                table: "simulated_records",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_simulated_records_TenantId_ChargeId",
                schema: "billing",
                table: "simulated_records",
                columns: new[] { "TenantId", "ChargeId" });

            migrationBuilder.CreateIndex(
                name: "IX_simulated_records_TenantId_InvoiceId",
                schema: "billing",
                table: "simulated_records",
                columns: new[] { "TenantId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_simulated_records_TenantId_Kind_IdempotencyKey",
                schema: "billing",
                table: "simulated_records",
                columns: new[] { "TenantId", "Kind", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_events_TenantId",
                schema: "billing",
                table: "webhook_events",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_events_TenantId_State_ReceivedAt",
                schema: "billing",
                table: "webhook_events",
                columns: new[] { "TenantId", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_events_TenantId_StripeEventId",
                schema: "billing",
                table: "webhook_events",
                columns: new[] { "TenantId", "StripeEventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "franchise_stripe_accounts",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "location_stripe_accounts",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "simulated_records",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "webhook_events",
                schema: "billing");
        }
    }
}
