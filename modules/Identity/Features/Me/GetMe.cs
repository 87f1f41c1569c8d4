using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.Me;

/// <summary>A tenant the person belongs to.</summary>
internal sealed record MembershipDto(Guid TenantId, string Identifier, string Name, string Kind, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>The tenant the request was made at.</summary>
internal sealed record TenantRefDto(Guid Id, string Identifier, string Name, string Kind);

/// <summary>Body of <c>GET /api/me</c>.</summary>
internal sealed record MeDto(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailConfirmed,
    bool TwoFactorEnabled,
    bool IsSuperAdmin,
    TenantRefDto? Tenant,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<MembershipDto> Memberships);

/// <summary><c>GET /api/me</c>: who I am, where I belong, and what I may do here.</summary>
internal static class GetMe
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", HandleAsync).RequireAuthorization().WithTags("Identity").WithName("GetMe");

    internal static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> HandleAsync(
        ClaimsPrincipal principal, ICurrentTenant tenant, DerrimutDbContext db, ITenantCatalog catalog, TenantAccessResolver access, CancellationToken ct)
    {
        if (principal.FindUserId() is not { } userId
            || await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            // A client-credentials token is an integration, not a person.
            return TypedResults.Unauthorized();
        }

        var here = await access.ResolveAsync(userId, ct);
        // The person's own rows in every tenant: the one place the tenant filter is lifted for memberships, and
        // always narrowed to this user.
        var locationMemberships = await db.Set<LocationMembership>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { m.TenantId, m.Roles, m.IsActive }).ToListAsync(ct);
        var franchiseMemberships = await db.Set<FranchiseMembership>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { TenantId = m.FranchiseId, m.Roles, m.IsActive }).ToListAsync(ct);

        var memberships = new List<MembershipDto>();
        foreach (var m in locationMemberships.Concat(franchiseMemberships))
        {
            if (await catalog.FindByIdAsync(m.TenantId, ct) is { } info)
            {
                memberships.Add(new MembershipDto(info.Id, info.Identifier, info.Name, KindName(info.Kind), m.Roles, m.IsActive));
            }
        }

        var current = tenant.Tenant;
        return TypedResults.Ok(new MeDto(
            user.Id,
            user.Email ?? "",
            user.DisplayName,
            user.EmailConfirmed,
            user.TwoFactorEnabled,
            user.IsSuperAdmin,
            current is null ? null : new TenantRefDto(current.Id, current.Identifier, current.Name, KindName(current.Kind)),
            here.Roles,
            here.Permissions.Order(StringComparer.Ordinal).ToList(),
            memberships.OrderBy(m => m.Identifier, StringComparer.Ordinal).ToList()));
    }

    internal static string KindName(TenantKind kind) => kind == TenantKind.Location ? "location" : "franchise";
}
