namespace Derrimut.Organizations.Contracts;

/// <summary>When a gym location was opened on the platform (its record created), for the platform's growth figures.</summary>
/// <param name="LocationId">The location.</param>
/// <param name="FranchiseId">Its franchise.</param>
/// <param name="OpenedAt">When it was created, UTC.</param>
public sealed record LocationOpenedDto(Guid LocationId, Guid FranchiseId, DateTimeOffset OpenedAt);

/// <summary>The active gym locations with when each opened, every franchise's (the platform's view; not tenant data).</summary>
public interface ILocationOpenings
{
    /// <summary>Every active location and when it opened.</summary>
    Task<IReadOnlyList<LocationOpenedDto>> ListAsync(CancellationToken cancellationToken = default);
}
