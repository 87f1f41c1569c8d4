using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Derrimut.Identity.Features.Me;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.PlatformUsers;

/// <summary>A person as the platform console sees them, with every access.</summary>
internal sealed record PlatformUserDto(Guid Id, string Email, string DisplayName, bool IsSuperAdmin, bool EmailConfirmed, bool LockedOut, [property: System.Text.Json.Serialization.JsonPropertyName("memberships")] IReadOnlyList<GymAccessDto> Places);

/// <summary>One page of people.</summary>
internal sealed record PlatformUserPage(IReadOnlyList<PlatformUserDto> Items, int Total, int Page, int PageSize);

/// <summary><c>GET /api/platform/users</c>: superadmins search people across every tenant.</summary>
internal static class PlatformUsersEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/platform/users", SearchAsync)
            .RequirePlatformScope()
            .RequireAuthorization(IdentityPermissions.ManageAllUsers)
            .WithTags("Platform: people")
            .WithName("SearchPlatformUsers");

    internal static async Task<Ok<PlatformUserPage>> SearchAsync(
        DerrimutDbContext db, ITenantCatalog catalog, TimeProvider time, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var pageNumber = page ?? 1;
        var size = pageSize ?? Paging.DefaultPageSize;
        errors.Page(pageNumber, size);
        errors.MaxLength(search, "search", 100);
        errors.ThrowIfAny();

        var query = db.Set<DerrimutUser>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.Email).Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        // Platform scope: the superadmin's explicit, audited look across every tenant's access rows.
        var locations = await db.Set<LocationAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => ids.Contains(m.UserId)).Select(m => new { m.UserId, m.TenantId, m.Roles, m.IsActive }).ToListAsync(ct);
        var franchises = await db.Set<FranchiseAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(m => ids.Contains(m.UserId)).Select(m => new { m.UserId, TenantId = m.FranchiseId, m.Roles, m.IsActive }).ToListAsync(ct);

        var now = time.GetUtcNow();
        var items = new List<PlatformUserDto>();
        foreach (var user in users)
        {
            var places = new List<GymAccessDto>();
            foreach (var m in locations.Concat(franchises).Where(m => m.UserId == user.Id))
            {
                if (await catalog.FindByIdAsync(m.TenantId, ct) is { } info)
                {
                    places.Add(new GymAccessDto(info.Id, info.Identifier, info.Name, WhoAmI.KindName(info.Kind), m.Roles, m.IsActive));
                }
            }

            items.Add(new PlatformUserDto(user.Id, user.Email ?? "", user.DisplayName, user.IsSuperAdmin, user.EmailConfirmed,
                user.LockoutEnd > now, places.OrderBy(m => m.Identifier, StringComparer.Ordinal).ToList()));
        }

        return TypedResults.Ok(new PlatformUserPage(items, total, pageNumber, size));
    }
}
