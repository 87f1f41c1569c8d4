using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;

namespace Derrimut.Bookings.Data;

/// <summary>PT sessions, session types, trainer offers, availability and the policy (issue 13).</summary>
internal static partial class BookingsModel
{
    static partial void ConfigureSessions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Trainer>(b => b.Property(t => t.PhotoContentType).HasMaxLength(40));
        modelBuilder.Entity<SessionType>(b =>
        {
            b.ToTable("session_types", Schema);
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
            b.Property(s => s.Code).HasMaxLength(40).IsRequired();
            b.Property(s => s.Name).HasMaxLength(80).IsRequired();
        });
        modelBuilder.Entity<TrainerOffer>(b =>
        {
            b.ToTable("trainer_offers", Schema);
            b.HasKey(o => o.Id);
            b.HasIndex(o => new { o.TenantId, o.TrainerId, o.SessionTypeId }).IsUnique();
            b.HasOne<Trainer>().WithMany().HasForeignKey(o => o.TrainerId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<SessionType>().WithMany().HasForeignKey(o => o.SessionTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BookingPolicy>(b =>
        {
            b.ToTable("policies", Schema);
            b.HasKey(p => p.Id);
            b.HasIndex(p => p.TenantId).IsUnique();
        });
        modelBuilder.Entity<WeeklyHours>(b =>
        {
            b.ToTable("weekly_hours", Schema);
            b.HasKey(w => w.Id);
            b.HasIndex(w => new { w.TenantId, w.TrainerId, w.Day });
            b.Property(w => w.Day).HasConversion<int>();
            b.HasOne<Trainer>().WithMany().HasForeignKey(w => w.TrainerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AvailabilityException>(b =>
        {
            b.ToTable("availability_exceptions", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.TrainerId, e.Date });
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(e => e.Note).HasMaxLength(200);
            b.HasOne<Trainer>().WithMany().HasForeignKey(e => e.TrainerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PtSession>(b =>
        {
            b.ToTable("pt_sessions", Schema);
            b.HasKey(s => s.Id);
            b.Ignore(s => s.HoldsTime);
            // "My upcoming bookings" and the trainer's schedule are range reads by person and start.
            b.HasIndex(s => new { s.TenantId, s.MemberId, s.StartsAt });
            b.HasIndex(s => new { s.TenantId, s.TrainerId, s.StartsAt });
            // Reports and the dashboard read every session of a period, whoever booked or gives it (decision 0057).
            b.HasIndex(s => new { s.TenantId, s.StartsAt });
            // The reports' daily roll-up finds sessions changed since its last run on days it had already summed.
            b.HasIndex(s => new { s.TenantId, s.UpdatedAt });
            b.HasIndex(s => s.CheckoutSessionId);
            // An included session uses one numbered place of its month's allowance; the database refuses a place taken twice.
            b.HasIndex(s => new { s.TenantId, s.MemberId, s.AllowanceMonth, s.AllowanceSlot }).IsUnique();
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.PaymentStatus).HasConversion<string>().HasMaxLength(32);
            b.Property(s => s.SessionTypeCode).HasMaxLength(40).IsRequired();
            b.Property(s => s.SessionTypeName).HasMaxLength(80).IsRequired();
            b.Property(s => s.AllowanceMonth).HasMaxLength(7);
            b.Property(s => s.CheckoutSessionId).HasMaxLength(255);
            b.Property(s => s.CheckoutUrl).HasMaxLength(2000);
            b.Property(s => s.PaymentIntentId).HasMaxLength(255);
            b.Property(s => s.RefundId).HasMaxLength(255);
            b.Property(s => s.CancellationReason).HasMaxLength(500);
            b.Property(s => s.Notes).HasMaxLength(2000);
            b.HasOne<Trainer>().WithMany().HasForeignKey(s => s.TrainerId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PtSessionChange>(b =>
        {
            b.ToTable("pt_session_changes", Schema);
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.TenantId, c.SessionId });
            b.Property(c => c.Action).HasMaxLength(32).IsRequired();
            b.Property(c => c.Detail).HasMaxLength(500);
        });
    }
}
