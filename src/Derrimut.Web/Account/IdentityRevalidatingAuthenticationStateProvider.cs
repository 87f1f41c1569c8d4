using System.Security.Claims;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Account;

/// <summary>
/// A circuit keeps the principal it started with. This re-checks the person's security stamp every few minutes, so
/// a password change, a 2FA change, a deactivation or "sign out everywhere" also ends interactive sessions that are
/// already open — as often as cookies are re-checked (<c>Identity:Sessions:RecheckInterval</c>).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options,
    IOptions<SignInSessionOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A circuit re-checks on a timer, so a zero interval (tests re-check cookies on every request) would spin.
    protected override TimeSpan RevalidationInterval =>
        sessions.Value.RecheckInterval < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : sessions.Value.RecheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A scope of its own: the circuit's scope (and its DbContext) may be busy rendering. People are platform-owned
        // rows, so this scope needs no tenant.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
        return await ValidateSecurityStampAsync(users, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<DerrimutUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
