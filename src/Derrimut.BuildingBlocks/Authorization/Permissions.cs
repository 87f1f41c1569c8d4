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
/// principal's <c>tenant</c> claim is the resolved tenant, so a grant at one gym is worth nothing at another.
/// </summary>
internal sealed class ClaimsPermissionChecker : IPermissionChecker
{
    public ValueTask<bool> IsGrantedAsync(ClaimsPrincipal user, string permission, TenantInfo? tenant, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(DerrimutClaims.SuperAdminRole))
        {
            return ValueTask.FromResult(true);
        }

        var tenantClaim = user.FindFirst(DerrimutClaims.Tenant)?.Value;
        if (tenant is null)
        {
            // Platform scope: only a platform token (issued at the platform site, so it names no tenant) carries
            // permission claims here; a cookie's claims are added per gym and a gym's token names its gym.
            return ValueTask.FromResult(tenantClaim is null && user.HasClaim(DerrimutClaims.Permission, permission));
        }

        var sameTenant = tenant is not null && Guid.TryParse(tenantClaim, out var id) && id == tenant.Id;
        return ValueTask.FromResult(sameTenant && user.HasClaim(DerrimutClaims.Permission, permission));
    }
}

internal sealed class PermissionAuthorizationHandler(IPermissionChecker checker, ICurrentTenant currentTenant)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && await checker.IsGrantedAsync(context.User, requirement.Permission, currentTenant.Tenant))
        {
            context.Succeed(requirement);
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
