namespace Derrimut.Organizations.Contracts;

/// <summary>Reads franchises' and locations' public profiles for the web host's pages.</summary>
public interface IOrganizationDirectory
{
    /// <summary>The public profile of the tenant with this id, or null when there is none.</summary>
    Task<OrganizationProfileDto?> FindProfileAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's Australian Business Number (11 digits), or null when none is recorded.</summary>
    Task<string?> FindAbnAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>Records the tenant's ABN (spaces allowed in the input; stored as 11 digits), or clears it with null.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">Not a valid ABN (field <c>abn</c>).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No tenant has this id.</exception>
    Task<string?> SetAbnAsync(Guid tenantId, string? abn, CancellationToken cancellationToken = default);
}

/// <summary>A franchise or location as the platform console lists it.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Identifier">Subdomain label.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">"franchise" or "location".</param>
/// <param name="FranchiseId">The franchise a location belongs to; null for a franchise.</param>
/// <param name="State">"provisioning", "active" or "suspended".</param>
/// <param name="Suburb">The suburb of its address, when it has one.</param>
public sealed record PlatformTenantSummary(Guid Id, string Identifier, string Name, string Kind, Guid? FranchiseId, string State, string? Suburb);

/// <summary>One page of tenants, ordered franchises first, then by name.</summary>
/// <param name="Items">The tenants on this page.</param>
/// <param name="Total">How many tenants match in all.</param>
public sealed record PlatformTenantList(IReadOnlyList<PlatformTenantSummary> Items, int Total);

/// <summary>A new location, as the platform console collects it.</summary>
/// <param name="FranchiseId">The franchise it belongs to.</param>
/// <param name="Identifier">Subdomain label (lowercase letters, digits and hyphens).</param>
/// <param name="Name">Display name.</param>
/// <param name="Address">Street address.</param>
/// <param name="Phone">Contact phone.</param>
/// <param name="Email">Contact email.</param>
/// <param name="IsOpen24x7">Open around the clock (the hours are then staffed hours).</param>
/// <param name="OpeningHours">Opening or staffed hours per day.</param>
/// <param name="Amenities">Amenity codes from <see cref="IPlatformTenantAdmin.AmenityCodes"/>.</param>
/// <param name="Activate">Open it at once instead of leaving it in provisioning.</param>
public sealed record NewLocationDto(
    Guid FranchiseId,
    string Identifier,
    string Name,
    AddressDto Address,
    string? Phone,
    string? Email,
    bool IsOpen24x7,
    IReadOnlyList<OpeningHoursDto> OpeningHours,
    IReadOnlyList<string> Amenities,
    bool Activate);

/// <summary>
/// The platform console's operations on tenants — the same rules as <c>/api/platform/tenants</c>. The caller
/// authorizes first (a superadmin in platform scope), as that API's policy does for its handlers.
/// </summary>
public interface IPlatformTenantAdmin
{
    /// <summary>The amenity codes a location may list.</summary>
    IReadOnlyList<string> AmenityCodes { get; }

    /// <summary>Lists tenants; <paramref name="kind"/> is "franchise", "location" or null for both.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">A filter or the paging is out of range.</exception>
    Task<PlatformTenantList> ListAsync(string? kind, string? search, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Creates a location under its franchise and invalidates the tenant catalog.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">A field is invalid; the keys are the API's field names (<c>identifier</c>, <c>address.postcode</c>, <c>openingHours[0].closes</c>…).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ConflictException">The identifier is taken (field <c>identifier</c>).</exception>
    Task<PlatformTenantSummary> CreateLocationAsync(NewLocationDto location, CancellationToken cancellationToken = default);

    /// <summary>Suspends a tenant: its site answers 403 from the next request on, on every node.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No tenant has this id.</exception>
    Task<PlatformTenantSummary> SuspendAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>Activates a provisioning or suspended tenant.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No tenant has this id.</exception>
    Task<PlatformTenantSummary> ActivateAsync(Guid tenantId, CancellationToken cancellationToken = default);
}
