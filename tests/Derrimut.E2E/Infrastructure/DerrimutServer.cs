using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.E2E.Infrastructure;

/// <summary>
/// The real web app on Kestrel, on 127.0.0.1 and a free port, with its own SQLite file and mail folder. It migrates
/// and seeds the demo data itself on start-up, exactly as <c>dotnet run</c> does in Development.
/// </summary>
public sealed class DerrimutServer : WebApplicationFactory<Program>
{
    public const string RootDomain = "derrimut.localhost";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"derrimut-e2e-{Guid.NewGuid():N}.db");

    public DerrimutServer()
    {
        // The port is chosen before the app starts because the app builds its links (checkout returns, emails) from
        // configuration, which must name it.
        Port = FreeLoopbackPort();
        UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
    }

    /// <summary>Where the app writes its emails as <c>.eml</c> files.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"derrimut-e2e-mail-{Guid.NewGuid():N}");

    /// <summary>The port Kestrel bound (known once started).</summary>
    public int Port { get; }

    /// <summary>The site of a tenant (<c>null</c>: the bare root, the platform), e.g. <c>http://st-albans.derrimut.localhost:41234</c>.</summary>
    public string Site(string? label) => $"http://{(label is null ? RootDomain : $"{label}.{RootDomain}")}:{Port}";

    public void Start()
    {
        StartServer();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("E2E");
        // Outside Development the app serves its files from a publish folder; a build output has only the manifest
        // that points at them (MudBlazor's in the NuGet cache, the framework's script), so load it explicitly.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Derrimut", $"Data Source={_database};Pooling=False");
        builder.UseSetting("ConnectionStrings:Redis", "");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Tenancy:RootDomain", RootDomain);
        builder.UseSetting("Tenancy:PublicScheme", "http");
        builder.UseSetting("Tenancy:PublicPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The journeys drive pages, not the clock: no scheduled job may change their data mid-journey.
        builder.UseSetting("Jobs:Enabled", "false");
        // Every journey signs in from the same loopback address, several times a minute in one run: the per-address
        // sign-in limit (10 a minute) is a production guard, proven by the HTTP tests, not something to trip here.
        builder.UseSetting("RateLimiting:SignInsPerMinute", "200");
        // The journeys are the demo's: its people sign in with the password alone, as in Development (decision 0059).
        builder.UseSetting("Identity:RequireTwoFactorForPowerfulRoles", "false");
        builder.UseSetting("RateLimiting:SignInsPerAccountPerMinute", "200");
        builder.UseSetting("RateLimiting:TokenRequestsPerClientPerMinute", "1000");
        builder.UseSetting("RateLimiting:TokenRequestsPerAddressPerMinute", "1000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
