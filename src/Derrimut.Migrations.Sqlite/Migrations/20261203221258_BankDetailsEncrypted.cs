using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BankDetailsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                table: "payroll_payslips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                table: "payroll_payslips",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "SingleAdminMayApprove",
                table: "payroll_employer_pay_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "BankDetailsChangedAt",
                table: "payroll_employee_pay_settings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                table: "payroll_employee_pay_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "payroll_bank_details_audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_bank_details_audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_bank_details_audit_TenantId",
                table: "payroll_bank_details_audit",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_bank_details_audit_TenantId_At",
                table: "payroll_bank_details_audit",
                columns: new[] { "TenantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_bank_details_audit");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedBy",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "BankDetailsRevision",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                table: "payroll_employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                table: "payroll_employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "SingleAdminMayApprove",
                table: "payroll_employer_pay_settings");

            migrationBuilder.DropColumn(
                name: "AccountNumberEnding",
                table: "payroll_employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankAccountCiphertext",
                table: "payroll_employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedAt",
                table: "payroll_employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsChangedBy",
                table: "payroll_employee_pay_settings");

            migrationBuilder.DropColumn(
                name: "BankDetailsRevision",
                table: "payroll_employee_pay_settings");

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_payslips",
                type: "TEXT",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_employer_pay_settings",
                type: "TEXT",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                table: "payroll_employee_pay_settings",
                type: "TEXT",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 9,
                oldNullable: true);
        }
    }
}
