using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Derrimut.Web.Tests.Http;

/// <summary>
/// The headers every answer carries, and HTTPS-only transport (redirect, HSTS, Secure cookies) when it is required —
/// as it is by default in Production.
/// </summary>
public sealed partial class TransportSecurityShould
{
    private const string Site = $"st-albans.{DerrimutWebFactory.RootDomain}";

    [Fact]
    public async Task SendTheSecurityHeadersWithAPolicyThatOnlyTheAppsOwnScriptsPass()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);
        await app.StartAsync();
        var platform = app.PlatformClient();
        var franchise = await TenantBuilder.CreateFranchiseAsync(platform, $"fr-{Guid.NewGuid():N}"[..12]);
        var location = await TenantBuilder.CreateLocationAsync(platform, $"loc-{Guid.NewGuid():N}"[..12], franchise.Id);
        var client = app.ClientFor(location.Identifier);

        var page = await client.GetAsync("/account/login");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self' 'nonce-");
        ScriptSources().Match(csp).Groups[1].Value.ShouldNotContain("unsafe", Case.Sensitive, "inline scripts and eval are never allowed");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        page.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        page.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");

        // The one inline script Blazor writes (the import map) carries this response's nonce; no other inline script exists.
        var html = await page.Content.ReadAsStringAsync();
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        var inlineScripts = InlineScript().Matches(html);
        inlineScripts.ShouldNotBeEmpty();
        inlineScripts.ShouldAllBe(m => m.Groups["attributes"].Value.Contains($"nonce=\"{nonce}\""));
        html.ShouldNotContain(" onclick=\"");

        // A second answer gets a fresh nonce, and the API answers carry the headers too.
        var again = (await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single();
        NonceInPolicy().Match(again).Groups[1].Value.ShouldNotBe(nonce);
        var api = await client.GetAsync("/api/organizations/current");
        api.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task LetOnlyTheVoiceConsultationPageReachVapiAndDaily()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);
        await app.StartAsync();
        var client = app.ClientFor("st-albans");

        var voice = (await client.GetAsync("/member/plans/new")).Headers.GetValues("Content-Security-Policy").Single();
        var other = (await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single();

        ConnectSources().Match(voice).Groups[1].Value.ShouldBe("'self' https://api.vapi.ai https://*.daily.co wss://*.daily.co");
        ScriptSources().Match(voice).Groups[1].Value.ShouldEndWith("' https://c.daily.co");
        ScriptSources().Match(voice).Groups[1].Value.ShouldNotContain("unsafe", Case.Sensitive, "Daily's call machine loads as a script element, never through eval");
        ConnectSources().Match(other).Groups[1].Value.ShouldBe("'self'");
        other.ShouldNotContain("daily.co");
    }

    [Fact]
    public async Task MoveEverythingButHealthProbesToHttpsAndPinItWithHstsWhenHttpsIsRequired()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Transport:RequireHttps"] = "true" });
        await app.StartAsync();

        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{Site}/"), AllowAutoRedirect = false });
        var redirect = await plain.GetAsync("/account/login?returnUrl=%2Fmember");
        redirect.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        redirect.Headers.Location.ShouldBe(new Uri($"https://{Site}/account/login?returnUrl=%2Fmember"));
        (await plain.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "load balancers probe over plain HTTP");

        var platform = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://admin.{DerrimutWebFactory.RootDomain}/") });
        platform.DefaultRequestHeaders.Add("X-Platform-Key", DerrimutWebFactory.PlatformKey);
        var franchise = await TenantBuilder.CreateFranchiseAsync(platform, $"fr-{Guid.NewGuid():N}"[..12]);
        var location = await TenantBuilder.CreateLocationAsync(platform, $"loc-{Guid.NewGuid():N}"[..12], franchise.Id);
        var secure = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"https://{location.Identifier}.{DerrimutWebFactory.RootDomain}/"), AllowAutoRedirect = false,
        });
        var answer = await secure.GetAsync("/account/login");
        var hsts = answer.Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");
        hsts.ShouldContain("includeSubDomains", Case.Sensitive, "every gym is a subdomain of the root");
        answer.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue("the sign-in form sets its antiforgery cookie");
        cookies!.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ServePlainHttpWithoutHstsWhereHttpsIsNotRequired()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);
        await app.StartAsync();

        var answer = await app.ClientFor(null).GetAsync("/api/me");
        answer.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [GeneratedRegex("script-src ([^;]*)")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("connect-src ([^;]*)")]
    private static partial Regex ConnectSources();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script(?<attributes>(?![^>]*\\bsrc=)[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
