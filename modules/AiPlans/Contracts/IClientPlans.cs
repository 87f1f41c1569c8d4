namespace Derrimut.AiPlans.Contracts;

/// <summary>A member's current AI plan at a glance, for other modules' pages (a trainer's client roster).</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="MemberId">Its member.</param>
/// <param name="Name">Its title.</param>
/// <param name="TargetCalories">The daily calorie target.</param>
/// <param name="TrainingDays">Training days a week.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="TrainerUrl">Where a trainer reads (and reviews) it.</param>
public sealed record ClientPlanGlance(Guid PlanId, Guid MemberId, string Name, int TargetCalories, int TrainingDays, DateTimeOffset CreatedAt, string TrainerUrl);

/// <summary>
/// The members' current plans at this location, read through the module's own rules (other modules never read
/// <c>aiplans</c> tables). Runs in the caller's location scope.
/// </summary>
public interface IClientPlans
{
    /// <summary>The active plan of each of <paramref name="memberIds"/> that has one.</summary>
    Task<IReadOnlyDictionary<Guid, ClientPlanGlance>> ActivePlansAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default);
}
