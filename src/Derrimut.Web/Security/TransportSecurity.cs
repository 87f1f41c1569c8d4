using System.Net;
using System.Security.Cryptography;
using Derrimut.BuildingBlocks.Caching;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Security;

/// <summary>Configuration section <c>Transport</c>: how the app sits behind TLS and proxies.</summary>
public sealed class TransportOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Transport";

    /// <summary>
    /// HTTPS only: redirect plain HTTP (health probes aside), send HSTS, mark every cookie <c>Secure</c>. Defaults to
    /// on in Production and off elsewhere; a Production run on plain loopback HTTP (the benchmarks) turns it off
    /// explicitly.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed (IP addresses). Empty:
    /// no forwarded header is believed at all, so a client cannot pick the address its rate limits are counted on.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Extra host names the app answers on in Production besides the root domain and its subdomains
    /// (load-balancer health probes that use the node's own address).</summary>
    public List<string> ProbeHosts { get; set; } = [];
}

/// <summary>
/// The transport controls of the web host: forwarded headers from configured proxies only, HTTPS redirection and HSTS
/// in Production, <c>Secure</c> cookies, the Production host allow-list, and the response headers every page and API
/// answer carries (see <see cref="SecurityHeaders"/>).
/// </summary>
internal static class TransportSecurity
{
    public static void AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TransportOptions.Section);
        var options = section.Get<TransportOptions>() ?? new TransportOptions();
        var requireHttps = options.RequireHttps ?? builder.Environment.IsProduction();
        builder.Services.Configure<TransportOptions>(section);

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-Host is never taken: the Host header decides the tenant and must be the one the proxy received.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        if (builder.Environment.IsProduction())
        {
            builder.Services.PostConfigure<HostFilteringOptions>(o =>
            {
                // "*" (the shipped default) means nobody set a list: derive it from the root domain rather than answer for any name.
                if (o.AllowedHosts.Count == 0 || o.AllowedHosts.Contains("*"))
                {
                    var root = builder.Configuration[$"{TenancyOptions.Section}:RootDomain"] ?? new TenancyOptions().RootDomain;
                    o.AllowedHosts = [root, $"*.{root}", "localhost", "127.0.0.1", "[::1]", .. options.ProbeHosts];
                }
            });
        }

        if (requireHttps)
        {
            builder.Services.AddHsts(o =>
            {
                // Every gym is a subdomain of the root, and none may ever be reached over plain HTTP.
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
            builder.Services.AddHttpsRedirection(o =>
            {
                o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
                o.HttpsPort = builder.Configuration.GetValue<int?>($"{TenancyOptions.Section}:PublicPort") ?? 443;
            });
            builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
    }

    public static void UseTransportSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TransportOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (options.RequireHttps ?? app.Environment.IsProduction())
        {
            app.UseHsts();
            // Load balancers probe health over plain HTTP on the node's address; everything else moves to HTTPS.
            app.UseWhen(http => !Lifecycle.HealthProbes.Is(http.Request),
                branch => branch.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CrossSiteWrites>();
    }
}

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts from the app's own origin only (plus the one
/// inline import map Blazor writes, by a per-request nonce), styles from the origin and inline (MudBlazor positions
/// popovers with style attributes), images from the origin and data/blob URLs (upload previews, QR codes), and
/// connections back to the origin (Blazor's circuit). Frames of the app are refused everywhere.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of this request's script nonce.</summary>
    public const string NonceKey = "Derrimut.CspNonce";

    /// <summary>
    /// The one page that starts a Vapi web call (the member's voice consultation, decision 0060), and what only it may
    /// reach: Vapi's API, and Daily (Vapi's audio transport), whose call machine daily-js loads with a script element
    /// from its own domain at call time (no eval). Every other page keeps <c>connect-src 'self'</c>.
    /// </summary>
    public const string VoiceConsultationPath = "/member/plans/new";

    private const string VoiceScriptSources = " https://c.daily.co";
    private const string VoiceConnectSources = " https://api.vapi.ai https://*.daily.co wss://*.daily.co";

    public Task InvokeAsync(HttpContext context)
    {
        // Base64url, not base64: Razor HTML-encodes '+' in an attribute (&#x2B;). Browsers decode it back, but a nonce
        // that needs no encoding reads the same in the header and the page (and the header check in the tests is exact).
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var isApiReference = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);
        var isVoice = context.Request.Path.Equals(VoiceConsultationPath, StringComparison.OrdinalIgnoreCase);
        var policy = isApiReference ? null : ContentSecurityPolicy(nonce, isVoice);
        // The public page cache sets it before the page renders, so that the stored page holds the header with the
        // nonce its body was rendered with (decision 0070).
        context.Items[PublicPageCache.ContentSecurityPolicyKey] = policy;

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=(), payment=()";
            // A policy of ours already present is a stored page's (decision 0070), whose nonce is the one in its body:
            // kept. Anything else (antiforgery adds a bare frame-ancestors one) is replaced by this request's.
            if (policy is not null && !headers.ContentSecurityPolicy.ToString().Contains("'nonce-", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = policy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string ContentSecurityPolicy(string nonce, bool isVoice) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{(isVoice ? VoiceScriptSources : "")}; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'{(isVoice ? VoiceConnectSources : "")}; media-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>This request's script nonce (pages put it on the inline scripts they must write).</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;
}
