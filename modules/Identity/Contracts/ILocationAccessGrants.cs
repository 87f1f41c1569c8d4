namespace Derrimut.Identity.Contracts;

/// <summary>Access granted on a person's own behalf (sign-up, joining another gym), for the web host's pages.</summary>
public interface ILocationAccessGrants
{
    /// <summary>
    /// Gives the person <paramref name="role"/> at the current location: creates their access here, or adds the
    /// role to the one they have. A access an admin deactivated stays deactivated.
    /// </summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">The role is not a location role (field <c>role</c>).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ForbiddenException">The current tenant is not a location.</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No person has this id.</exception>
    Task JoinAsync(Guid userId, string role, CancellationToken cancellationToken = default);
}
