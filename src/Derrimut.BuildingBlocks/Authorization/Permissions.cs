using System.Security.Claims;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>Claim and role names the kernel understands.</summary>
public static class DerrimutClaims
{
    /// <summary>A permission granted to the principal at <see cref="Tenant"/>.</summary>
    public const string Permission = "permission";

    /// <summary>The tenant id the principal's permissions were issued for.</summary>
    public const string Tenant = "tenant";

    /// <summary>The platform role that holds every permission everywhere.</summary>
    public const string SuperAdminRole = "superadmin";

    /// <summary>
    /// Present on a person who must turn on two-factor sign-in before using powerful permissions (decision 0059).
    /// Identity adds it; integration clients never carry it.
    /// </summary>
    public const string SecondFactorMissing = "derrimut:2fa-missing";
}

/// <summary>Requires a permission at the resolved tenant.</summary>
/// <param name="Permission">The permission name.</param>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Decides whether a principal holds a permission at a tenant. Identity replaces the default.</summary>
public interface IPermissionChecker
{
    /// <summary>True when <paramref name="user"/> holds <paramref name="permission"/> at <paramref name="tenant"/> (null = platform).</summary>
    ValueTask<bool> IsGrantedAsync(ClaimsPrincipal user, string permission, TenantInfo? tenant, CancellationToken cancellationToken = default);
}

/// <summary>
/// The default checker: superadmins hold everything; otherwise a <c>permission</c> claim counts only when the
/// principal's <c>tenant</c> claim is the resolved tenant, so a grant at one gym is worth nothing at another. A person
/// who must turn on two-factor sign-in first holds none of the powerful permissions until they do (decision 0059).
/// </summary>
internal sealed class ClaimsPermissionChecker(ModuleCatalog modules) : IPermissionChecker
{
    public ValueTask<bool> IsGrantedAsync(ClaimsPrincipal user, string permission, TenantInfo? tenant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Holds(user, permission, tenant) && !TwoFactorRule.Blocks(user, permission, modules.Permissions));

    /// <summary>Whether the claims grant the permission here, 2FA aside.</summary>
    internal static bool Holds(ClaimsPrincipal user, string permission, TenantInfo? tenant)
    {
        if (user.IsInRole(DerrimutClaims.SuperAdminRole))
        {
            return true;
        }

        var tenantClaim = user.FindFirst(DerrimutClaims.Tenant)?.Value;
        if (tenant is null)
        {
            // Platform scope: only a platform token (issued at the platform site, so it names no tenant) carries
            // permission claims here; a cookie's claims are added per gym and a gym's token names its gym.
            return tenantClaim is null && user.HasClaim(DerrimutClaims.Permission, permission);
        }

        var sameTenant = Guid.TryParse(tenantClaim, out var id) && id == tenant.Id;
        return sameTenant && user.HasClaim(DerrimutClaims.Permission, permission);
    }
}

internal sealed class PermissionAuthorizationHandler(IPermissionChecker checker, ICurrentTenant currentTenant, ModuleCatalog modules)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (await checker.IsGrantedAsync(context.User, requirement.Permission, currentTenant.Tenant))
        {
            context.Succeed(requirement);
        }
        else if (ClaimsPermissionChecker.Holds(context.User, requirement.Permission, currentTenant.Tenant)
                 && TwoFactorRule.Blocks(context.User, requirement.Permission, modules.Permissions))
        {
            // Held, but not usable yet: say why, so the answer can send the person to the setup page.
            context.Fail(new TwoFactorRequiredReason(this));
        }
    }
}

/// <summary>Turns a declared permission name used as a policy name into a policy that requires it.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, ModuleCatalog modules)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || !modules.Permissions.IsDefined(policyName))
        {
            return policy;
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build();
    }
}

/// <summary>
/// The principal belongs to the resolved tenant (a membership there, shown by a matching <c>tenant</c> claim), or is
/// a superadmin. In platform scope any authenticated person passes. Part of the default policy, so a plain
/// <c>RequireAuthorization()</c> never lets a St Albans cookie or token act at Sunshine.
/// </summary>
public sealed class TenantMemberRequirement : IAuthorizationRequirement
{
    /// <summary>The one instance.</summary>
    public static readonly TenantMemberRequirement Instance = new();
}

internal sealed class TenantMemberAuthorizationHandler(ICurrentTenant currentTenant) : AuthorizationHandler<TenantMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMemberRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var tenant = currentTenant.Tenant;
        if (user.IsInRole(DerrimutClaims.SuperAdminRole)
            || tenant is null
            || (Guid.TryParse(user.FindFirst(DerrimutClaims.Tenant)?.Value, out var id) && id == tenant.Id))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
