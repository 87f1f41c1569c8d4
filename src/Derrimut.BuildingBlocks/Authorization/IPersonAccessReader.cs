using System.Security.Claims;

namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>
/// Reads what a signed-in person may do at the current scope's tenant <em>now</em>, as a new request would see it
/// (Identity implements it from the same rules as the sign-in cookie's claims). Pages on a long-lived circuit use it,
/// through <see cref="UseCases.IPageCalls"/>, so a deactivation or demotion applies to an open page's next action.
/// </summary>
public interface IPersonAccessReader
{
    /// <summary>
    /// The person's principal with the tenant, roles and permissions they hold here now; null when the person no longer
    /// exists or may not sign in.
    /// </summary>
    Task<ClaimsPrincipal?> ReadAsync(Guid userId, CancellationToken cancellationToken);
}
