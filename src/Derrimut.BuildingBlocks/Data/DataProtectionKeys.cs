using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// Keeps the Data Protection key ring in the application's own database, through the framework's own repository
/// (<c>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore</c>). Every node of the app then shares one ring (a
/// sign-in cookie, antiforgery token or two-factor hand-over issued by one node is read by the next), and secrets that
/// modules encrypt at rest (per-gym Stripe and Vapi secrets) stay readable after a restart or redeploy: keys in a
/// node's home folder or in a cache could be lost, and with them every encrypted secret. See decision 0021.
/// </summary>
internal static class DataProtectionKeys
{
    /// <summary>
    /// Maps the framework's key entity onto the table the hand-written repository created
    /// (<c>kernel.data_protection_keys</c>: <c>Id</c>, <c>FriendlyName</c> up to 200, <c>Xml</c>), column for column, so
    /// the keys already stored stay readable and no migration is needed. Both columns stay NOT NULL: the framework
    /// always writes both.
    /// </summary>
    public static void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys", "kernel");
            b.HasKey(k => k.Id);
            b.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
            b.Property(k => k.Xml).IsRequired();
        });

    /// <summary>
    /// One application name for every node and every subdomain, and the ring in the database. With
    /// <c>DataProtection:Certificate:Path</c> (a PFX; <c>:Password</c> optional) the keys are encrypted at rest with that
    /// certificate, so a copy of the database alone does not reveal them; production should configure it.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration, Action<DbContextOptionsBuilder> useDatabase)
    {
        // The repository opens a scope of its own for each read or write (rare: start-up, then about once a day), and
        // reads through the ring's own small context (see DataProtectionKeysContext), not the modules' unit of work.
        services.AddDbContext<DataProtectionKeysContext>(useDatabase);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Derrimut")
            .PersistKeysToDbContext<DataProtectionKeysContext>();
        if (configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"]));
        }
    }
}

/// <summary>
/// The key ring's own unit of work: the one key entity on the kernel's table, which <see cref="DerrimutDbContext"/>
/// still maps so that its migrations keep creating it. Reading the ring through the modules' context meant building
/// the model of every module first, so a node could not read a cookie, nor finish its warm-up, before that model was
/// built; with a context of its own a starting node reads the ring beside the big model instead of after it (decision
/// 0087), and its one-entity model is precompiled too (decision 0089: built by EF Core's conventions at start, it took
/// ~0.3 s). Never migrated: <c>ModelShould.MapTheKeyRingOntoTheTableTheMigrationsCreate</c> proves it maps the same
/// table and columns as the migrated model on every provider.
/// </summary>
public sealed class DataProtectionKeysContext(DbContextOptions<DataProtectionKeysContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        Data.DataProtectionKeys.ConfigureModel(modelBuilder);
        if (Database.ProviderName == DerrimutDbContext.SqliteProviderName)
        {
            DerrimutDbContext.PrefixTablesWithSchema(modelBuilder);
        }
    }
}
