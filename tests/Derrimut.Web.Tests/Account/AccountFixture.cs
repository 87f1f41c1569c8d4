using Derrimut.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Derrimut.Web.Tests.Account;

/// <summary>
/// The real app with the demo seed, for the account pages. The account forms are rate-limited per client address and
/// the in-memory test server has no address at all, so this app raises the limit; the limit itself has its own test.
/// </summary>
public abstract class AccountFixture : ProviderFixture
{
    public const string Domain = DerrimutWebFactory.RootDomain;
    public const string DemoPassword = "Derrimut!2026";

    private DerrimutWebFactory? _factory;
    private WebApplicationFactory<Program>? _app;

    /// <summary>The app under test.</summary>
    public WebApplicationFactory<Program> App => Ready(_app!);

    /// <summary>The configured app's factory: its database and mail pickup folder.</summary>
    public DerrimutWebFactory Factory => Ready(_factory!);

    public MailPickup Mail => new(Factory.MailPickup);

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _factory = Own(new DerrimutWebFactory(database));
        _app = Own(WithSignInLimit(100_000));
        await _app.Services.PrepareDatabaseAsync(includeDemoData: true, maxParallelism: 2);
    }

    /// <summary>Another host on the same database and mail folder, with its own account-form limit per minute.</summary>
    public WebApplicationFactory<Program> WithSignInLimit(int perMinute) =>
        Factory.WithWebHostBuilder(b => b.UseSetting("RateLimiting:SignInsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A browser-like client (keeps cookies, does not follow redirects) on <c>{label}.{root}</c>.</summary>
    public Browser BrowserAt(string? label, WebApplicationFactory<Program>? app = null)
    {
        var host = label is null ? Domain : $"{label}.{Domain}";
        var client = (app ?? App).CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{host}/"),
            AllowAutoRedirect = false,
        });
        return new Browser(client);
    }

    /// <summary>A client signed in as <paramref name="email"/> through the test host's shortcut (no pages involved).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string label)
    {
        var browser = BrowserAt(label);
        var response = await browser.Client.PostAsync($"/test/sign-in?email={Uri.EscapeDataString(email)}", null);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"sign-in as {email}");
        return browser.Client;
    }
}

public sealed class SqliteAccountFixture : AccountFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresAccountFixture : AccountFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
