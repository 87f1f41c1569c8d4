using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>One ASP.NET Core Data Protection key, as the key manager wrote it (XML).</summary>
internal sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps the Data Protection key ring in the application's own database. Every node of the app then shares one ring
/// (a sign-in cookie, antiforgery token or two-factor hand-over issued by one node is read by the next), and secrets
/// that modules encrypt at rest (per-gym Stripe and Vapi secrets) stay readable after a restart or redeploy: keys in a
/// node's home folder or in a cache could be lost, and with them every encrypted secret.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The key manager calls this synchronously, rarely (start-up, then about once a day), on any thread.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
        var xml = db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return xml.Select(x => XElement.Parse(x)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
        db.Set<DataProtectionKeyRecord>().Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }

    public static void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKeyRecord>(b =>
        {
            b.ToTable("data_protection_keys", "kernel");
            b.HasKey(k => k.Id);
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.Property(k => k.Xml).IsRequired();
        });

    /// <summary>
    /// One application name for every node and every subdomain, and the ring in the database. With
    /// <c>DataProtection:Certificate:Path</c> (a PFX; <c>:Password</c> optional) the keys are encrypted at rest with that
    /// certificate, so a copy of the database alone does not reveal them; production should configure it.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Derrimut");
        if (configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"]));
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRepository(scopes));
    }
}
