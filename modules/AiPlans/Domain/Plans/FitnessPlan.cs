using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Domain.Plans;

/// <summary>
/// A generated plan: the energy working, a weekly workout plan and a one-day diet plan. A superset of the
/// original platform's <c>fitnessPlans</c> document (schedule, per-day routines with sets and reps, daily
/// calories and meals with foods). Serialise with <see cref="PlanJson.Options"/> (camelCase).
/// </summary>
internal sealed record FitnessPlan(string Name, Energy Energy, WorkoutPlan WorkoutPlan, DietPlan DietPlan);

/// <param name="Split">The training split in words, e.g. "Upper/lower".</param>
/// <param name="Schedule">Training weekdays in order, e.g. ["Monday", "Wednesday", "Friday"].</param>
internal sealed record WorkoutPlan(
    string Split,
    IReadOnlyList<string> Schedule,
    IReadOnlyList<WorkoutDay> Days,
    IReadOnlyList<string> Notes);

/// <param name="Day">An English weekday name, e.g. "Monday".</param>
internal sealed record WorkoutDay(string Day, string Focus, IReadOnlyList<PlannedExercise> Exercises);

/// <summary>One exercise on one day. Either <see cref="Reps"/> or <see cref="DurationSeconds"/> (or both) is set.</summary>
/// <param name="ExerciseId">The exercise library id when the exercise comes from it; null for free-text exercises.</param>
internal sealed record PlannedExercise(
    string? ExerciseId,
    string Name,
    int Sets,
    int? Reps,
    int? DurationSeconds,
    int RestSeconds,
    string Notes);

/// <param name="DailyCalories">Equals the energy target, in whole kcal.</param>
internal sealed record DietPlan(int DailyCalories, Macros Macros, IReadOnlyList<Meal> Meals, IReadOnlyList<string> Notes);

/// <summary>Grams per day.</summary>
internal sealed record Macros(int ProteinG, int CarbsG, int FatG);

internal sealed record Meal(string Name, IReadOnlyList<MealFood> Foods);

/// <param name="FoodId">The food library id when the food comes from it; null for free-text foods.</param>
/// <param name="Portion">Human-readable amount, e.g. "150 g", "250 ml", "2 large eggs".</param>
internal sealed record MealFood(string? FoodId, string Name, string Portion, int Calories, decimal ProteinG);
