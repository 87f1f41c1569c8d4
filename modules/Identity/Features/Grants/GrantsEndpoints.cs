using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Derrimut.Identity.Features.TenantUsers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.Grants;

/// <summary>Body of <c>PUT /api/identity/grants</c>.</summary>
internal sealed record ChangeGrantRequest(string Role, string Permission, bool Granted) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(!IdentityRoles.Location.Contains(Role ?? ""), "role", "Roles are member, trainer, staff and admin.");
        errors.Required(Permission, "permission", 100);
    }
}

/// <summary><c>/api/identity/grants</c>: which role holds which permission at this gym, and an admin's changes to it.</summary>
internal static class GrantsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/identity/grants")
            .RequireLocation()
            .RequireAuthorization(IdentityPermissions.ManageOrganizationUsers)
            .WithTags("Identity: permissions at this gym");
        group.MapGet("/", async (GrantsAtGym grants, CancellationToken ct) => TypedResults.Ok(await grants.ListAsync(ct))).WithName("ListGrants");
        group.MapPut("/", async (ChangeGrantRequest request, GrantsAtGym grants, CancellationToken ct) => TypedResults.Ok(await grants.ChangeAsync(request, ct)))
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("ChangeGrant");
    }
}

/// <summary>The grants matrix of this gym and an admin's changes to it; called by the API and the permissions page.</summary>
internal sealed class GrantsAtGym(DerrimutDbContext db, GrantCalculator calculator, ICurrentTenant tenant, ILiveUpdates live)
{
    /// <summary>Every location role × every tenant permission.</summary>
    public async Task<IReadOnlyList<GrantDto>> ListAsync(CancellationToken ct)
    {
        RequestRules.RequireLocation(tenant);
        var changes = await db.Set<PermissionGrant>().AsNoTracking().ToListAsync(ct);
        var result = new List<GrantDto>();
        foreach (var role in IdentityRoles.Location)
        {
            var effective = calculator.Effective([role], changes);
            result.AddRange(calculator.TenantPermissions.Select(p => new GrantDto(
                role, p.Name, p.Description, effective.Contains(p.Name), GrantCalculator.DefaultHolds(role, p),
                role == IdentityRoles.Admin && p.Name == GrantCalculator.Inalienable)));
        }

        return result;
    }

    /// <summary>Grants or withdraws one permission from one role here; returns the whole matrix afterwards.</summary>
    public async Task<IReadOnlyList<GrantDto>> ChangeAsync(ChangeGrantRequest request, CancellationToken ct)
    {
        RequestRules.ThrowIfInvalid(request);
        RequestRules.RequireLocation(tenant);
        var permission = calculator.TenantPermissions.FirstOrDefault(p => p.Name == request.Permission)
            ?? throw new ValidationException("permission", $"Unknown permission '{request.Permission}'.");
        if (request.Role == IdentityRoles.Admin && permission.Name == GrantCalculator.Inalienable && !request.Granted)
        {
            throw new ValidationException("permission", "Admins always keep the right to manage people, so a bad change can be undone.");
        }

        var existing = await db.Set<PermissionGrant>().FirstOrDefaultAsync(g => g.Role == request.Role && g.Permission == request.Permission, ct);
        var isDefault = GrantCalculator.DefaultHolds(request.Role, permission) == request.Granted;
        if (isDefault && existing is not null)
        {
            db.Remove(existing);
        }
        else if (!isDefault && existing is null)
        {
            db.Add(new PermissionGrant { Role = request.Role, Permission = request.Permission, IsGranted = request.Granted });
        }
        else if (existing is not null)
        {
            existing.IsGranted = request.Granted;
        }

        await db.SaveChangesAsync(ct);
        await live.PublishAsync(new LiveUpdate(tenant.Tenant!.Id, IdentityTopics.Grants, Detail: $"{request.Role} {request.Permission}"), ct);
        return await ListAsync(ct);
    }
}
