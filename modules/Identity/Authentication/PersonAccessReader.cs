using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// What a page's call is allowed to do, read again for each call: the person must still exist and not be locked out,
/// and their roles and permissions at this gym are resolved by the same rules the sign-in cookie's claims are.
/// </summary>
internal sealed class PersonAccessReader(TenantAccessResolver resolver, ICurrentTenant tenant, UserManager<DerrimutUser> users, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<StrongAuthenticationOptions> strong)
    : IPersonAccessReader
{
    public async Task<ClaimsPrincipal?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.LockoutEnd > time.GetUtcNow())
        {
            return null;
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "derrimut:page-call");
        TenantAccessClaims.Add(identity, await resolver.ResolveAsync(userId, cancellationToken), tenant.Tenant, strong.Value.RequireTwoFactorForPowerfulRoles);
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>The claims a person's access at the current tenant adds to their identity (cookie requests and page calls alike).</summary>
internal static class TenantAccessClaims
{
    public static void Add(ClaimsIdentity identity, TenantAccess access, TenantInfo? current, bool requireTwoFactor)
    {
        // The kernel refuses powerful permissions (and superadmin powers) to a principal with this claim (0059).
        if (requireTwoFactor && !access.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(DerrimutClaims.SecondFactorMissing, "1"));
        }

        if (access.IsSuperAdmin)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, DerrimutClaims.SuperAdminRole));
        }

        if (access.IsMember && current is not null)
        {
            identity.AddClaim(new Claim(DerrimutClaims.Tenant, current.Id.ToString()));
            identity.AddClaims(access.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            identity.AddClaims(access.Permissions.Select(p => new Claim(DerrimutClaims.Permission, p)));
        }
    }
}
