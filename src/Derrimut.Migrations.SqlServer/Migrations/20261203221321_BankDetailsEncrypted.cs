using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
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
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "payslips",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "payslips",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "payslips",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "payslips",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "payslips",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "SingleAdminMayApprove",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumberEnding",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BankAccountCiphertext",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BankDetailsChangedAt",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BankDetailsChangedBy",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BankDetailsRevision",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "bank_details_audit",
                schema: "payroll",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
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
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "payslips",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employer_pay_settings",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsb",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AccountNumber",
                schema: "payroll",
                table: "employee_pay_settings",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(9)",
                oldMaxLength: 9,
                oldNullable: true);
        }
    }
}
