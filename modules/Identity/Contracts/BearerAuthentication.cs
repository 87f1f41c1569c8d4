namespace Derrimut.Identity.Contracts;

/// <summary>How the host routes a request that carries <c>Authorization: Bearer …</c>.</summary>
public static class BearerAuthentication
{
    /// <summary>
    /// The scheme that authenticates bearer access tokens: OpenIddict's validation, with an integration client's
    /// validated token remembered for the token-entry re-check interval (decision 0077).
    /// </summary>
    public const string Scheme = "Derrimut.Bearer";
}
