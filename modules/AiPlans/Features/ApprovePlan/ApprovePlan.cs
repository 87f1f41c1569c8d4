using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.ApprovePlan;

/// <summary><c>POST /api/plans/{id}/approve</c> (and the client plan page): marks a plan as reviewed by the trainer.</summary>
internal static class ApprovePlanEndpoint
{
    public static void MapApprovePlan(this RouteGroupBuilder writes) =>
        writes.MapPost("/{id:guid}/approve", HandleAsync).RequireAuthorization(AiPlansPermissions.ReviewClientPlans).WithName("ApprovePlan");

    internal static async Task<Ok<PlanDto>> HandleAsync(Guid id, ClaimsPrincipal user, ApprovePlanHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, user.RequireUserId(), ct));
}

internal sealed class ApprovePlanHandler(DerrimutDbContext db, PlanVersions versions, ILocationPeople people, IPeopleReadModel everyone, TimeProvider time)
{
    /// <exception cref="NotFoundException">No such plan at this location.</exception>
    /// <exception cref="ConflictException">The plan changed while it was being approved.</exception>
    public async Task<PlanDto> HandleAsync(Guid planId, Guid trainerId, CancellationToken cancellationToken)
    {
        var plan = await db.Set<MemberPlan>().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("No such plan at this gym.");
        plan.ReviewedById = trainerId;
        plan.ReviewedByName = await PlanViews.TrainerNameAsync(everyone, trainerId, cancellationToken);
        plan.ReviewedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The plan changed while you approved it; reload it and approve again.");
        }

        await versions.PublishAsync(plan);
        return PlanViews.ToDto(plan, await PlanViews.MemberNameAsync(people, plan.MemberId, cancellationToken));
    }
}
