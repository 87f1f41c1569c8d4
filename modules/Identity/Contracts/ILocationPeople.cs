namespace Derrimut.Identity.Contracts;

/// <summary>A person who belongs to the current location, as other modules need to know them.</summary>
/// <param name="UserId">The person's user id.</param>
/// <param name="DisplayName">How the person is addressed.</param>
/// <param name="Email">Their sign-in email.</param>
/// <param name="Roles">Their roles at this location (member, trainer, staff, admin).</param>
public sealed record LocationPerson(Guid UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Looks up people at the current location for other modules (a plan's member, a trainer's name). Only active
/// access rows of the location in scope count: a person of another gym, or one an admin deactivated, is not found.
/// </summary>
public interface ILocationPeople
{
    /// <summary>The person with this user id, if they belong to the current location.</summary>
    Task<LocationPerson?> FindAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The person with this email (any case), if they belong to the current location.</summary>
    Task<LocationPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The current location's people among <paramref name="userIds"/>, by id; others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, LocationPerson>> FindManyAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default);
}
