using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Data;

/// <summary>The Organizations module's tables, in schema <c>organizations</c>.</summary>
internal static class OrganizationsModel
{
    public const string Schema = "organizations";


    public static void Configure(ModelBuilder modelBuilder)
    {
        // DailyHours is a value stored as JSON text, never an entity of its own.
        modelBuilder.Ignore<DailyHours>();
        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("organizations", Schema);
            b.HasKey(o => o.Id);
            b.Property(o => o.Identifier).HasMaxLength(TenantIdentifier.MaxLength).IsRequired();
            b.HasIndex(o => o.Identifier).IsUnique();
            b.Property(o => o.Name).HasMaxLength(200).IsRequired();
            b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(o => o.ParentId);
            b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.Property(o => o.TimeZone).HasMaxLength(64).IsRequired();
            b.Property(o => o.Currency).HasMaxLength(3).IsFixedLength().IsRequired();
            b.Property(o => o.Phone).HasMaxLength(32);
            b.Property(o => o.Email).HasMaxLength(254);
            b.Property(o => o.Abn).HasMaxLength(11);
            b.Property(o => o.PhotoUrl).HasMaxLength(GymProfileRules.PhotoUrlMaxLength);
            b.Ignore(o => o.FranchiseId);
            b.OwnsOne(o => o.Address, a =>
            {
                a.Property(x => x.Street).HasMaxLength(200).HasColumnName("address_street");
                a.Property(x => x.Suburb).HasMaxLength(100).HasColumnName("address_suburb");
                a.Property(x => x.State).HasMaxLength(3).HasColumnName("address_state");
                a.Property(x => x.Postcode).HasMaxLength(4).HasColumnName("address_postcode");
            });

            // Hours and amenities are read and written whole with the profile; a JSON text column keeps them
            // identical on every provider.
            b.Property(o => o.OpeningHours)
                .StoredAsJson()
                .HasMaxLength(2000);
            b.Property(o => o.Amenities)
                .StoredAsJson()
                .HasMaxLength(2000);
        });

        // Who changed a gym's profile, when and what: platform-owned like the organisation it describes, and read
        // only through the organisation's own pages.
        modelBuilder.Entity<OrganizationAuditEntry>(b =>
        {
            b.ToTable("audit_entries", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.OrganizationId, e.At });
            b.Property(e => e.Action).HasMaxLength(50).IsRequired();
            b.Property(e => e.Detail).HasMaxLength(2000).IsRequired();
        });

        // The gym's uploaded photo: bytes in the database (served by the app on the gym's site), one row per
        // organisation, removed with it.
        modelBuilder.Entity<GymPhoto>(b =>
        {
            b.ToTable("gym_photos", Schema);
            b.HasKey(p => p.OrganizationId);
            b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            b.Property(p => p.Jpeg).IsRequired();
            b.Property(p => p.Version).HasMaxLength(16).IsRequired();
        });
    }
}
