using System.Security.Cryptography;
using System.Text.Json;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Realtime;
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

/// <summary>Body of <c>POST /api/identity/clients</c>.</summary>
internal sealed record CreateClientRequest(string Name, IReadOnlyList<string>? Permissions) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 100);
        errors.AddIf(Permissions is null || Permissions.Count == 0, "permissions", "Choose at least one permission.");
    }
}

/// <summary>
/// <c>/api/identity/clients</c>: a location admin creates client-credentials integrations with chosen permissions
/// (secret shown once, stored hashed by OpenIddict), lists and removes them.
/// </summary>
internal static class ClientsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/identity/clients")
            .RequireLocation()
            .RequireAuthorization(IdentityPermissions.ManageOrganizationUsers)
            .WithTags("Identity: integration clients");
        group.MapGet("/", async (ClientsAtGym clients, CancellationToken ct) => TypedResults.Ok(await clients.ListAsync(ct))).WithName("ListClients");
        group.MapPost("/", async (CreateClientRequest request, System.Security.Claims.ClaimsPrincipal me, ClientsAtGym clients, CancellationToken ct) =>
            {
                var created = await clients.CreateAsync(me, request, ct);
                return TypedResults.Created($"/api/identity/clients/{created.ClientId}", created);
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("CreateClient");
        group.MapDelete("/{clientId}", async (string clientId, ClientsAtGym clients, CancellationToken ct) =>
            {
                await clients.RevokeAsync(clientId, ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("DeleteClient");
    }
}

/// <summary>The gym's integration clients; called by the API and the integrations page.</summary>
internal sealed class ClientsAtGym(
    ICurrentTenant tenant, DerrimutDbContext db, GrantCalculator grants, IOpenIddictApplicationManager applications, ILiveUpdates live,
    Tokens.IntegrationTokenEntries rememberedTokens)
{
    /// <summary>The gym's integration clients, by name (no secrets).</summary>
    public async Task<IReadOnlyList<ClientDto>> ListAsync(CancellationToken ct)
    {
        RequestRules.RequireLocation(tenant);
        return await db.Set<IntegrationClient>().AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ClientDto(c.ClientId, c.Name, c.Permissions, c.CreatedAt, null)).ToListAsync(ct);
    }

    /// <summary>Creates an integration client with chosen permissions; the result carries its secret, once.</summary>
    public async Task<ClientDto> CreateAsync(System.Security.Claims.ClaimsPrincipal me, CreateClientRequest request, CancellationToken ct)
    {
        RequestRules.ThrowIfInvalid(request);
        RequestRules.RequireLocation(tenant);
        var tenantPermissions = grants.TenantPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        for (var i = 0; i < request.Permissions!.Count; i++)
        {
            errors.AddIf(!tenantPermissions.Contains(request.Permissions[i]), $"permissions[{i}]", $"Unknown permission '{request.Permissions[i]}'.");
        }

        errors.ThrowIfAny();
        var location = tenant.Tenant!;
        var clientId = $"{location.Identifier}-{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var permissions = request.Permissions.Distinct(StringComparer.Ordinal).ToList();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.Name.Trim(),
            // Revocation too: a controller being retired can revoke its own token (RFC 7009); it reaches no other token.
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[ConnectEndpoints.TenantProperty] = JsonSerializer.SerializeToElement(location.Id.ToString());
        descriptor.Properties[ConnectEndpoints.PermissionsProperty] = JsonSerializer.SerializeToElement(permissions);
        await applications.CreateAsync(descriptor, ct);

        var client = new IntegrationClient { ClientId = clientId, Name = descriptor.DisplayName, Permissions = permissions, CreatedBy = me.FindUserId() ?? Guid.Empty };
        db.Add(client);
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(new LiveUpdate(location.Id, IdentityTopics.Clients, Detail: clientId), ct);
        return new ClientDto(clientId, client.Name, permissions, client.CreatedAt, secret);
    }

    /// <summary>Revokes an integration client: it can get no new tokens.</summary>
    public async Task RevokeAsync(string clientId, CancellationToken ct)
    {
        RequestRules.RequireLocation(tenant);
        // The tenant filter makes another location's client "not found" here.
        var client = await db.Set<IntegrationClient>().FirstOrDefaultAsync(c => c.ClientId == clientId, ct)
            ?? throw new NotFoundException("No integration client with this id at this gym.");
        if (await applications.FindByClientIdAsync(clientId, ct) is { } application)
        {
            await applications.DeleteAsync(application, ct);
        }

        // Its tokens went with it; this node must not keep answering "valid" from memory (decision 0051).
        rememberedTokens.ForgetAll();

        db.Remove(client);
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(new LiveUpdate(tenant.Tenant!.Id, IdentityTopics.Clients, Detail: clientId), ct);
    }
}
