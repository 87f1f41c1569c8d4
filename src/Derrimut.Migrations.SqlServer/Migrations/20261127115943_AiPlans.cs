using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    ActiveMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlanJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    InputJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Bmr = table.Column<int>(type: "int", nullable: false),
                    Tdee = table.Column<int>(type: "int", nullable: false),
                    TargetCalories = table.Column<int>(type: "int", nullable: false),
                    TrainingDays = table.Column<int>(type: "int", nullable: false),
                    Goal = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Generator = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    GeneratorReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AttemptsJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EditedFromId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReviewedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
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
                unique: true,
                filter: "[ActiveMemberId] IS NOT NULL");

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
