namespace Derrimut.E2E.Infrastructure;

/// <summary>One running app and one Chromium for a test class; each test opens its own browser context (own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DerrimutServer? _server;

    public DerrimutServer Server => _server ?? throw new InvalidOperationException("The app did not start.");

    public MailPickup Mail => new(Server.MailFolder);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            // The tests skip (or fail, when services are required) with the reason; nothing to start.
            return;
        }

        // An interactive page's buttons wait for its circuit, which on a loaded 2-core CI machine can take longer than
        // Playwright's 5 s default; a real failure still fails, later. etc/test.sh runs the journeys after the other
        // test modules, because beside all of them a circuit once took longer than these 15 s (decision 0101).
        Assertions.SetDefaultExpectTimeout(15_000);
        _server = new DerrimutServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A fresh browser context (no cookies) with a page. Uncaught script errors and console errors (Blazor reports a
    /// failed circuit there) are collected for the test to check; a failed resource load is a status the test
    /// checks itself (the access-denied page is a 403 on purpose).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 900)
    {
        Chromium.EnsureAvailable();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-AU" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        return (context, page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
