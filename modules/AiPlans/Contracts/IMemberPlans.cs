using System.Text.Json;

namespace Derrimut.AiPlans.Contracts;

/// <summary>
/// Plans at the current location, for the web host's pages (the API uses the same service). Permission checks are
/// the caller's: pages check before calling, as endpoints do through their policies.
/// </summary>
public interface IMemberPlans
{
    /// <summary>Generates a plan for <paramref name="memberId"/> from loose answers (form field names or spoken
    /// values) and makes it the active one, superseding the previous plan in the same transaction.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">An answer is missing or out of range (keyed by field, e.g. <c>heightCm</c>).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">The member does not belong to this location.</exception>
    Task<PlanDto> GenerateAsync(Guid memberId, JsonElement answers, string source, CancellationToken cancellationToken = default);

    /// <summary>The member's active plan and history at this location.</summary>
    Task<MyPlansDto> GetMineAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>One plan of this location, or null.</summary>
    Task<PlanDto?> FindAsync(Guid planId, CancellationToken cancellationToken = default);

    /// <summary>The members' plans at this location (active ones by default), newest first.</summary>
    Task<IReadOnlyList<PlanSummaryDto>> ListClientPlansAsync(bool includeHistory, CancellationToken cancellationToken = default);

    /// <summary>A trainer's edit of an active plan: validated against the member's facts like any generated plan,
    /// then saved as the member's new active version, reviewed by the trainer.</summary>
    /// <param name="plan">The plan JSON: <c>{ name, workoutPlan, dietPlan }</c> (the energy stays the calculated one).</param>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">The edit breaks a rule (keyed by path, e.g. <c>workoutPlan.days[0].exercises[1]</c>).</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ConflictException">The plan is no longer the active one, or changed since <paramref name="expectedVersion"/>.</exception>
    Task<PlanDto> EditAsync(Guid planId, Guid trainerId, string plan, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Marks a plan as reviewed by the trainer.</summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.NotFoundException">No such plan at this location.</exception>
    Task<PlanDto> ApproveAsync(Guid planId, Guid trainerId, CancellationToken cancellationToken = default);
}
