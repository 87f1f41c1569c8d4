using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.GetMyPlans;

/// <summary><c>GET /api/plans/mine</c> (and the member's plan page): the member's active plan and history at this location.</summary>
internal static class GetMyPlansEndpoint
{
    public static void MapGetMyPlans(this RouteGroupBuilder plans) =>
        plans.MapGet("/mine", HandleAsync).RequireAuthorization(AiPlansPermissions.ViewOwnPlans).WithName("GetMyPlans");

    internal static async Task<Ok<MyPlansDto>> HandleAsync(ClaimsPrincipal user, GetMyPlansHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user.RequireUserId(), ct));
}

internal sealed class GetMyPlansHandler(DerrimutDbContext db, ILocationPeople people)
{
    public async Task<MyPlansDto> HandleAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var plans = await db.Set<MemberPlan>().AsNoTracking()
            .Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        var name = await PlanViews.MemberNameAsync(people, memberId, cancellationToken);
        var active = plans.FirstOrDefault(p => p.IsActive);
        return new MyPlansDto(active is null ? null : PlanViews.ToDto(active, name), [.. plans.Select(p => PlanViews.ToSummary(p, name))]);
    }
}
