using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Authentication;

/// <summary>What a person may do at the resolved tenant.</summary>
internal sealed record TenantAccess(bool IsSuperAdmin, bool IsMember, IReadOnlyList<string> Roles, IReadOnlySet<string> Permissions);

/// <summary>
/// Reads a person's access rows at the resolved tenant, through <see cref="PersonAccessCache"/>. The tenant filters do the scoping: at a location, the
/// location's access and the franchise's access are the only rows visible; at a franchise, only the
/// franchise's; in platform scope, none.
/// </summary>
internal sealed class TenantAccessResolver(DerrimutDbContext db, ICurrentTenant tenant, GrantCalculator grants, PersonAccessCache cache)
{
    private static readonly ModelCompiledQuery<Guid, bool> IsSuperAdminQuery = new((db, userId) =>
        db.Set<DerrimutUser>().Where(u => u.Id == userId).Select(u => u.IsSuperAdmin).FirstOrDefault());

    /// <summary>The person's access here, from the per-tenant cache (read from the rows when absent).</summary>
    public async Task<TenantAccess> ResolveAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrReadAsync(tenant.Tenant?.Id, userId, (Resolver: this, UserId: userId),
            static async (s, ct) => await s.Resolver.ReadAsync(s.UserId, ct), cancellationToken);

    /// <summary>Reads the person's access rows at the resolved tenant (no cache).</summary>
    internal async Task<TenantAccess> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var isSuperAdmin = await IsSuperAdminQuery.InvokeAsync(db, userId);
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        if (tenant.Tenant is not null)
        {
            foreach (var access in await db.Set<LocationAccess>().AsNoTracking()
                         .Where(m => m.UserId == userId && m.IsActive).ToListAsync(cancellationToken))
            {
                roles.UnionWith(access.Roles);
            }

            foreach (var access in await db.Set<FranchiseAccess>().AsNoTracking()
                         .Where(m => m.UserId == userId && m.IsActive).ToListAsync(cancellationToken))
            {
                roles.UnionWith(access.Roles);
            }
        }

        var roleList = roles.ToList();
        if (isSuperAdmin)
        {
            return new TenantAccess(true, true, roleList, grants.AllPermissions);
        }

        if (roleList.Count == 0)
        {
            return new TenantAccess(false, false, roleList, new HashSet<string>());
        }

        var changes = tenant.Tenant!.IsLocation
            ? await db.Set<PermissionGrant>().AsNoTracking().ToListAsync(cancellationToken)
            : [];
        return new TenantAccess(false, true, roleList, grants.Effective(roleList, changes));
    }
}
