using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.GetPlan;

/// <summary>
/// <c>GET /api/plans/{id}</c> (and the plan pages): one plan of this location — the member's own with
/// <c>view:own_plans</c>, anyone's with <c>view:clients</c>; otherwise 404, so ids reveal nothing.
/// </summary>
internal static class GetPlanEndpoint
{
    public static void MapGetPlan(this RouteGroupBuilder plans) =>
        // Either the member's own plan (view:own_plans) or a client's (view:clients): checked in the handler.
        plans.MapGet("/{id:guid}", HandleAsync).RequireAuthorization().WithName("GetPlan");

    internal static async Task<Ok<PlanDto>> HandleAsync(Guid id, ClaimsPrincipal user, GetPlanHandler handler, CancellationToken ct) =>
        await handler.FindAsync(id, user, ct) is { } plan ? TypedResults.Ok(plan) : throw new NotFoundException("No such plan.");
}

internal sealed class GetPlanHandler(DerrimutDbContext db, ILocationPeople people, IPermissionChecker permissions, ICurrentTenant tenant)
{
    /// <summary>The plan, or null when there is no such plan here or <paramref name="user"/> may not see it.</summary>
    public async Task<PlanDto?> FindAsync(Guid planId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var plan = await db.Set<MemberPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var permission = user.FindUserId() == plan.MemberId ? AiPlansPermissions.ViewOwnPlans : IdentityPermissions.ViewClients;
        if (!await permissions.IsGrantedAsync(user, permission, tenant.Tenant, cancellationToken))
        {
            return null;
        }

        return PlanViews.ToDto(plan, await PlanViews.MemberNameAsync(people, plan.MemberId, cancellationToken));
    }
}
