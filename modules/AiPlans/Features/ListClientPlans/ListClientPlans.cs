using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.ListClientPlans;

/// <summary><c>GET /api/plans/clients?history=</c> (and the trainer's list): the members' plans at this location, newest first.</summary>
internal static class ListClientPlansEndpoint
{
    public static void MapListClientPlans(this RouteGroupBuilder plans) =>
        plans.MapGet("/clients", HandleAsync).RequireAuthorization(IdentityPermissions.ViewClients).WithName("ListClientPlans");

    internal static async Task<Ok<IReadOnlyList<PlanSummaryDto>>> HandleAsync(ListClientPlansHandler handler, bool? history, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(history ?? false, ct));
}

internal sealed class ListClientPlansHandler(DerrimutDbContext db, ILocationPeople people)
{
    /// <summary>The active plans (with superseded ones too when <paramref name="includeHistory"/>), newest 500.</summary>
    public async Task<IReadOnlyList<PlanSummaryDto>> HandleAsync(bool includeHistory, CancellationToken cancellationToken)
    {
        var query = db.Set<MemberPlan>().AsNoTracking();
        if (!includeHistory)
        {
            query = query.Where(p => p.ActiveMemberId != null);
        }

        var plans = await query.OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var names = await people.FindManyAsync(plans.Select(p => p.MemberId), cancellationToken);
        return [.. plans.Select(p => PlanViews.ToSummary(p, names.GetValueOrDefault(p.MemberId)?.DisplayName ?? ""))];
    }
}
