namespace Derrimut.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright (whose own browser download is never used). The flags are the ones that
/// work as root without network here; <c>*.localhost</c> names resolve to loopback in Chromium itself.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("DERRIMUT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static bool Required => Environment.GetEnvironmentVariable("DERRIMUT_REQUIRE_SERVICES") == "1";

    /// <summary>Skips the calling test when there is no Chromium, unless the run requires every service (then it fails).</summary>
    public static void EnsureAvailable()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var reason = $"Chromium not found at {ExecutablePath} (set DERRIMUT_CHROMIUM, or run etc/test.sh, which installs it).";
        if (Required)
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
            ],
        });
}
