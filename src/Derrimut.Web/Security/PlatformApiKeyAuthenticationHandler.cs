using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Derrimut.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Security;

internal sealed class PlatformApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The key; null or empty disables the scheme entirely.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>
/// A development-only stand-in for a superadmin sign-in: <c>X-Platform-Key</c> equal to <c>Platform:ApiKey</c>
/// yields a principal in the <c>superadmin</c> role. Compared in constant time.
/// </summary>
internal sealed class PlatformApiKeyAuthenticationHandler(
    IOptionsMonitor<PlatformApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<PlatformApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "PlatformApiKey";
    public const string HeaderName = "X-Platform-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (string.IsNullOrEmpty(Options.ApiKey) || !Request.Headers.TryGetValue(HeaderName, out var provided))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = Encoding.UTF8.GetBytes(Options.ApiKey);
        var actual = Encoding.UTF8.GetBytes(provided.ToString());
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid platform key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "platform-key"), new Claim(ClaimTypes.Role, DerrimutClaims.SuperAdminRole)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
