using Derrimut.BuildingBlocks.Http;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Security;

/// <summary>
/// CSRF rule for writes that ride the sign-in cookie. The cookie spans every gym's subdomain, so a browser sends it
/// with any request to our hosts — including one a page on another site starts. A write (POST, PUT, PATCH, DELETE)
/// that carries the cookie is refused when the browser says it came from another site: <c>Sec-Fetch-Site:
/// cross-site</c> (every current browser sends Fetch Metadata), or an <c>Origin</c> outside the root domain (older
/// browsers). Calls without the cookie (bearer tokens, webhooks, integrations) and non-browser clients, which send
/// neither header, are untouched; the pages' own forms also carry antiforgery tokens.
/// </summary>
internal sealed class CrossSiteWrites(RequestDelegate next, IOptions<TenancyOptions> tenancy)
{
    /// <summary>The sign-in cookie's name (Identity's application cookie).</summary>
    public const string SignInCookie = ".Derrimut.Auth";

    private readonly string _root = tenancy.Value.RootDomain;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Cookies.ContainsKey(SignInCookie))
        {
            return next(context);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = string.Equals(site, "cross-site", StringComparison.OrdinalIgnoreCase)
            || (origin.Length > 0 && !IsOurs(origin));
        return crossSite
            ? ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Cross-site request refused.",
                "This change must be made from the gym's own pages.")
            : next(context);
    }

    private bool IsOurs(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Host.Equals(_root, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + _root, StringComparison.OrdinalIgnoreCase));
}
