using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// Issues the sign-in cookie for the root domain, so one sign-in serves every location's subdomain (SSO). On a
/// host outside the root domain (an IP, <c>localhost</c>) the cookie stays host-only, or browsers would drop it.
/// </summary>
internal sealed class RootDomainCookieManager(IOptions<TenancyOptions> tenancy) : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, key, value, WithDomain(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, key, WithDomain(context, options));

    private CookieOptions WithDomain(HttpContext context, CookieOptions options)
    {
        var root = tenancy.Value.RootDomain;
        var host = context.Request.Host.Host;
        if (host.Equals(root, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + root, StringComparison.OrdinalIgnoreCase))
        {
            options.Domain = root;
        }

        return options;
    }
}
