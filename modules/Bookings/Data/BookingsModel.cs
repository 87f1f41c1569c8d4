using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Trainers;

namespace Derrimut.Bookings.Data;

/// <summary>
/// The Bookings module's tables, in schema <c>bookings</c>. Each feature configures its own tables in its own method
/// (trainers and the shared calendar here; PT sessions, classes… beside it), so parallel work merges cleanly.
/// </summary>
internal static partial class BookingsModel
{
    public const string Schema = "bookings";

    public static void Configure(ModelBuilder modelBuilder)
    {
        ConfigureTrainersAndCalendar(modelBuilder);
        ConfigureSessions(modelBuilder);
        ConfigureClasses(modelBuilder);
    }

    /// <summary>PT sessions, session types, availability and the policy (issue 13).</summary>
    static partial void ConfigureSessions(ModelBuilder modelBuilder);

    /// <summary>Classes, waitlists, check-in and doors (issue 14).</summary>
    static partial void ConfigureClasses(ModelBuilder modelBuilder);

    private static void ConfigureTrainersAndCalendar(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Trainer>(b =>
        {
            b.ToTable("trainers", Schema);
            b.HasKey(t => t.Id);
            b.HasIndex(t => new { t.TenantId, t.PersonId }).IsUnique();
            b.Property(t => t.DisplayName).HasMaxLength(120).IsRequired();
            b.Property(t => t.Bio).HasMaxLength(2000);
            b.Property(t => t.Specialties).HasMaxLength(500);
            b.Property(t => t.Qualifications).HasMaxLength(500);
        });

        modelBuilder.Entity<CalendarBlock>(b =>
        {
            b.ToTable("calendar_blocks", Schema);
            b.HasKey(c => c.Id);
            // Decision 0027: these two unique indexes ARE the no-double-booking rule, on every provider. Nulls never
            // collide in a unique index (SQL Server's gets an IS NOT NULL filter from EF), so a class's blocks, which
            // have no member, only hold the trainer's time.
            b.HasIndex(c => new { c.TenantId, c.TrainerId, c.StartsAt }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.MemberId, c.StartsAt }).IsUnique();
            b.HasIndex(c => c.CommitmentId);
            b.Property(c => c.CommitmentKind).HasMaxLength(32).IsRequired();
            b.HasOne<Trainer>().WithMany().HasForeignKey(c => c.TrainerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
