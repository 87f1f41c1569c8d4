using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Derrimut.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity.Features.MyGyms;

/// <summary>
/// The sites the signed-in person can move between (<c>GET /api/me/gyms</c>; the header's gym switcher calls it too):
/// every location and franchise where they have active access, and for a franchise's people every open location of
/// it (franchise admins act at each). The sign-in cookie spans the root domain, so a link is all a move takes.
/// </summary>
internal sealed class MyGymsHandler(DerrimutDbContext db, ITenantCatalog catalog, ICurrentTenant tenant, IOrganizationDirectory organizations, ISiteAddresses sites)
{
    public async Task<IReadOnlyList<GymLinkDto>> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindUserId() is not { } userId)
        {
            return [];
        }

        // The person's own access rows in every tenant: the tenant filter is lifted, and always narrowed to this user.
        var locationIds = await db.Set<LocationAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(a => a.UserId == userId && a.IsActive).Select(a => a.TenantId).ToListAsync(cancellationToken);
        var franchiseIds = await db.Set<FranchiseAccess>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
            .Where(a => a.UserId == userId && a.IsActive).Select(a => a.FranchiseId).ToListAsync(cancellationToken);

        var links = new Dictionary<string, GymLinkDto>(StringComparer.Ordinal);
        foreach (var id in locationIds.Concat(franchiseIds).Distinct())
        {
            if (await catalog.FindByIdAsync(id, cancellationToken) is { State: TenantState.Active } info)
            {
                links[info.Identifier] = Link(info.Identifier, info.Name, info.Kind == TenantKind.Location ? OrganizationKind.Location : OrganizationKind.Franchise);
            }
        }

        foreach (var franchiseId in franchiseIds.Distinct())
        {
            foreach (var location in await organizations.ListLocationsAsync(franchiseId, cancellationToken))
            {
                links.TryAdd(location.Identifier, Link(location.Identifier, location.Name, OrganizationKind.Location));
            }
        }

        return [.. links.Values.OrderBy(l => l.Kind == OrganizationKind.Franchise ? 0 : 1).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    private GymLinkDto Link(string identifier, string name, OrganizationKind kind) =>
        new(identifier, name, kind, sites.ForTenant(identifier).ToString(), tenant.Tenant?.Identifier == identifier);
}

/// <summary><c>GET /api/me/gyms</c>.</summary>
internal static class MyGymsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me/gyms", (ClaimsPrincipal user, MyGymsHandler handler, CancellationToken ct) => handler.HandleAsync(user, ct))
            .RequireAuthorization().WithTags("Identity").WithName("GetMyGyms")
            .WithSummary("The gyms and franchises the signed-in person can move between.");
}
