using Derrimut.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// The real web app (real module list, real migrations) on a database of its own, optionally with Redis.
/// Tenants are created through the platform API by the tests themselves.
/// </summary>
public sealed class DerrimutWebFactory(
    TestDatabase database, string? redis = null, string? cachePrefix = null, int writesPerMinute = 10_000, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string RootDomain = "derrimut.localhost";
    public const string PlatformKey = "test-platform-key";

    public TestDatabase Database { get; } = database;

    /// <summary>Where this app's emails land as <c>.eml</c> files.</summary>
    public string MailPickup { get; } = Path.Combine(Path.GetTempPath(), $"derrimut-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Derrimut", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", redis ?? "");
        // Each fixture gets its own Redis key space, so parallel test apps never read each other's tenants.
        builder.UseSetting("Caching:InstanceName", cachePrefix ?? $"test-{Guid.NewGuid():N}:");
        builder.UseSetting("Tenancy:RootDomain", RootDomain);
        // The test server speaks plain HTTP on the default port; links in emails and redirects follow configuration.
        builder.UseSetting("Tenancy:PublicScheme", "http");
        builder.UseSetting("Platform:ApiKey", PlatformKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Test fixtures write far faster than people; the limiter itself is tested with a low limit.
        builder.UseSetting("RateLimiting:WritesPerMinute", writesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every test signs in as the demo people and redeems codes for derrimut-app far faster than anyone would; the
        // per-client and per-account limits are tested with low values (settings below override these).
        builder.UseSetting("RateLimiting:TokenRequestsPerClientPerMinute", "100000");
        builder.UseSetting("RateLimiting:TokenRequestsPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimiting:SignInsPerAccountPerMinute", "100000");
        builder.UseSetting("AiPlans:PlansPerMemberPerDay", "100000");
        builder.UseSetting("Email:PickupDirectory", MailPickup);
        // No scheduler unless a test asks for one (settings below): suites stay fast and deterministic, and the host
        // starts before the tests migrate, so the job store's tables would not exist yet.
        builder.UseSetting("Jobs:Enabled", "false");
        // Existing suites sign in admins with the password alone, as the Development demo does; the MFA tests turn the
        // rule on through settings (decision 0059: it is on by default everywhere else).
        builder.UseSetting("Identity:RequireTwoFactorForPowerfulRoles", "false");
        // Suites read pages right after writing through paths the page cache's eviction does not watch (bulk updates);
        // the cache is tested where it is turned on (PublicPageCacheShould, decision 0070).
        builder.UseSetting("PublicPages:CacheSeconds", "0");
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestSignInStartupFilter>());
        // The app calling its own public address (the voice settings' test call) reaches this test server.
        builder.ConfigureServices(s => s.AddHttpClient(Derrimut.AiPlans.Contracts.AiPlansHttpClients.VoiceAssistantTest)
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
        if (services is not null)
        {
            // Test-only registrations (e.g. a recording integration-event handler), after the app's own.
            builder.ConfigureServices(services);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the app and applies migrations (no demo data unless asked).</summary>
    public async Task StartAsync(bool demoData = false)
    {
        await Services.PrepareDatabaseAsync(demoData, maxParallelism: 2);
    }

    /// <summary>A client whose requests go to <c>{label}.{root}</c>; null label = the bare root (platform scope).</summary>
    public HttpClient ClientFor(string? label, bool platformKey = false)
    {
        var host = label is null ? RootDomain : $"{label}.{RootDomain}";
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });
        if (platformKey)
        {
            client.DefaultRequestHeaders.Add("X-Platform-Key", PlatformKey);
        }

        return client;
    }

    /// <summary>A superadmin client on <c>admin.{root}</c>.</summary>
    public HttpClient PlatformClient() => ClientFor("admin", platformKey: true);
}
