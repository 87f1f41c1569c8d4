using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// Native apps listen on a loopback port the OS picks at run time (RFC 8252 §7.3), so for a registered loopback
/// redirect URI (<c>http://127.0.0.1/callback</c>) any port matches; scheme, host and path must still match
/// exactly. Every other redirect URI is compared exactly, as OpenIddict does.
/// </summary>
internal sealed class LoopbackRedirectApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(OpenIddictEntityFrameworkCoreApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var requested) || !IsLoopback(requested))
        {
            return false;
        }

        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (Uri.TryCreate(registered, UriKind.Absolute, out var candidate) && IsLoopback(candidate)
                && candidate.Scheme == requested.Scheme
                && string.Equals(candidate.Host, requested.Host, StringComparison.OrdinalIgnoreCase)
                && candidate.AbsolutePath == requested.AbsolutePath
                && string.IsNullOrEmpty(requested.Query) && string.IsNullOrEmpty(requested.Fragment))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && (uri.Host == "127.0.0.1" || uri.Host == "[::1]");
}
