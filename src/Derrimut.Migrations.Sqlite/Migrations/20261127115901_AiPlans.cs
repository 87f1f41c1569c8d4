using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AiPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aiplans_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    InputJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Bmr = table.Column<int>(type: "INTEGER", nullable: false),
                    Tdee = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetCalories = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Generator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GeneratorReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AttemptsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    EditedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aiplans_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aiplans_voice_assistant_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aiplans_voice_assistant_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_plans_TenantId",
                table: "aiplans_plans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_plans_TenantId_ActiveMemberId",
                table: "aiplans_plans",
                columns: new[] { "TenantId", "ActiveMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_plans_TenantId_MemberId_Number",
                table: "aiplans_plans",
                columns: new[] { "TenantId", "MemberId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aiplans_voice_assistant_settings_TenantId",
                table: "aiplans_voice_assistant_settings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aiplans_plans");

            migrationBuilder.DropTable(
                name: "aiplans_voice_assistant_settings");
        }
    }
}
