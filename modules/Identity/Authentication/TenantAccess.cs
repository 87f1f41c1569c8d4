using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Authentication;

/// <summary>What a person may do at the resolved tenant.</summary>
/// <param name="TwoFactorEnabled">Whether the person has two-factor sign-in on (decision 0059: the powerful need it).
/// Read with the access and remembered with it; saving the person drops the remembered answer, so turning 2FA on or
/// off applies on the next request.</param>
internal sealed record TenantAccess(bool IsSuperAdmin, bool IsMember, IReadOnlyList<string> Roles, IReadOnlySet<string> Permissions, bool TwoFactorEnabled = false);

/// <summary>The person's own flags read in one statement.</summary>
internal sealed record PersonFlags(bool IsSuperAdmin, bool TwoFactorEnabled);

/// <summary>
/// Reads a person's access rows at the resolved tenant, through <see cref="PersonAccessCache"/>. The tenant filters do the scoping: at a location, the
/// location's access and the franchise's access are the only rows visible; at a franchise, only the
/// franchise's; in platform scope, none.
/// </summary>
internal sealed class TenantAccessResolver(DerrimutDbContext db, ICurrentTenant tenant, GrantCalculator grants, PersonAccessCache cache)
{
    private static readonly ModelCompiledQuery<Guid, PersonFlags?> PersonFlagsQuery = new((db, userId) =>
        db.Set<DerrimutUser>().Where(u => u.Id == userId).Select(u => new PersonFlags(u.IsSuperAdmin, u.TwoFactorEnabled)).FirstOrDefault());

    /// <summary>The person's access here, from the per-tenant cache (read from the rows when absent).</summary>
    public async Task<TenantAccess> ResolveAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrReadAsync(tenant.Tenant?.Id, userId, (Resolver: this, UserId: userId),
            static async (s, ct) => await s.Resolver.ReadAsync(s.UserId, ct), cancellationToken);

    /// <summary>Reads the person's access rows at the resolved tenant (no cache).</summary>
    internal async Task<TenantAccess> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var flags = await PersonFlagsQuery.InvokeAsync(db, userId);
        var isSuperAdmin = flags?.IsSuperAdmin == true;
        var twoFactor = flags?.TwoFactorEnabled == true;
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        if (tenant.Tenant is not null)
        {
            var arrived = false;
            foreach (var access in await db.Set<LocationAccess>().AsNoTracking()
                         .Where(m => m.UserId == userId && m.IsActive).ToListAsync(cancellationToken))
            {
                roles.UnionWith(access.Roles);
                arrived |= access.InvitedName is not null;
            }

            if (arrived)
            {
                // The person's first signed-in request at this gym since it invited them (this read runs for the person
                // themselves, on a cache miss): from now on the gym's people list shows the name they chose, not the
                // one the inviting admin typed (decision 0065). The tenant filter keeps the update to this gym's row.
                await db.Set<LocationAccess>().Where(m => m.UserId == userId && m.InvitedName != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.InvitedName, (string?)null), cancellationToken);
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
            return new TenantAccess(true, true, roleList, grants.AllPermissions, twoFactor);
        }

        if (roleList.Count == 0)
        {
            return new TenantAccess(false, false, roleList, new HashSet<string>(), twoFactor);
        }

        var changes = tenant.Tenant!.IsLocation
            ? await db.Set<PermissionGrant>().AsNoTracking().ToListAsync(cancellationToken)
            : [];
        return new TenantAccess(false, true, roleList, grants.Effective(roleList, changes), twoFactor);
    }
}
