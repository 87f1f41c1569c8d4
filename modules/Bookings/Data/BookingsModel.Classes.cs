using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Trainers;

namespace Derrimut.Bookings.Data;

/// <summary>Classes, waitlists, strikes, check-ins and doors (issue 14), in schema <c>bookings</c>.</summary>
internal static partial class BookingsModel
{
    static partial void ConfigureClasses(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClassType>(b =>
        {
            b.ToTable("class_types", Schema);
            b.HasKey(t => t.Id);
            b.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
            b.Property(t => t.Name).HasMaxLength(80).IsRequired();
            b.Property(t => t.Description).HasMaxLength(1000);
            b.Property(t => t.Room).HasMaxLength(80);
            b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<ClassSchedule>(b =>
        {
            b.ToTable("class_schedules", Schema);
            b.HasKey(s => s.Id);
            b.HasOne<ClassType>().WithMany().HasForeignKey(s => s.ClassTypeId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Trainer>().WithMany().HasForeignKey(s => s.TrainerId).OnDelete(DeleteBehavior.Restrict);
            b.Property(s => s.DayOfWeek).HasConversion<string>().HasMaxLength(10);
        });

        modelBuilder.Entity<ClassOccurrence>(b =>
        {
            b.ToTable("class_occurrences", Schema);
            b.HasKey(o => o.Id);
            b.HasIndex(o => new { o.TenantId, o.StartsAt });
            // One class a week per schedule: extending a schedule twice (two nodes, two clicks) cannot double it.
            b.HasIndex(o => new { o.TenantId, o.ScheduleId, o.LocalDate }).IsUnique();
            b.HasOne<ClassType>().WithMany().HasForeignKey(o => o.ClassTypeId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<ClassSchedule>().WithMany().HasForeignKey(o => o.ScheduleId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Trainer>().WithMany().HasForeignKey(o => o.TrainerId).OnDelete(DeleteBehavior.Restrict);
            b.Property(o => o.Name).HasMaxLength(80);
            b.Property(o => o.Room).HasMaxLength(80);
            // The database's own guard behind the conditional updates (decision 0031).
            b.ToTable(t => t.HasCheckConstraint("ck_class_occurrences_capacity", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\""));
        });

        modelBuilder.Entity<ClassBooking>(b =>
        {
            b.ToTable("class_bookings", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.OccurrenceId, x.LiveMemberId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.OccurrenceId, x.Status, x.WaitlistNumber });
            b.HasIndex(x => new { x.TenantId, x.MemberId });
            b.HasOne<ClassOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<ClassPolicy>(b =>
        {
            b.ToTable("class_policies", Schema);
            b.HasKey(p => p.Id);
            b.HasIndex(p => p.TenantId).IsUnique();
        });

        modelBuilder.Entity<ClassStrike>(b =>
        {
            b.ToTable("class_strikes", Schema);
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.TenantId, s.BookingId, s.Kind }).IsUnique();
            b.HasIndex(s => new { s.TenantId, s.MemberId, s.At });
            b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Detail).HasMaxLength(200);
        });

        modelBuilder.Entity<Door>(b =>
        {
            b.ToTable("doors", Schema);
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.TenantId, d.Name }).IsUnique();
            b.Property(d => d.Name).HasMaxLength(80).IsRequired();
        });

        modelBuilder.Entity<DoorDecision>(b =>
        {
            b.ToTable("door_decisions", Schema);
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.TenantId, d.DoorId, d.DecidedAt });
            b.HasIndex(d => new { d.TenantId, d.PersonId, d.DecidedAt });
            b.Property(d => d.Reason).HasMaxLength(200);
        });

        modelBuilder.Entity<CheckIn>(b =>
        {
            b.ToTable("check_ins", Schema);
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.TenantId, c.PersonId, c.At });
            b.HasIndex(c => new { c.TenantId, c.At });
            b.Property(c => c.Place).HasMaxLength(80);
            // The home gym's report of its members' visits elsewhere reads by home location across the franchise.
            b.HasIndex(c => new { c.FranchiseId, c.HomeLocationId, c.At });
        });

        // Member card numbers (session 5): one card per member per location, one member per number per location.
        modelBuilder.Entity<MemberCard>(b =>
        {
            b.ToTable("member_cards", Schema);
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.TenantId, c.CardNumber }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.PersonId }).IsUnique();
            b.Property(c => c.CardNumber).HasMaxLength(40).IsRequired();
        });
    }
}
