using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// One sign-in cookie serves every gym a person belongs to, so it carries no gym-specific claims. On each request
/// this adds the resolved tenant, the roles held there and the permissions they grant — read fresh from the
/// database, so a deactivation or role change applies on the very next request. Bearer tokens keep the tenant and
/// permissions they were issued for; a person's token only gains the "2FA missing" mark (decision 0059), read from the
/// same remembered access, so turning 2FA on applies to their tokens on the next call too. Integration clients' tokens
/// (no person behind them) are left alone.
/// </summary>
internal sealed class TenantAccessClaimsTransformation(TenantAccessResolver resolver, ICurrentTenant tenant, IOptions<StrongAuthenticationOptions> strong)
    : IClaimsTransformation
{
    private const string Marker = "derrimut:access-resolved";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.HasClaim(c => c.Type == Marker)
            || principal.FindUserId() is not { } userId)
        {
            return principal;
        }

        var requireTwoFactor = strong.Value.RequireTwoFactorForPowerfulRoles;
        if (identity.AuthenticationType != IdentityConstants.ApplicationScheme)
        {
            if (!requireTwoFactor || principal.HasClaim(c => c.Type == DerrimutClaims.SecondFactorMissing))
            {
                return principal;
            }

            var person = await resolver.ResolveAsync(userId, CancellationToken.None);
            if (person.TwoFactorEnabled)
            {
                return principal;
            }

            var marked = identity.Clone();
            marked.AddClaim(new Claim(DerrimutClaims.SecondFactorMissing, "1"));
            return new ClaimsPrincipal(marked);
        }

        var access = await resolver.ResolveAsync(userId, CancellationToken.None);
        var enriched = identity.Clone();
        enriched.AddClaim(new Claim(Marker, "1"));
        TenantAccessClaims.Add(enriched, access, tenant.Tenant, requireTwoFactor);
        return new ClaimsPrincipal(enriched);
    }
}
