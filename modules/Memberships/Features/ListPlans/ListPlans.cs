using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.ListPlans;

/// <summary>The plans on sale at the current location, in display order (the public site and the join page).</summary>
internal sealed class ListPlansHandler(DerrimutDbContext db)
{
    public async Task<IReadOnlyList<MembershipPlanDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var plans = await db.Set<Plan>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        return [.. plans.Select(MembershipViews.ToDto)];
    }
}

/// <summary><c>GET /api/memberships/plans</c>.</summary>
internal static class ListPlansEndpoint
{
    public static RouteGroupBuilder MapListPlans(this RouteGroupBuilder group)
    {
        group.MapGet("/plans", (ListPlansHandler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .AllowAnonymous().WithName("ListMembershipPlans");
        return group;
    }
}
