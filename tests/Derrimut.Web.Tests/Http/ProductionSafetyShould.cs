using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Derrimut.Hosting;
using Derrimut.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Derrimut.Web.Tests.Http;

/// <summary>Production refuses the settings that only make sense for a demo, and hides the API map unless asked.</summary>
public sealed class ProductionSafetyShould
{
    [Fact]
    public void RefuseToStartProductionWithDemoSettingsNamingEachOne()
    {
        var builder = Builder("Production", new()
        {
            ["Platform:ApiKey"] = "dev-platform-key",
            ["Database:SeedDemoData"] = "true",
            ["Billing:Gateway"] = "Simulated",
        });

        var refusal = Should.Throw<InvalidOperationException>(() => ProductionSafety.Check(builder));

        refusal.Message.ShouldContain("DataProtection:Certificate:Path");
        refusal.Message.ShouldContain("Platform:ApiKey");
        refusal.Message.ShouldContain("Database:SeedDemoData");
        refusal.Message.ShouldContain("Billing:Stripe:WebhookSecret");
        refusal.Message.ShouldContain("Email:Smtp:Host");
        refusal.Message.ShouldContain(ProductionSafety.OverrideKey);
    }

    [Fact]
    public void RefuseSmtpWithoutTls()
    {
        var findings = ProductionSafety.FindUnsafeSettings(Configuration(Safe(new() { ["Email:Smtp:UseStartTls"] = "false" })));

        findings.ShouldHaveSingleItem().ShouldContain("Email:Smtp:UseStartTls");
    }

    [Fact]
    public void FindNothingInASafeProductionConfiguration() =>
        ProductionSafety.FindUnsafeSettings(Configuration(Safe([]))).ShouldBeEmpty();

    [Fact]
    public void LetAThrowawayProductionRunStartWhenItSaysSoAndLeaveOtherEnvironmentsAlone()
    {
        Should.NotThrow(() => ProductionSafety.Check(Builder("Production", new() { [ProductionSafety.OverrideKey] = "true" })));
        Should.NotThrow(() => ProductionSafety.Check(Builder("Development", [])));
        Should.NotThrow(() => ProductionSafety.Check(Builder("Testing", [])));
    }

    [Fact]
    public async Task StartASafeProductionSiteThatServesTheApiMapOnlyWhenAskedTo()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"derrimut-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Derrimut Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx), TestContext.Current.CancellationToken);
        }

        try
        {
            foreach (var enabled in new[] { false, true })
            {
                await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
                await using var app = new ProductionFactory(database, Safe(new()
                {
                    ["DataProtection:Certificate:Path"] = certificate,
                    [ProductionSafety.ApiReferenceKey] = enabled ? "true" : "false",
                }));
                await app.Services.PrepareDatabaseAsync(includeDemoData: false, maxParallelism: 1);
                var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{DerrimutWebFactory.RootDomain}/") });

                (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await client.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(enabled ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            }
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    private static Dictionary<string, string?> Safe(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = "/etc/derrimut/data-protection.pfx",
            ["Billing:Gateway"] = "Stripe",
            ["Billing:Stripe:SecretKey"] = "sk_test_not_a_real_key",
            ["Billing:Stripe:WebhookSecret"] = "whsec_not_a_real_secret",
            ["Email:Smtp:Host"] = "smtp.example.com",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static WebApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>The real app in Production with safe settings (and no development platform key).</summary>
    private sealed class ProductionFactory(TestDatabase database, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Derrimut", database.ConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", "");
            builder.UseSetting("Tenancy:RootDomain", DerrimutWebFactory.RootDomain);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
