using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AiPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "aiplans");

            migrationBuilder.CreateTable(
                name: "plans",
                schema: "aiplans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ActiveMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlanJson = table.Column<string>(type: "text", nullable: false),
                    InputJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Bmr = table.Column<int>(type: "integer", nullable: false),
                    Tdee = table.Column<int>(type: "integer", nullable: false),
                    TargetCalories = table.Column<int>(type: "integer", nullable: false),
                    TrainingDays = table.Column<int>(type: "integer", nullable: false),
                    Goal = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Generator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GeneratorReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttemptsJson = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    EditedFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_assistant_settings",
                schema: "aiplans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_assistant_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plans_TenantId",
                schema: "aiplans",
                table: "plans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_plans_TenantId_ActiveMemberId",
                schema: "aiplans",
                table: "plans",
                columns: new[] { "TenantId", "ActiveMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_TenantId_MemberId_Number",
                schema: "aiplans",
                table: "plans",
                columns: new[] { "TenantId", "MemberId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_assistant_settings_TenantId",
                schema: "aiplans",
                table: "voice_assistant_settings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plans",
                schema: "aiplans");

            migrationBuilder.DropTable(
                name: "voice_assistant_settings",
                schema: "aiplans");
        }
    }
}
