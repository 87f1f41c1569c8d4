using System.Security.Claims;

namespace Derrimut.Identity.Authentication;

/// <summary>Reads the person behind a principal, whether it came from the sign-in cookie or an access token.</summary>
internal static class Principals
{
    /// <summary>The user id: <c>NameIdentifier</c> on cookies, <c>sub</c> on tokens. Null for integration clients.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id) ? id : null;
}
