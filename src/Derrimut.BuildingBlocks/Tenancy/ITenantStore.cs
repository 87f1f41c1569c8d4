namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// Where tenants are stored. The kernel only reads through it (via the cached <see cref="ITenantCatalog"/>);
/// the Organizations module implements it.
/// </summary>
public interface ITenantStore
{
    /// <summary>Finds a tenant by its subdomain label.</summary>
    Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>Finds a tenant by id.</summary>
    Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>All tenants of a kind, for the migrator's per-tenant seeding.</summary>
    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken);
}
