using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
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

namespace Derrimut.AiPlans.Features.EditPlan;

/// <summary>
/// <c>PUT /api/plans/{id}?version=</c> (and the client plan page): a trainer's edit of an active plan, validated
/// against the member's facts like any generated plan, then saved as the member's new active version, reviewed by the
/// trainer.
/// </summary>
internal static class EditPlanEndpoint
{
    public static void MapEditPlan(this RouteGroupBuilder writes) =>
        writes.MapPut("/{id:guid}", HandleAsync).RequireAuthorization(AiPlansPermissions.ReviewClientPlans).WithName("EditPlan");

    internal static async Task<Ok<PlanDto>> HandleAsync(Guid id, long? version, HttpRequest http, ClaimsPrincipal user, EditPlanHandler handler, CancellationToken ct)
    {
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            // The kernel's request body limit bounds this; the plan parser reads and validates it.
            body = await reader.ReadToEndAsync(ct);
        }

        return TypedResults.Ok(await handler.HandleAsync(id, user.RequireUserId(), body, version, ct));
    }
}

internal sealed class EditPlanHandler(DerrimutDbContext db, PlanVersions versions, ILocationPeople people, IPeopleReadModel everyone, TimeProvider time)
{
    /// <param name="planId">The active plan being edited.</param>
    /// <param name="trainerId">The trainer editing it.</param>
    /// <param name="plan">The plan JSON: <c>{ name, workoutPlan, dietPlan }</c> (the energy stays the calculated one).</param>
    /// <param name="expectedVersion">The version the trainer opened, if known.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <exception cref="ValidationException">The edit breaks a rule (keyed by path, e.g. <c>workoutPlan.days[0].exercises[1]</c>).</exception>
    /// <exception cref="ConflictException">The plan is no longer the active one, or changed since <paramref name="expectedVersion"/>.</exception>
    public async Task<PlanDto> HandleAsync(Guid planId, Guid trainerId, string plan, long? expectedVersion, CancellationToken cancellationToken)
    {
        var current = await db.Set<MemberPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("No such plan at this gym.");
        if (!current.IsActive)
        {
            throw new ConflictException("Only the member's active plan can be edited; this one has been superseded.", "id");
        }

        if (expectedVersion is { } version && version != current.Version)
        {
            throw new ConflictException("The plan changed since you opened it; reload it and edit again.", "version");
        }

        var request = JsonSerializer.Deserialize<PlanRequest>(current.InputJson, Domain.Plans.PlanJson.Options)!;
        // The same reader and validator as every generated plan, against the member's own facts.
        var result = LlmPlanParser.ParseAndValidate(plan, request);
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors
                .GroupBy(error => error.Path, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal));
        }

        var trainerName = await PlanViews.TrainerNameAsync(everyone, trainerId, cancellationToken);
        var edited = PlanVersions.NewVersion(current.MemberId, result.Plan!, request, PlanWire.TrainerGenerator, null, PlanSource.TrainerEdit);
        edited.CreatedBy = trainerId;
        edited.EditedFromId = current.Id;
        edited.ReviewedById = trainerId;
        edited.ReviewedByName = trainerName;
        edited.ReviewedAt = time.GetUtcNow();
        await versions.SaveAsActiveAsync(edited, cancellationToken, mustSupersede: current);
        await versions.PublishAsync(edited);
        return PlanViews.ToDto(edited, await PlanViews.MemberNameAsync(people, edited.MemberId, cancellationToken));
    }
}
