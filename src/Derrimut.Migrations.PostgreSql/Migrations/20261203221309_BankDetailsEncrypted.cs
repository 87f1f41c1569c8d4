using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BankDetailsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "payslips",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "payslips",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "payslips",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "payslips",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "payslips",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "payslips",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "SingleAdminMayApprove",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BankDetailsChangedAt",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "bank_details_audit",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_details_audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bank_details_audit_TenantId",
                schema: "payroll",
                table: "bank_details_audit",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_bank_details_audit_TenantId_At",
                schema: "payroll",
                table: "bank_details_audit",
                columns: new[] { "TenantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_details_audit",
                schema: "payroll");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "payslips");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "SingleAdminMayApprove",
                schema: "payroll",
                table: "employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedAt",
                schema: "payroll",
                table: "employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "employee_pay_settings");

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "payslips",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "payslips",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9,
                oldNullable: true);
        }
    }
}
