using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Generation;
using Derrimut.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.Plans;

/// <summary>A stored plan as the API and the pages show it (one shape for both).</summary>
internal static class PlanViews
{
    public static PlanDto ToDto(MemberPlan plan, string memberName)
    {
        var content = JsonSerializer.Deserialize<StoredPlan>(plan.PlanJson, Domain.Plans.PlanJson.Options)!;
        var input = JsonSerializer.Deserialize<PlanInputDto>(plan.InputJson, Domain.Plans.PlanJson.Options)!;
        var source = PlanWire.SourceOf(plan.Source);
        return new PlanDto(
            plan.Id, plan.MemberId, memberName, plan.Number, plan.IsActive, plan.Name, content.Energy, content.WorkoutPlan, content.DietPlan, input,
            PlanWire.GeneratorOf(plan.Generator), plan.GeneratorReason, source, plan.CreatedAt, plan.SupersededAt,
            plan.ReviewedById is { } reviewer ? new PlanReviewDto(reviewer, plan.ReviewedByName ?? "", plan.ReviewedAt ?? plan.UpdatedAt, source == PlanSource.TrainerEdit) : null,
            plan.Version);
    }

    public static PlanSummaryDto ToSummary(MemberPlan plan, string memberName) => new(
        plan.Id, plan.MemberId, memberName, plan.Number, plan.IsActive, plan.Name, plan.TargetCalories, plan.TrainingDays,
        PlanWire.GeneratorOf(plan.Generator), PlanWire.SourceOf(plan.Source), plan.CreatedAt, plan.ReviewedByName);

    /// <summary>The member's name at this location ("" once they no longer belong to it).</summary>
    public static async Task<string> MemberNameAsync(ILocationPeople people, Guid memberId, CancellationToken cancellationToken) =>
        (await people.FindAsync(memberId, cancellationToken))?.DisplayName ?? "";

    /// <summary>The reviewing trainer's name, kept on the plan as it was when they reviewed it.</summary>
    public static async Task<string> TrainerNameAsync(IPeopleReadModel people, Guid trainerId, CancellationToken cancellationToken) =>
        await people.People.Where(p => p.UserId == trainerId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
        ?? "a trainer";

    /// <summary>The stored plan JSON read into the public shapes (same camelCase names).</summary>
    private sealed record StoredPlan(string Name, EnergyDto Energy, WorkoutPlanDto WorkoutPlan, DietPlanDto DietPlan);
}

/// <summary>
/// The stored (and wire) names of a plan's generator and source. The columns keep the strings they always had; the
/// contracts' enums serialise to the same strings.
/// </summary>
internal static class PlanWire
{
    /// <summary>The generator name of a plan a trainer wrote by editing.</summary>
    public const string TrainerGenerator = "trainer";

    public static string Name(PlanSource source) => source switch
    {
        PlanSource.Form => "form",
        PlanSource.Voice => "voice",
        PlanSource.TrainerEdit => "trainer-edit",
        PlanSource.Seed => "seed",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static PlanSource SourceOf(string stored) => stored switch
    {
        "form" => PlanSource.Form,
        "voice" => PlanSource.Voice,
        "trainer-edit" => PlanSource.TrainerEdit,
        "seed" => PlanSource.Seed,
        _ => throw new InvalidOperationException($"Unknown plan source '{stored}'."),
    };

    public static PlanGenerator GeneratorOf(string stored) => stored switch
    {
        PlanComposer.RuleBased => PlanGenerator.RuleBased,
        PlanComposer.AzureOpenAi => PlanGenerator.AzureOpenAi,
        PlanComposer.AzureOpenAiRepaired => PlanGenerator.AzureOpenAiRepaired,
        TrainerGenerator => PlanGenerator.Trainer,
        _ => throw new InvalidOperationException($"Unknown plan generator '{stored}'."),
    };
}
