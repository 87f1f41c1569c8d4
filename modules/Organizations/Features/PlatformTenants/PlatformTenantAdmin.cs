using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Features.PlatformTenants;

/// <summary>
/// The platform console's tenant operations for the web host's pages. It runs the very handlers behind
/// <c>/api/platform/tenants</c>, validating first as the API's validation filter does, so the rules cannot drift.
/// </summary>
internal sealed class PlatformTenantAdmin(DerrimutDbContext db, ITenantCatalog catalog) : IPlatformTenantAdmin
{
    public IReadOnlyList<string> AmenityCodes { get; } = [.. AmenityCatalog.Known.Order(StringComparer.Ordinal)];

    public async Task<PlatformTenantList> ListAsync(string? kind, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var result = (await PlatformTenantsEndpoints.ListAsync(db, kind, null, null, search, page, pageSize, cancellationToken)).Value!;
        return new PlatformTenantList([.. result.Items.Select(ToSummary)], result.Total);
    }

    public async Task<PlatformTenantSummary> CreateLocationAsync(NewLocationDto location, CancellationToken cancellationToken = default)
    {
        var request = new CreateTenantRequest
        {
            Kind = "location",
            FranchiseId = location.FranchiseId,
            Activate = location.Activate,
            Identifier = location.Identifier,
            Name = location.Name,
            Address = location.Address,
            Phone = location.Phone,
            Email = location.Email,
            IsOpen24x7 = location.IsOpen24x7,
            OpeningHours = location.OpeningHours,
            Amenities = location.Amenities,
        };
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        return ToSummary((await PlatformTenantsEndpoints.CreateAsync(request, db, catalog, cancellationToken)).Value!);
    }

    public async Task<PlatformTenantSummary> SuspendAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        ToSummary((await PlatformTenantsEndpoints.ChangeStateAsync(tenantId, TenantState.Suspended, db, catalog, cancellationToken)).Value!);

    public async Task<PlatformTenantSummary> ActivateAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        ToSummary((await PlatformTenantsEndpoints.ChangeStateAsync(tenantId, TenantState.Active, db, catalog, cancellationToken)).Value!);

    private static PlatformTenantSummary ToSummary(PlatformTenantDto tenant) =>
        new(tenant.Id, tenant.Identifier, tenant.Name, tenant.Kind, tenant.FranchiseId, tenant.State, tenant.Profile.Address?.Suburb);
}
