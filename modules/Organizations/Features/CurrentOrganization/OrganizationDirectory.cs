using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;

namespace Derrimut.Organizations.Features.CurrentOrganization;

/// <summary>The public profile for the web host's pages: the same compiled query as <c>GET /api/organizations/current</c>.</summary>
internal sealed class OrganizationDirectory(DerrimutDbContext db) : IOrganizationDirectory
{
    public async Task<OrganizationProfileDto?> FindProfileAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        await OrganizationQueries.ById(db, tenantId) is { } organization ? OrganizationQueries.ToProfile(organization) : null;
}
