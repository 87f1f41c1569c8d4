namespace Derrimut.Organizations.Contracts;

/// <summary>Reads franchises' and locations' public profiles for the web host's pages.</summary>
public interface IOrganizationDirectory
{
    /// <summary>The public profile of the tenant with this id, or null when there is none.</summary>
    Task<OrganizationProfileDto?> FindProfileAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>A franchise's open locations (active sites), by name; empty for an unknown franchise.</summary>
    Task<IReadOnlyList<GymLocationDto>> ListLocationsAsync(Guid franchiseId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's Australian Business Number (11 digits), or null when none is recorded.</summary>
    Task<string?> FindAbnAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>Records the tenant's ABN (spaces allowed in the input; stored as 11 digits), or clears it with null.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">Not a valid ABN (field <c>abn</c>).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No tenant has this id.</exception>
    Task<string?> SetAbnAsync(Guid tenantId, string? abn, CancellationToken cancellationToken = default);
}

/// <summary>
/// A location was opened under a franchise (created on the platform console), after it was saved and the tenant
/// catalog knows it; modules give it what every location of the franchise starts with (Memberships: the franchise's
/// plans). Published in the platform's scope: handlers work in the new location's own scope.
/// </summary>
/// <param name="LocationId">The new location's tenant id.</param>
/// <param name="FranchiseId">Its franchise.</param>
public sealed record LocationOpened(Guid LocationId, Guid FranchiseId) : Derrimut.BuildingBlocks.Events.IIntegrationEvent;
