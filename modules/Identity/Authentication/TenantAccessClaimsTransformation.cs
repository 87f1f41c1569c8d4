using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// One sign-in cookie serves every gym a person belongs to, so it carries no gym-specific claims. On each request
/// this adds the resolved tenant, the roles held there and the permissions they grant — read fresh from the
/// database, so a deactivation or role change applies on the very next request. Bearer tokens are left alone:
/// they carry the tenant and permissions they were issued for.
/// </summary>
internal sealed class TenantAccessClaimsTransformation(TenantAccessResolver resolver, ICurrentTenant tenant) : IClaimsTransformation
{
    private const string Marker = "derrimut:access-resolved";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || identity.AuthenticationType != IdentityConstants.ApplicationScheme
            || principal.HasClaim(c => c.Type == Marker)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var access = await resolver.ResolveAsync(userId, CancellationToken.None);
        var enriched = identity.Clone();
        enriched.AddClaim(new Claim(Marker, "1"));
        TenantAccessClaims.Add(enriched, access, tenant.Tenant);
        return new ClaimsPrincipal(enriched);
    }
}
