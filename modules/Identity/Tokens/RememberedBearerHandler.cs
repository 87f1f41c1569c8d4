using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// The bearer scheme requests are routed to (<see cref="Contracts.BearerAuthentication.Scheme"/>). It asks OpenIddict's
/// validation to authenticate the token, and when that token is an integration client's (a door controller swiping
/// several times a second) it keeps the validated ticket for as long as the token store's answer is remembered
/// (decision 0077): the next swipes skip the JWT parsing, the signature check and the validation pipeline, which
/// were the whole difference between a door decision and the same decision without a token (docs/performance.md).
/// People's tokens are never remembered here: every call of theirs runs the full validation, as before.
/// Challenges and forbids are OpenIddict's (the scheme forwards them), so a refused call answers exactly as before.
/// </summary>
internal sealed class RememberedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IntegrationTokenEntries remembered,
    IAuthenticationHandlerProvider handlers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        var token = header.Count == 1 && header[0] is { } value && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? value[Prefix.Length..].Trim()
            : null;
        // The site's issuer from configuration and the resolved tenant, exactly what OpenIddict validates against.
        var issuer = token is { Length: > 0 } ? HostIssuer.For(Context).AbsoluteUri : null;
        if (token is { Length: > 0 } && remembered.Recall(issuer!, token) is { } ticket)
        {
            return AuthenticateResult.Success(ticket);
        }

        // OpenIddict's handler itself, not the authentication service: claims transformation runs once, on what this
        // scheme returns, and what is remembered is the token's own principal.
        var validation = await handlers.GetHandlerAsync(Context, OpenIddictSetup.BearerScheme)
            ?? throw new InvalidOperationException($"The authentication scheme '{OpenIddictSetup.BearerScheme}' is not registered.");
        var result = await validation.AuthenticateAsync();
        if (result.Succeeded && token is { Length: > 0 })
        {
            remembered.RememberTicket(issuer!, token, result.Ticket);
        }

        return result;
    }
}
