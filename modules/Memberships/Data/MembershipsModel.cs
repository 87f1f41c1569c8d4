using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Data;

/// <summary>The Memberships module's tables, in schema <c>memberships</c>.</summary>
internal static class MembershipsModel
{
    public const string Schema = "memberships";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Plan>(b =>
        {
            b.ToTable("plans", Schema);
            b.HasKey(p => p.Id);
            b.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
            b.Property(p => p.Code).HasMaxLength(50);
            b.Property(p => p.Name).HasMaxLength(100);
            b.Property(p => p.Description).HasMaxLength(500);
            b.Property(p => p.StripePriceId).HasMaxLength(255);
            b.Property(p => p.IntervalUnit).HasConversion<string>().HasMaxLength(10);
            b.Ignore(p => p.Interval);
            b.Ignore(p => p.Inclusions);
        });

        modelBuilder.Entity<Membership>(b =>
        {
            b.ToTable("memberships", Schema);
            b.HasKey(m => m.Id);
            // One live membership per member per location, enforced by the database (see Membership.LiveUserId).
            b.HasIndex(m => new { m.TenantId, m.LiveUserId }).IsUnique();
            b.HasIndex(m => new { m.TenantId, m.UserId });
            b.HasIndex(m => new { m.TenantId, m.SubscriptionId });
            b.HasIndex(m => new { m.TenantId, m.CheckoutSessionId });
            // The dashboard counts live members by state and freeze (decision 0073's benchmark), and the membership
            // report its active members by plan (decision 0074): with IsFrozen and PlanCode in the key both are read
            // from the index alone, not from 20,000 rows of a large gym.
            b.HasIndex(m => new { m.TenantId, m.Status, m.IsFrozen, m.PlanCode });
            // Reports count joins and cancellations in a period (decision 0057: the benchmark's three years).
            b.HasIndex(m => new { m.TenantId, m.StartedAt });
            // Status in the key: the dashboard's cancellations this month are counted from the index alone.
            b.HasIndex(m => new { m.TenantId, m.EndedAt, m.Status });
            b.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
            b.Property(m => m.PlanCode).HasMaxLength(50);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.CheckoutSessionId).HasMaxLength(255);
            b.Property(m => m.CheckoutUrl).HasMaxLength(2000);
            b.Property(m => m.SubscriptionId).HasMaxLength(255);
            b.Property(m => m.CustomerId).HasMaxLength(255);
            b.Ignore(m => m.IsLive);
        });

        modelBuilder.Entity<LedgerEntry>(b =>
        {
            b.ToTable("ledger_entries", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.Kind, e.Reference }).IsUnique();
            b.HasIndex(e => new { e.TenantId, e.UserId });
            b.HasIndex(e => new { e.TenantId, e.PaymentIntentId });
            // Revenue and failed payments over a period are range reads by when the money moved (decision 0057).
            b.HasIndex(e => new { e.TenantId, e.OccurredAt });
            // The dashboard's failed payments this month (a few rows among a month's charges, found by kind first) and
            // today's charges and refunds: with the amounts in the key they are summed from the index alone, instead
            // of one heap page per line scattered over years of a large gym's ledger (decision 0074's benchmark).
            b.HasIndex(e => new { e.TenantId, e.Kind, e.OccurredAt, e.AmountCents, e.GstCents });
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Description).HasMaxLength(200);
            b.Property(e => e.Reference).HasMaxLength(300);
            b.Property(e => e.PaymentIntentId).HasMaxLength(255);
            b.Property(e => e.InvoiceId).HasMaxLength(255);
        });

        modelBuilder.Entity<MembershipAuditEntry>(b =>
        {
            b.ToTable("audit_entries", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.MembershipId });
            b.Property(e => e.Action).HasMaxLength(50);
            b.Property(e => e.Detail).HasMaxLength(500);
        });

        modelBuilder.Entity<PlanPriceChange>(b =>
        {
            b.ToTable("plan_price_changes", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.MembershipId });
            b.HasIndex(e => new { e.TenantId, e.PlanId });
            b.Property(e => e.LastError).HasMaxLength(500);
        });

        modelBuilder.Entity<PlanAuditEntry>(b =>
        {
            b.ToTable("plan_audit_entries", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.PlanId });
            b.Property(e => e.Action).HasMaxLength(50);
            b.Property(e => e.Detail).HasMaxLength(1000);
        });
    }
}
