using Derrimut.Organizations.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Dashboard;

namespace Derrimut.Reporting.Features.Franchise;

/// <summary>
/// The franchise roll-up on the franchise's own site: each of its active locations' dashboards, each read in that
/// location's own tenant scope (so every figure passes the location's tenant filter, decision 0003 — no query widens
/// a filter), side by side and added up. The franchise comes from the site, never from the request.
/// </summary>
internal sealed class FranchiseDashboardHandler(ICurrentTenant tenant, IOrganizationDirectory organizations, ITenantScopeFactory scopes)
{
    public async Task<FranchiseDashboardDto> HandleAsync(CancellationToken cancellationToken)
    {
        if (tenant.Tenant is not { Kind: TenantKind.Franchise } franchise)
        {
            throw new NotFoundException("The franchise roll-up is on the franchise's own site.");
        }

        var locations = await organizations.ListLocationsAsync(franchise.Id, cancellationToken);
        var dashboards = await LocationDashboards.ReadAsync(scopes, locations.Select(l => l.Id), cancellationToken);
        return new FranchiseDashboardDto(franchise.Id, franchise.Name, dashboards, DashboardTotalsDto.Of(dashboards));
    }
}

internal static class LocationDashboards
{
    /// <summary>Each location's dashboard in its own scope, one after another (one connection at a time).</summary>
    public static async Task<IReadOnlyList<DashboardDto>> ReadAsync(ITenantScopeFactory scopes, IEnumerable<Guid> locationIds, CancellationToken cancellationToken)
    {
        var dashboards = new List<DashboardDto>();
        foreach (var id in locationIds)
        {
            dashboards.Add(await scopes.RunAsync(id, (sp, ct) => sp.GetRequiredService<LocationDashboardHandler>().HandleAsync(ct), cancellationToken));
        }

        return dashboards;
    }
}
