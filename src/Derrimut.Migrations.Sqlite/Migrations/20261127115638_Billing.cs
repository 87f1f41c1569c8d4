using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_franchise_stripe_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedSecretKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SecretKeyHint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    PublishableKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookSecretHint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_franchise_stripe_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_location_stripe_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedSecretKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SecretKeyHint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    PublishableKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookSecretHint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_location_stripe_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_simulated_records",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ChargeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvoiceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_simulated_records", x => new { x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "billing_webhook_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StripeEventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IgnoredReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    StripeCreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_billing_franchise_stripe_accounts_FranchiseId",
                table: "billing_franchise_stripe_accounts",
                column: "FranchiseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_location_stripe_accounts_TenantId",
                table: "billing_location_stripe_accounts",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_simulated_records_TenantId",
                table: "billing_simulated_records",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_billing_simulated_records_TenantId_ChargeId",
                table: "billing_simulated_records",
                columns: new[] { "TenantId", "ChargeId" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_simulated_records_TenantId_InvoiceId",
                table: "billing_simulated_records",
                columns: new[] { "TenantId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_simulated_records_TenantId_Kind_IdempotencyKey",
                table: "billing_simulated_records",
                columns: new[] { "TenantId", "Kind", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_webhook_events_TenantId",
                table: "billing_webhook_events",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_billing_webhook_events_TenantId_State_ReceivedAt",
                table: "billing_webhook_events",
                columns: new[] { "TenantId", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_webhook_events_TenantId_StripeEventId",
                table: "billing_webhook_events",
                columns: new[] { "TenantId", "StripeEventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_franchise_stripe_accounts");

            migrationBuilder.DropTable(
                name: "billing_location_stripe_accounts");

            migrationBuilder.DropTable(
                name: "billing_simulated_records");

            migrationBuilder.DropTable(
                name: "billing_webhook_events");
        }
    }
}
