using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;

namespace Derrimut.BuildingBlocks.UseCases;

/// <summary>Who may make a page's call; checked against the caller's access as it is now, not as the page opened.</summary>
public sealed record AccessRule
{
    private AccessRule(string? permission, bool signedIn, bool superAdmin)
    {
        Permission = permission;
        RequiresSignIn = signedIn;
        RequiresSuperAdmin = superAdmin;
    }

    /// <summary>Anyone, signed in or not (public pages).</summary>
    public static AccessRule Anyone { get; } = new(null, false, false);

    /// <summary>Any signed-in person.</summary>
    public static AccessRule SignedIn { get; } = new(null, true, false);

    /// <summary>Platform superadmins only.</summary>
    public static AccessRule SuperAdmin { get; } = new(null, true, true);

    /// <summary>People holding <paramref name="permission"/> here (superadmins hold every permission).</summary>
    public static AccessRule Holding(string permission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        return new(permission, true, false);
    }

    /// <summary>The permission required, if any.</summary>
    public string? Permission { get; }

    /// <summary>Whether the caller must be a signed-in person.</summary>
    public bool RequiresSignIn { get; }

    /// <summary>Whether the caller must be a superadmin.</summary>
    public bool RequiresSuperAdmin { get; }
}

/// <summary>One call from a page: its own scope of the page's tenant, and the caller as a request would see them now.</summary>
/// <param name="Services">The call's scope (its own DbContext).</param>
/// <param name="User">The caller with their current roles and permissions here.</param>
/// <param name="CancellationToken">Cancels the call.</param>
public sealed record PageCall(IServiceProvider Services, ClaimsPrincipal User, CancellationToken CancellationToken)
{
    /// <summary>A service of the call's scope (usually the use case's handler).</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The calling person's id (403 for anyone else).</summary>
    public Guid UserId => User.RequireUserId();
}

/// <summary>
/// How pages run use cases. A Blazor circuit lives for hours: its scoped DbContext would be shared by every render and
/// event of the page, and the principal it opened with goes stale. So every call gets a fresh scope of the page's
/// tenant (the same scope an API request gets) and the caller's access read again, then runs the same handler the API
/// endpoint runs.
/// </summary>
public interface IPageCalls
{
    /// <summary>Runs <paramref name="work"/> for <paramref name="caller"/> once <paramref name="rule"/> holds for them now.</summary>
    /// <exception cref="ForbiddenException">The caller no longer meets the rule (or may no longer sign in).</exception>
    Task<T> RunAsync<T>(ClaimsPrincipal caller, AccessRule rule, Func<PageCall, Task<T>> work, CancellationToken cancellationToken = default);
}

/// <summary>Overloads of <see cref="IPageCalls"/>.</summary>
public static class PageCallsExtensions
{
    /// <summary>Runs a call without a result.</summary>
    public static Task RunAsync(this IPageCalls calls, ClaimsPrincipal caller, AccessRule rule, Func<PageCall, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(work);
        return calls.RunAsync<bool>(caller, rule, async call => { await work(call); return true; }, cancellationToken);
    }
}

internal sealed class PageCalls(ICurrentTenant pageTenant, ITenantScopeFactory scopes, IPermissionChecker permissions, Modularity.ModuleCatalog modules) : IPageCalls
{
    public Task<T> RunAsync<T>(ClaimsPrincipal caller, AccessRule rule, Func<PageCall, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(work);
        var tenant = pageTenant.Tenant;

        async Task<T> Call(IServiceProvider services, CancellationToken ct)
        {
            var user = await CurrentAccessAsync(services, caller, rule, tenant, ct);
            return await work(new PageCall(services, user, ct));
        }

        return tenant is null ? scopes.RunAsPlatformAsync(Call, cancellationToken) : scopes.RunAsync(tenant, Call, cancellationToken);
    }

    private async Task<ClaimsPrincipal> CurrentAccessAsync(IServiceProvider services, ClaimsPrincipal caller, AccessRule rule, TenantInfo? tenant, CancellationToken ct)
    {
        if (caller.FindUserId() is not { } userId)
        {
            return rule.RequiresSignIn ? throw new ForbiddenException("Please sign in again to do this.") : caller;
        }

        var current = await services.GetRequiredService<IPersonAccessReader>().ReadAsync(userId, ct)
            ?? throw new ForbiddenException("Your sign-in is no longer valid. Please sign in again.");
        if (rule.RequiresSuperAdmin && !current.IsInRole(DerrimutClaims.SuperAdminRole))
        {
            throw new ForbiddenException("Only platform superadmins may do this.");
        }

        if (rule.RequiresSuperAdmin && TwoFactorRule.BlocksSuperAdmin(current))
        {
            throw TwoFactorRule.Refusal();
        }

        if (rule.Permission is { } permission && !await permissions.IsGrantedAsync(current, permission, tenant, ct))
        {
            throw TwoFactorRule.Blocks(current, permission, modules.Permissions)
                ? TwoFactorRule.Refusal()
                : new ForbiddenException("You may no longer do this here. Ask the gym's admin if you think you should.");
        }

        return current;
    }
}
