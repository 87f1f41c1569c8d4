using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Identity.Data;

/// <summary>The Identity module's tables, in schema <c>identity</c>: users (platform-owned), access rows, grants.</summary>
internal static class IdentityModel
{
    public const string Schema = "identity";


    public static void Configure(ModelBuilder modelBuilder)
    {
        // The ASP.NET Core Identity user tables, configured as IdentityUserContext does (no global role tables:
        // roles are per access).
        modelBuilder.Entity<DerrimutUser>(b =>
        {
            b.ToTable("users", Schema);
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.PhoneNumber).HasMaxLength(32);
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.Property(u => u.PhotoUrl).HasMaxLength(500);
            b.Property(u => u.EmergencyContactName).HasMaxLength(200);
            b.Property(u => u.EmergencyContactPhone).HasMaxLength(32);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims", Schema);
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins", Schema);
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens", Schema);
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });

        modelBuilder.Entity<LocationAccess>(b =>
        {
            b.ToTable("location_memberships", Schema);
            b.HasKey(m => m.Id);
            b.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
            b.HasOne<DerrimutUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            RolesColumn(b.Property(m => m.Roles));
            b.Property(m => m.InvitedName).HasMaxLength(200);
        });
        modelBuilder.Entity<FranchiseAccess>(b =>
        {
            b.ToTable("franchise_memberships", Schema);
            b.HasKey(m => m.Id);
            b.HasIndex(m => new { m.FranchiseId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
            b.HasOne<DerrimutUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            RolesColumn(b.Property(m => m.Roles));
        });
        modelBuilder.Entity<Tokens.IntegrationClient>(b =>
        {
            b.ToTable("integration_clients", Schema);
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.TenantId, c.ClientId }).IsUnique();
            b.Property(c => c.ClientId).HasMaxLength(100);
            b.Property(c => c.Name).HasMaxLength(100);
            RolesColumn(b.Property(c => c.Permissions));
        });

        // OpenIddict's applications, authorizations, scopes and tokens: platform-owned (a client's tenant is a
        // property checked by the token endpoint), in this module's schema.
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications", Schema);
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations", Schema);
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes", Schema);
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens", Schema);

        modelBuilder.Entity<PermissionGrant>(b =>
        {
            b.ToTable("permission_grants", Schema);
            b.HasKey(g => g.Id);
            b.HasIndex(g => new { g.TenantId, g.Role, g.Permission }).IsUnique();
            b.Property(g => g.Role).HasMaxLength(32);
            b.Property(g => g.Permission).HasMaxLength(100);
        });

        // Profile photos and the audit of profile edits: platform-owned like the person, removed with them.
        modelBuilder.Entity<ProfilePhoto>(b =>
        {
            b.ToTable("profile_photos", Schema);
            b.HasKey(p => p.UserId);
            b.HasOne<DerrimutUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            b.Property(p => p.Jpeg).IsRequired();
            b.Property(p => p.Version).HasMaxLength(16).IsRequired();
        });
        modelBuilder.Entity<ProfileAuditEntry>(b =>
        {
            b.ToTable("profile_audit_entries", Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.UserId, e.At });
            b.HasOne<DerrimutUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
            b.Property(e => e.Action).HasMaxLength(50).IsRequired();
            b.Property(e => e.Detail).HasMaxLength(1000).IsRequired();
        });
    }

    private static void RolesColumn(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> property) =>
        property.StoredAsJson().HasMaxLength(200);
}
