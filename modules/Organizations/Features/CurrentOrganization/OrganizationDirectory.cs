using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Features.CurrentOrganization;

/// <summary>The public profile for the web host's pages: the same compiled query as <c>GET /api/organizations/current</c>.</summary>
internal sealed class OrganizationDirectory(DerrimutDbContext db) : IOrganizationDirectory
{
    public async Task<OrganizationProfileDto?> FindProfileAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        await OrganizationQueries.ById(db, tenantId) is { } organization ? OrganizationQueries.ToProfile(organization) : null;

    public async Task<IReadOnlyList<GymLocationDto>> ListLocationsAsync(Guid franchiseId, CancellationToken cancellationToken = default) =>
        (await db.Set<Organization>().AsNoTracking().Where(o => o.ParentId == franchiseId && o.State == TenantState.Active).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Identifier, o.Name }).ToListAsync(cancellationToken))
        .Select(o => new GymLocationDto(o.Id, o.Identifier, o.Name, SiteState.Active)).ToList();

    public Task<string?> FindAbnAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.Set<Organization>().AsNoTracking().Where(o => o.Id == tenantId).Select(o => o.Abn).FirstOrDefaultAsync(cancellationToken);

    public async Task<string?> SetAbnAsync(Guid tenantId, string? abn, CancellationToken cancellationToken = default)
    {
        string? digits = null;
        if (!string.IsNullOrWhiteSpace(abn))
        {
            digits = AbnRules.Normalise(abn, out var error) ?? throw new ValidationException("abn", error!);
        }

        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("No location has this id.");
        organization.Abn = digits;
        await db.SaveChangesAsync(cancellationToken);
        return digits;
    }
}
