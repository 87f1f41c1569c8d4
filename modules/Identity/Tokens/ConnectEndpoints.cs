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
/// The OpenIddict pass-through endpoints. Tokens are always issued for the location whose site the request came
/// to: the authorize step requires a access there, and the token carries that tenant, the roles and the
/// permissions — an API call at another location then fails the access check (403).
/// </summary>
internal static class ConnectEndpoints
{
    public const string TenantProperty = "tenant_id";

    /// <summary>The private claim carrying the person's security stamp inside codes and refresh tokens.</summary>
    internal const string SecurityStampClaim = "derrimut_security_stamp";
    public const string PermissionsProperty = "permissions";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").RequireLocation().ExcludeFromDescription();
        group.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync);
        group.MapPost("/token", TokenAsync).DisableAntiforgery();
    }

    internal static async Task<IResult> AuthorizeAsync(HttpContext http, TenantAccessResolver access, UserManager<DerrimutUser> users, ICurrentTenant tenant)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || cookie.Principal.FindUserId() is not { } userId)
        {
            // Sign in first (at this location), then come back to the same authorize request.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        var here = await access.ResolveAsync(userId, http.RequestAborted);
        if (user is null || !here.IsMember)
        {
            return Forbid(Errors.AccessDenied, $"You are not a member of {tenant.Tenant!.Name}.");
        }

        var identity = BuildIdentity(user, tenant.Tenant!, here.Roles, here.Permissions, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static async Task<IResult> TokenAsync(
        HttpContext http, TenantAccessResolver access, UserManager<DerrimutUser> users, ICurrentTenant tenant, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var location = tenant.Tenant!;
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
