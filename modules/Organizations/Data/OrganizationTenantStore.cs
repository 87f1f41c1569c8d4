using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Data;

/// <summary>The kernel's tenant store, backed by the organizations table.</summary>
internal sealed class OrganizationTenantStore(DerrimutDbContext db) : ITenantStore
{
    public async Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken) =>
        (await OrganizationQueries.ByIdentifier(db, identifier))?.ToTenantInfo();

    public async Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await OrganizationQueries.ById(db, id))?.ToTenantInfo();

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<Organization>().AsNoTracking()
            .OrderBy(o => o.Kind).ThenBy(o => o.Identifier)
            .ToListAsync(cancellationToken);
        return all.Select(o => o.ToTenantInfo()).ToList();
    }
}
