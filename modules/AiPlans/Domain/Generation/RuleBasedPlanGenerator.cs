using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Domain.Generation;

/// <summary>
/// The offline, evidence-based generator: the default when no AI endpoint is configured and the fallback when an
/// LLM's plan fails validation. Pure and deterministic — the same request always gives the same plan.
/// </summary>
internal static class RuleBasedPlanGenerator
{
    public const string GeneratorName = "rule-based";

    /// <summary>Generates a plan for a request that has passed <see cref="PlanRequestValidator"/>.</summary>
    /// <exception cref="ArgumentException">The request has validation errors.</exception>
    public static FitnessPlan Generate(PlanRequest request)
    {
        var errors = PlanRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The plan request is invalid: " + string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")),
                nameof(request));
        }

        var seed = StableSeed.For(request);
        var energy = EnergyCalculator.Calculate(request);
        var macros = MacroTargets.For(request, energy);
        var workout = WorkoutProgrammer.Build(request, seed);
        var diet = MealPlanner.Build(request, energy, macros, seed);
        return new FitnessPlan(Name(request, workout), energy, workout, diet);
    }

    private static string Name(PlanRequest request, WorkoutPlan workout)
    {
        var goal = request.Goal switch
        {
            FitnessGoal.LoseWeight => "Weight-loss",
            FitnessGoal.BuildMuscle => "Muscle-building",
            FitnessGoal.GeneralFitness => "General fitness",
            FitnessGoal.Endurance => "Endurance",
            _ => request.Goal.ToString(),
        };
        var days = workout.Days.Count == 1 ? "1 day" : $"{workout.Days.Count} days";
        return $"{goal} plan: {workout.Split.ToLowerInvariant()}, {days} a week ({request.Level.ToString().ToLowerInvariant()})";
    }
}
