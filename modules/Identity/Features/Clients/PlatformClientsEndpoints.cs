using System.Security.Cryptography;
using System.Text.Json;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Features.TenantUsers;
using Derrimut.Identity.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Features.Clients;

/// <summary>
/// <c>/api/platform/clients</c>: superadmins create and remove platform integration clients — client credentials at
/// the platform site, holding platform permissions only (decision 0061). They belong to no gym, so they have no
/// location-owned mirror row; OpenIddict's application store is their only record.
/// </summary>
internal static class PlatformClientsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/platform/clients")
            .RequirePlatformScope()
            .RequireAuthorization(IdentityPermissions.ManageSystemSettings)
            .WithTags("Platform: integration clients");
        group.MapPost("/", async (CreateClientRequest request, GrantCalculator grants, IOpenIddictApplicationManager applications, CancellationToken ct) =>
            {
                RequestRules.ThrowIfInvalid(request);
                var platformPermissions = grants.PlatformPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var errors = new ValidationErrors();
                for (var i = 0; i < request.Permissions!.Count; i++)
                {
                    errors.AddIf(!platformPermissions.Contains(request.Permissions[i]), $"permissions[{i}]", $"Not a platform permission: '{request.Permissions[i]}'.");
                }

                errors.ThrowIfAny();
                var clientId = $"platform-{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
                var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
                var permissions = request.Permissions.Distinct(StringComparer.Ordinal).ToList();
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = clientId,
                    ClientSecret = secret,
                    ClientType = ClientTypes.Confidential,
                    DisplayName = request.Name.Trim(),
                    Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
                };
                descriptor.Properties[ConnectEndpoints.PlatformProperty] = JsonSerializer.SerializeToElement(true);
                descriptor.Properties[ConnectEndpoints.PermissionsProperty] = JsonSerializer.SerializeToElement(permissions);
                await applications.CreateAsync(descriptor, ct);
                return TypedResults.Created($"/api/platform/clients/{clientId}", new ClientDto(clientId, descriptor.DisplayName, permissions, DateTimeOffset.UtcNow, secret));
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("CreatePlatformClient");
        group.MapDelete("/{clientId}", async Task<NoContent> (string clientId, IOpenIddictApplicationManager applications, IntegrationTokenEntries remembered, CancellationToken ct) =>
            {
                // Only platform clients are reachable here: a gym's client id answers 404 as an unknown one does.
                if (await applications.FindByClientIdAsync(clientId, ct) is not { } application
                    || !(await applications.GetPropertiesAsync(application, ct)).TryGetValue(ConnectEndpoints.PlatformProperty, out var platform)
                    || platform.ValueKind != JsonValueKind.True)
                {
                    throw new NotFoundException("No platform integration client with this id.");
                }

                await applications.DeleteAsync(application, ct);
                remembered.ForgetAll();
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("DeletePlatformClient");
    }
}
