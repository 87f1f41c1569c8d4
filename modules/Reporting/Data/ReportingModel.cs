namespace Derrimut.Reporting.Data;

/// <summary>The Reporting module's own tables, in schema <c>reporting</c>: the daily roll-up (decision 0073).</summary>
internal static class ReportingModel
{
    public const string Schema = "reporting";

    public static void Configure(ModelBuilder modelBuilder)
    {
        // Natural keys: one row per gym and day (and hour, product); the key leads with the gym, so a report's range
        // of days is one index range.
        modelBuilder.Entity<RollUpState>(b =>
        {
            b.ToTable("roll_up_state", Schema);
            b.HasKey(x => x.TenantId);
            b.Property(x => x.ZoneId).HasMaxLength(64).IsRequired();
        });
        modelBuilder.Entity<DailyFigures>(b =>
        {
            b.ToTable("daily_figures", Schema);
            b.HasKey(x => new { x.TenantId, x.Day });
        });
        modelBuilder.Entity<HourlyCheckIns>(b =>
        {
            b.ToTable("hourly_check_ins", Schema);
            b.HasKey(x => new { x.TenantId, x.Day, x.Hour });
        });
        modelBuilder.Entity<DailyProductSales>(b =>
        {
            b.ToTable("daily_product_sales", Schema);
            b.HasKey(x => new { x.TenantId, x.Day, x.ProductId, x.ProductName });
            b.Property(x => x.ProductName).HasMaxLength(120).IsRequired();
        });
        modelBuilder.Entity<DailyClassFigures>(b =>
        {
            b.ToTable("daily_class_figures", Schema);
            b.HasKey(x => new { x.TenantId, x.Day, x.ClassName });
            b.Property(x => x.ClassName).HasMaxLength(80).IsRequired();
        });
        modelBuilder.Entity<DailyMembershipFigures>(b =>
        {
            b.ToTable("daily_membership_figures", Schema);
            b.HasKey(x => new { x.TenantId, x.Day, x.PlanCode });
            b.Property(x => x.PlanCode).HasMaxLength(50).IsRequired();
        });
        modelBuilder.Entity<DailyTrainerFigures>(b =>
        {
            b.ToTable("daily_trainer_figures", Schema);
            b.HasKey(x => new { x.TenantId, x.Day, x.TrainerId });
        });
    }
}
