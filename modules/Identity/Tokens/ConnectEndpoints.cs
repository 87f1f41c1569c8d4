using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// The OpenIddict pass-through endpoints. Tokens are always issued for the site the request came to, and carry that
/// site's issuer (decision 0061): at a location the authorize step requires access there and the token carries that
/// tenant, the roles and the permissions; at the platform site only superadmins (code + PKCE) and platform
/// integration clients (client credentials) get tokens, and those carry platform permissions only — never the
/// superadmin role, so a platform token is worth nothing at a gym even where its issuer would be accepted.
/// </summary>
internal static class ConnectEndpoints
{
    public const string TenantProperty = "tenant_id";

    /// <summary>The private claim carrying the person's security stamp inside codes and refresh tokens.</summary>
    internal const string SecurityStampClaim = "derrimut_security_stamp";
    public const string PermissionsProperty = "permissions";

    /// <summary>Marks an OpenIddict application as a platform integration client (no tenant; platform permissions).</summary>
    public const string PlatformProperty = "platform";

    public static void Map(IEndpointRouteBuilder app)
    {
        // Any scope: a location or the platform site (each checked below); a franchise site signs nobody in here.
        var group = app.MapGroup("/connect").ExcludeFromDescription();
        group.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync);
        group.MapPost("/token", TokenAsync).DisableAntiforgery();
    }

    internal static async Task<IResult> AuthorizeAsync(
        HttpContext http, TenantAccessResolver access, UserManager<DerrimutUser> users, ICurrentTenant tenant, GrantCalculator grants)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (tenant.Tenant is { IsLocation: false })
        {
            return Forbid(Errors.AccessDenied, "Sign in at one of the gyms' sites or the platform site.");
        }
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || cookie.Principal.FindUserId() is not { } userId)
        {
            // Sign in first (at this location), then come back to the same authorize request.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (tenant.Tenant is null)
        {
            return user is { IsSuperAdmin: true }
                ? Results.SignIn(new ClaimsPrincipal(BuildPlatformIdentity(user, grants, request.GetScopes())), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Forbid(Errors.AccessDenied, "Only platform administrators get tokens at the platform site.");
        }

        var here = await access.ResolveAsync(userId, http.RequestAborted);
        if (user is null || !here.IsMember)
        {
            return Forbid(Errors.AccessDenied, $"You are not a member of {tenant.Tenant!.Name}.");
        }

        var identity = BuildIdentity(user, tenant.Tenant!, here.Roles, here.Permissions, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static async Task<IResult> TokenAsync(
        HttpContext http, TenantAccessResolver access, UserManager<DerrimutUser> users, ICurrentTenant tenant, IOpenIddictApplicationManager applications,
        GrantCalculator grants)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (tenant.Tenant is null)
        {
            return await PlatformTokenAsync(http, request, users, applications, grants);
        }

        if (!tenant.Tenant.IsLocation)
        {
            return Forbid(Errors.UnauthorizedClient, "Tokens are issued at the gyms' sites and the platform site.");
        }

        var location = tenant.Tenant;
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            // A code or refresh token only works at the location it was issued for, and only while the person is
            // still a member there: roles and permissions are read again so changes apply on the next refresh.
            if (previous?.FindFirstValue(DerrimutClaims.Tenant) != location.Id.ToString()
                || previous.FindUserId() is not { } userId
                || await users.FindByIdAsync(userId.ToString()) is not { } user
                || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The token is no longer valid at this location.");
            }

            // The stamp moves when the person's credentials change (password, 2FA, deactivation): what was issued
            // before that must not be renewed. Revocation in the token store says the same; this holds even without it.
            if (request.IsRefreshTokenGrantType()
                && previous.FindFirstValue(SecurityStampClaim) != await users.GetSecurityStampAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "Your sign-in details changed since this token was issued. Sign in again.");
            }

            var here = await access.ResolveAsync(userId, http.RequestAborted);
            if (!here.IsMember)
            {
                return Forbid(Errors.InvalidGrant, "You are no longer a member of this location.");
            }

            var identity = BuildIdentity(user, location, here.Roles, here.Permissions, previous.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
            if (!properties.TryGetValue(TenantProperty, out var tenantId) || tenantId.GetString() != location.Id.ToString())
            {
                return Forbid(Errors.UnauthorizedClient, "This client belongs to another location.");
            }

            var permissions = properties.TryGetValue(PermissionsProperty, out var list)
                ? list.EnumerateArray().Select(p => p.GetString()!).ToList()
                : [];
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, http.RequestAborted));
            identity.SetClaim(DerrimutClaims.Tenant, location.Id.ToString());
            identity.SetClaims(DerrimutClaims.Permission, [.. permissions]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>The platform site's token endpoint: a superadmin's code or refresh, or a platform integration client.</summary>
    private static async Task<IResult> PlatformTokenAsync(
        HttpContext http, OpenIddictRequest request, UserManager<DerrimutUser> users, IOpenIddictApplicationManager applications, GrantCalculator grants)
    {
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            // The issuer check already keeps a gym's code or refresh token out; the missing tenant claim says it again.
            if (previous is null || previous.FindFirstValue(DerrimutClaims.Tenant) is not null
                || previous.FindUserId() is not { } userId
                || await users.FindByIdAsync(userId.ToString()) is not { IsSuperAdmin: true } user
                || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The token is no longer valid at the platform site.");
            }

            if (request.IsRefreshTokenGrantType()
                && previous.FindFirstValue(SecurityStampClaim) != await users.GetSecurityStampAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "Your sign-in details changed since this token was issued. Sign in again.");
            }

            return Results.SignIn(new ClaimsPrincipal(BuildPlatformIdentity(user, grants, previous.GetScopes())),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
            if (!properties.TryGetValue(PlatformProperty, out var platform) || platform.ValueKind != JsonValueKind.True)
            {
                return Forbid(Errors.UnauthorizedClient, "This client belongs to a gym.");
            }

            // Only platform permissions, whatever the stored list says: a platform client acts at no gym.
            var allowed = grants.PlatformPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var permissions = properties.TryGetValue(PermissionsProperty, out var list)
                ? list.EnumerateArray().Select(p => p.GetString()!).Where(allowed.Contains).ToList()
                : [];
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, http.RequestAborted));
            identity.SetClaims(DerrimutClaims.Permission, [.. permissions]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// A superadmin's identity at the platform site: the platform permissions as claims and no tenant, no role — the
    /// token opens the platform's endpoints and nothing at any gym.
    /// </summary>
    private static ClaimsIdentity BuildPlatformIdentity(DerrimutUser user, GrantCalculator grants, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaims(DerrimutClaims.Permission, [.. grants.PlatformPermissions.Select(p => p.Name)]);
        identity.SetScopes(scopes);
        identity.SetClaim(SecurityStampClaim, user.SecurityStamp);
        identity.SetDestinations(claim => claim.Type switch
        {
            SecurityStampClaim => [],
            Claims.Name when scopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when scopes.Contains(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    private static ClaimsIdentity BuildIdentity(DerrimutUser user, TenantInfo tenant, IReadOnlyList<string> roles, IReadOnlySet<string> permissions, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaim(DerrimutClaims.Tenant, tenant.Id.ToString());
        identity.SetClaims(Claims.Role, [.. roles, .. user.IsSuperAdmin ? [DerrimutClaims.SuperAdminRole] : Array.Empty<string>()]);
        identity.SetClaims(DerrimutClaims.Permission, [.. permissions]);
        identity.SetScopes(scopes);
        // Kept inside the code and refresh tokens only (no destination: never in an access or identity token).
        identity.SetClaim(SecurityStampClaim, user.SecurityStamp);
        identity.SetDestinations(claim => claim.Type switch
        {
            SecurityStampClaim => [],
            // Name and email go into the identity token only when the client asked for them.
            Claims.Name when scopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when scopes.Contains(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    internal static JsonElement ToJson(object value) => JsonSerializer.SerializeToElement(value);
}
