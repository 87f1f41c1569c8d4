using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>
/// The one rule for who a principal is: the sign-in cookie names the person in <c>NameIdentifier</c>, an access
/// token in <c>sub</c>; integration clients (client credentials) name no person at all.
/// </summary>
public static class SignedInPerson
{
    /// <summary>The claim access tokens carry the person's id in (OpenID Connect's subject).</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The person's user id, or null for an anonymous caller or an integration client.</summary>
    public static Guid? FindUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(SubjectClaim), out var id)
            ? id
            : null;
    }

    /// <summary>
    /// The person's user id; a caller that is not a person (an integration client, or nobody) gets a 403 problem
    /// rather than a 500, since an endpoint's policy may admit clients that hold the permission.
    /// </summary>
    public static Guid RequireUserId(this ClaimsPrincipal principal) =>
        principal.FindUserId() ?? throw new ForbiddenException("This needs a person signed in, not an integration client.");
}
