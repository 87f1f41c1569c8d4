using System.Security.Claims;
using Derrimut.Organizations.Contracts;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.Me;

/// <summary><c>GET /api/me</c>: who I am, where I belong, and what I may do here.</summary>
internal static class GetMe
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async (ClaimsPrincipal principal, WhoAmI me, CancellationToken ct) =>
                await me.FindAsync(principal, ct) is { } found
                    ? (Results<Ok<MeDto>, UnauthorizedHttpResult>)TypedResults.Ok(found)
                    // A client-credentials token is an integration, not a person.
                    : TypedResults.Unauthorized())
            .RequireAuthorization().WithTags("Identity").WithName("GetMe");
}

/// <summary>Who the caller is, where they have access, and what they may do here; the API and the area pages call it.</summary>
internal sealed class WhoAmI(ICurrentTenant tenant, DerrimutDbContext db, ITenantCatalog catalog, TenantAccessResolver access)
{
    /// <summary>The signed-in person, or null for a caller that is not a person (an integration's token).</summary>
    public async Task<MeDto?> FindAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.FindUserId() is not { } userId
            || await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            return null;
        }

        var here = await access.ResolveAsync(userId, ct);
        // The person's own rows in every tenant: the one place the tenant filter is lifted for access rows, and
        // always narrowed to this user.
        var locationAccess = await db.Set<LocationAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { m.TenantId, m.Roles, m.IsActive }).ToListAsync(ct);
        var franchiseAccess = await db.Set<FranchiseAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { TenantId = m.FranchiseId, m.Roles, m.IsActive }).ToListAsync(ct);

        var places = new List<GymAccessDto>();
        foreach (var m in locationAccess.Concat(franchiseAccess))
        {
            if (await catalog.FindByIdAsync(m.TenantId, ct) is { } info)
            {
                places.Add(new GymAccessDto(info.Id, info.Identifier, info.Name, KindName(info.Kind), m.Roles, m.IsActive));
            }
        }

        var current = tenant.Tenant;
        return new MeDto(
            user.Id,
            user.Email ?? "",
            user.DisplayName,
            user.EmailConfirmed,
            user.TwoFactorEnabled,
            user.IsSuperAdmin,
            current is null ? null : new TenantRefDto(current.Id, current.Identifier, current.Name, KindName(current.Kind)),
            here.Roles,
            here.Permissions.Order(StringComparer.Ordinal).ToList(),
            places.OrderBy(m => m.Identifier, StringComparer.Ordinal).ToList());
    }

    internal static OrganizationKind KindName(TenantKind kind) => kind == TenantKind.Location ? OrganizationKind.Location : OrganizationKind.Franchise;
}
