namespace Derrimut.Payroll.Data;

/// <summary>The Payroll module's tables, in schema <c>payroll</c>. Money is whole cents (bigint) everywhere.</summary>
internal static class PayrollModel
{
    public const string Schema = "payroll";


    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<PayslipLine>();
        modelBuilder.Ignore<NotCalculatedEmployee>();
        modelBuilder.Ignore<WithholdingBracketRow>();
        modelBuilder.Entity<EmployeePaySettings>(b =>
        {
            b.ToTable("employee_pay_settings", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
            b.Property(x => x.EmploymentType).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.PayBasis).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.PayFrequency).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Residency).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.MedicareLevyExemption).HasConversion<string>().HasMaxLength(8);
            b.Property(x => x.SuperFundName).HasMaxLength(100).IsRequired();
            b.Property(x => x.SuperFundUsi).HasMaxLength(20).IsRequired();
            b.Property(x => x.SuperMemberNumber).HasMaxLength(20).IsRequired();
            b.Property(x => x.BankAccountCiphertext).HasMaxLength(1000).IsRequired();
            b.Property(x => x.AccountNumberEnding).HasMaxLength(3).IsRequired();
            // The plaintext columns keep their names so the migration only loosens them (the start-up step empties them).
            b.Property(x => x.LegacyBsb).HasColumnName("Bsb").HasMaxLength(6);
            b.Property(x => x.LegacyAccountNumber).HasColumnName("AccountNumber").HasMaxLength(9);
            b.Property(x => x.AccountName).HasMaxLength(32).IsRequired();
            b.Ignore(x => x.Scale);
            b.Ignore(x => x.ScaleResidency);
        });
        modelBuilder.Entity<EmployerPaySettings>(b =>
        {
            b.ToTable("employer_pay_settings", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.TenantId).IsUnique();
            b.Property(x => x.FinancialInstitution).HasMaxLength(3).IsRequired();
            b.Property(x => x.ApcaUserId).HasMaxLength(6).IsRequired();
            b.Property(x => x.UserName).HasMaxLength(26).IsRequired();
            b.Property(x => x.BankAccountCiphertext).HasMaxLength(1000).IsRequired();
            b.Property(x => x.AccountNumberEnding).HasMaxLength(3).IsRequired();
            // The plaintext columns keep their names so the migration only loosens them (the start-up step empties them).
            b.Property(x => x.LegacyBsb).HasColumnName("Bsb").HasMaxLength(6);
            b.Property(x => x.LegacyAccountNumber).HasColumnName("AccountNumber").HasMaxLength(9);
            b.Property(x => x.RemitterName).HasMaxLength(16).IsRequired();
        });
        modelBuilder.Entity<PublicHoliday>(b =>
        {
            b.ToTable("public_holidays", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.Date }).IsUnique();
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        });
        modelBuilder.Entity<TimesheetEntry>(b =>
        {
            b.ToTable("timesheet_entries", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.UserId, x.WorkDate }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.WorkDate });
            b.Property(x => x.OrdinaryHours).HasPrecision(5, 2);
            b.Property(x => x.OvertimeHours).HasPrecision(5, 2);
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<CompletedSession>(b =>
        {
            b.ToTable("completed_sessions", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.SessionId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.TrainerUserId, x.CompletedOn });
            b.Property(x => x.Description).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<PayRun>(b =>
        {
            b.ToTable("pay_runs", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.PeriodKey }).IsUnique();
            b.Property(x => x.PeriodKey).HasMaxLength(80).IsRequired();
            b.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<Payslip>(b =>
        {
            b.ToTable("payslips", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.PayRunId, x.UserId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.UserId });
            b.HasOne<PayRun>().WithMany().HasForeignKey(x => x.PayRunId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.EmployeeName).HasMaxLength(200).IsRequired();
            b.Property(x => x.EmploymentType).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.PayBasis).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Hours).HasPrecision(7, 2);
            b.Property(x => x.WithholdingTable).HasMaxLength(100).IsRequired();
            b.Property(x => x.BankAccountCiphertext).HasMaxLength(1000).IsRequired();
            b.Property(x => x.AccountNumberEnding).HasMaxLength(3).IsRequired();
            // The plaintext columns keep their names so the migration only loosens them (the start-up step empties them).
            b.Property(x => x.LegacyBsb).HasColumnName("Bsb").HasMaxLength(6);
            b.Property(x => x.LegacyAccountNumber).HasColumnName("AccountNumber").HasMaxLength(9);
            b.Property(x => x.AccountName).HasMaxLength(32).IsRequired();
            b.Property(x => x.SuperFundName).HasMaxLength(100).IsRequired();
            b.Property(x => x.SuperFundUsi).HasMaxLength(20).IsRequired();
            b.Property(x => x.SuperMemberNumber).HasMaxLength(20).IsRequired();
            b.Property(x => x.Lines).StoredAsJson();
            b.Property(x => x.WithholdingWorking).StoredAsJson();
            b.Property(x => x.SuperWorking).StoredAsJson();
            b.Property(x => x.TimesheetEntryIds).StoredAsJson();
            b.Property(x => x.SessionIds).StoredAsJson();
            b.Property(x => x.SuperBasis).HasMaxLength(16);
        });
        modelBuilder.Entity<WithholdingTableRecord>(b =>
        {
            b.ToTable("withholding_tables", Schema);
            b.HasKey(x => x.Id);
            // One table per scale per schedule date; a racing second add fails here, not half-written.
            b.HasIndex(x => new { x.EffectiveFrom, x.Scale }).IsUnique();
            b.Property(x => x.Identifier).HasMaxLength(100).IsRequired();
            b.Property(x => x.Source).HasMaxLength(500).IsRequired();
            b.Property(x => x.AddedByName).HasMaxLength(200).IsRequired();
            b.Property(x => x.NoTfnResidentRate).HasPrecision(7, 5);
            b.Property(x => x.NoTfnForeignRate).HasPrecision(7, 5);
            b.Property(x => x.Brackets).StoredAsJson();
        });
        modelBuilder.Entity<SuperGuaranteeRule>(b =>
        {
            b.ToTable("super_guarantee_rules", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.EffectiveFrom).IsUnique();
            b.Property(x => x.Rate).HasPrecision(7, 5);
            b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Source).HasMaxLength(500).IsRequired();
            b.Property(x => x.AddedByName).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<PayRun>(b => b.Property(x => x.NotCalculated).StoredAsJson());
        modelBuilder.Entity<BankDetailsAuditEntry>(b =>
        {
            b.ToTable("bank_details_audit", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.At });
            b.Property(x => x.Action).HasMaxLength(16).IsRequired();
            b.Property(x => x.Detail).HasMaxLength(300).IsRequired();
        });
    }
}
