using Derrimut.AiPlans.Domain.Exercises;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Nutrition;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Domain.Validation;

/// <summary>
/// Checks any plan — rule-based or from an LLM — against the member's facts: training days, injuries, dietary
/// restrictions and allergies, energy and protein targets, and sane training volume. Exercises and foods are
/// checked by library identity when they carry an id and always by name keywords, so a free-text "Barbell back
/// squat" is caught for a knee injury and "bacon" for a halal diet.
/// </summary>
internal static class PlanValidator
{
    public const decimal DailyCaloriesTolerance = 0.10m;
    public const decimal MealTotalTolerance = 0.10m;
    public const decimal MacroEnergyTolerance = 0.15m;
    public const decimal ProteinTolerance = 0.20m;
    public const int MinSets = 1;
    public const int MaxSets = 10;
    public const int MinReps = 1;
    public const int MaxReps = 30;
    public const int MinDurationSeconds = 5;
    public const int MaxDurationSeconds = 7200;
    public const int MinRestSeconds = 0;
    public const int MaxRestSeconds = 600;
    public const int MaxExercisesPerDay = 15;

    private static readonly string[] WeekdayNames = [.. TrainingWeek.MondayFirst.Select(day => day.ToString())];

    public static IReadOnlyList<PlanError> Validate(FitnessPlan plan, PlanRequest request)
    {
        var errors = new List<PlanError>();
        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            errors.Add(new("name", "The plan needs a short descriptive name."));
        }

        var energy = EnergyCalculator.Calculate(request);
        if (plan.Energy.Bmr != energy.Bmr || plan.Energy.Tdee != energy.Tdee || plan.Energy.TargetCalories != energy.TargetCalories)
        {
            errors.Add(new(
                "energy",
                $"Energy must be the calculated figures (BMR {energy.Bmr}, TDEE {energy.Tdee}, target {energy.TargetCalories} kcal); "
                + $"the plan has BMR {plan.Energy.Bmr}, TDEE {plan.Energy.Tdee}, target {plan.Energy.TargetCalories}."));
        }

        ValidateWorkout(plan.WorkoutPlan, request, errors);
        ValidateDiet(plan.DietPlan, request, energy, MacroTargets.For(request, energy), errors);
        return errors;
    }

    private static void ValidateWorkout(WorkoutPlan workout, PlanRequest request, List<PlanError> errors)
    {
        var requestedCount = TrainingWeek.DayCount(request);
        var requestedDays = request.WorkoutWeekdays.Count > 0 ? TrainingWeek.DaysFor(request) : [];
        if (workout.Days.Count != requestedCount)
        {
            errors.Add(new(
                "workoutPlan.days",
                $"The member trains {requestedCount} day(s) a week{OnDays(requestedDays)}, but the plan has {workout.Days.Count} day(s). "
                + $"Return exactly {requestedCount} training day(s)."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var dayIndex = 0; dayIndex < workout.Days.Count; dayIndex++)
        {
            var day = workout.Days[dayIndex];
            var dayPath = $"workoutPlan.days[{dayIndex}]";
            var weekday = WeekdayNames.FirstOrDefault(name => string.Equals(name, day.Day?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (weekday is null)
            {
                errors.Add(new($"{dayPath}.day", $"'{day.Day}' is not a weekday; use one of {string.Join(", ", WeekdayNames)}."));
            }
            else if (!seen.Add(weekday))
            {
                errors.Add(new($"{dayPath}.day", $"{weekday} appears more than once; each training day must be a different weekday."));
            }
            else if (requestedDays.Count > 0 && !requestedDays.Any(requested => requested.ToString() == weekday))
            {
                errors.Add(new($"{dayPath}.day", $"The member trains only{OnDays(requestedDays)}; {weekday} is not one of those days."));
            }

            if (string.IsNullOrWhiteSpace(day.Focus))
            {
                errors.Add(new($"{dayPath}.focus", "Describe the session's focus, e.g. \"Upper body\"."));
            }

            if (day.Exercises.Count is 0 or > MaxExercisesPerDay)
            {
                errors.Add(new($"{dayPath}.exercises", $"A training day needs between 1 and {MaxExercisesPerDay} exercises; {weekday ?? day.Day} has {day.Exercises.Count}."));
            }

            for (var exerciseIndex = 0; exerciseIndex < day.Exercises.Count; exerciseIndex++)
            {
                ValidateExercise(day.Exercises[exerciseIndex], $"{dayPath}.exercises[{exerciseIndex}]", request, errors);
            }
        }

        var dayNames = workout.Days.Select(day => day.Day?.Trim() ?? string.Empty).ToList();
        if (!workout.Schedule.Select(day => day?.Trim() ?? string.Empty).SequenceEqual(dayNames, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new(
                "workoutPlan.schedule",
                $"The schedule must list the training days in the same order as workoutPlan.days ({string.Join(", ", dayNames)}); it has [{string.Join(", ", workout.Schedule)}]."));
        }
    }

    private static void ValidateExercise(PlannedExercise exercise, string path, PlanRequest request, List<PlanError> errors)
    {
        if (string.IsNullOrWhiteSpace(exercise.Name))
        {
            errors.Add(new($"{path}.name", "Every exercise needs a name."));
        }

        var known = ExerciseLibrary.Find(exercise.ExerciseId);
        if (exercise.ExerciseId is not null && known is null)
        {
            errors.Add(new($"{path}.exerciseId", $"'{exercise.ExerciseId}' is not an exercise library id; use an id from the library or null."));
        }

        var movements = new HashSet<Movement>(MovementKeywords.Infer(exercise.Name ?? string.Empty));
        if (known is not null)
        {
            movements.UnionWith(known.Movements);
        }

        if (InjuryRules.FirstConflict(movements, request.DistinctInjuries) is { } conflict)
        {
            var alternatives = SafeAlternatives(known, conflict.Rule, request);
            errors.Add(new(
                path,
                $"'{exercise.Name}' is contra-indicated for the member's {conflict.Rule.Description} injury: it involves "
                + $"{InjuryRules.Describe(conflict.Movement)}. Replace it with a safe alternative"
                + (alternatives.Count > 0 ? $" such as {string.Join(", ", alternatives)}." : ".")));
        }

        if (exercise.Sets is < MinSets or > MaxSets)
        {
            errors.Add(new($"{path}.sets", $"Sets must be between {MinSets} and {MaxSets}; '{exercise.Name}' has {exercise.Sets}."));
        }

        if (exercise.Reps is null && exercise.DurationSeconds is null)
        {
            errors.Add(new($"{path}.reps", $"'{exercise.Name}' needs reps ({MinReps}–{MaxReps}) or durationSeconds."));
        }

        if (exercise.Reps is { } reps and (< MinReps or > MaxReps))
        {
            errors.Add(new($"{path}.reps", $"Reps must be between {MinReps} and {MaxReps}; '{exercise.Name}' has {reps}."));
        }

        if (exercise.DurationSeconds is { } duration and (< MinDurationSeconds or > MaxDurationSeconds))
        {
            errors.Add(new($"{path}.durationSeconds", $"Duration must be between {MinDurationSeconds} and {MaxDurationSeconds} seconds; '{exercise.Name}' has {duration}."));
        }

        if (exercise.RestSeconds is < MinRestSeconds or > MaxRestSeconds)
        {
            errors.Add(new($"{path}.restSeconds", $"Rest must be between {MinRestSeconds} and {MaxRestSeconds} seconds; '{exercise.Name}' has {exercise.RestSeconds}."));
        }
    }

    /// <summary>Like-for-like library exercises (same slot) that are safe for all the member's injuries and
    /// level, or else the injury table's own suggestions.</summary>
    private static List<string> SafeAlternatives(Exercise? known, InjuryRule rule, PlanRequest request)
    {
        var sameSlot = known is null
            ? []
            : ExerciseLibrary.SlotsOf(known).SelectMany(slot => ExerciseLibrary.Candidates[slot]);
        return
        [
            .. sameSlot.Concat(rule.SafeAlternatives)
                .Where(exercise => exercise.MinLevel <= request.Level && InjuryRules.IsSafe(exercise, request.DistinctInjuries))
                .Select(exercise => exercise.Name)
                .Distinct()
                .Take(3),
        ];
    }

    private static void ValidateDiet(DietPlan diet, PlanRequest request, Energy energy, MacroTargets macros, List<PlanError> errors)
    {
        var target = energy.TargetCalories;
        if (!Within(diet.DailyCalories, target, DailyCaloriesTolerance))
        {
            errors.Add(new(
                "dietPlan.dailyCalories",
                $"Daily calories must be within ±10% of the member's energy target of {target} kcal "
                + $"({Bound(target, -DailyCaloriesTolerance)}–{Bound(target, DailyCaloriesTolerance)}); the plan has {diet.DailyCalories}."));
        }

        if (diet.Meals.Count == 0)
        {
            errors.Add(new("dietPlan.meals", "The diet plan needs at least one meal."));
        }

        var foodCalories = 0;
        var foodProtein = 0m;
        for (var mealIndex = 0; mealIndex < diet.Meals.Count; mealIndex++)
        {
            var meal = diet.Meals[mealIndex];
            var mealPath = $"dietPlan.meals[{mealIndex}]";
            if (string.IsNullOrWhiteSpace(meal.Name))
            {
                errors.Add(new($"{mealPath}.name", "Every meal needs a name, e.g. \"Breakfast\"."));
            }

            if (meal.Foods.Count == 0)
            {
                errors.Add(new($"{mealPath}.foods", $"The meal '{meal.Name}' has no foods."));
            }

            for (var foodIndex = 0; foodIndex < meal.Foods.Count; foodIndex++)
            {
                var food = meal.Foods[foodIndex];
                ValidateFood(food, $"{mealPath}.foods[{foodIndex}]", request, errors);
                foodCalories += food.Calories;
                foodProtein += food.ProteinG;
            }
        }

        if (diet.Meals.Count > 0 && !Within(foodCalories, diet.DailyCalories, MealTotalTolerance))
        {
            errors.Add(new(
                "dietPlan.meals",
                $"The foods add up to {foodCalories} kcal but dailyCalories is {diet.DailyCalories}; adjust portions so the meals total within ±10% of the daily calories."));
        }

        if (diet.Meals.Count > 0 && !Within(foodProtein, macros.ProteinG, ProteinTolerance))
        {
            errors.Add(new(
                "dietPlan.meals",
                $"The foods provide {foodProtein:0} g of protein; the member's target is {macros.ProteinG} g "
                + $"({macros.ProteinGPerKg:0.0} g/kg). Adjust protein foods to within ±20% of the target."));
        }

        if (diet.Macros.ProteinG < 0 || diet.Macros.CarbsG < 0 || diet.Macros.FatG < 0)
        {
            errors.Add(new("dietPlan.macros", "Macros cannot be negative."));
        }
        else
        {
            var macroKcal = (diet.Macros.ProteinG * 4) + (diet.Macros.CarbsG * 4) + (diet.Macros.FatG * 9);
            if (!Within(macroKcal, diet.DailyCalories, MacroEnergyTolerance))
            {
                errors.Add(new(
                    "dietPlan.macros",
                    $"Macros give {macroKcal} kcal (4 kcal/g protein and carbohydrate, 9 kcal/g fat) but dailyCalories is {diet.DailyCalories}; they must agree within ±15%."));
            }

            if (!Within(diet.Macros.ProteinG, macros.ProteinG, ProteinTolerance))
            {
                errors.Add(new(
                    "dietPlan.macros.proteinG",
                    $"Protein must be within ±20% of the member's target of {macros.ProteinG} g; the plan has {diet.Macros.ProteinG} g."));
            }
        }
    }

    private static void ValidateFood(MealFood food, string path, PlanRequest request, List<PlanError> errors)
    {
        if (string.IsNullOrWhiteSpace(food.Name))
        {
            errors.Add(new($"{path}.name", "Every food needs a name."));
        }

        var known = FoodLibrary.Find(food.FoodId);
        if (food.FoodId is not null && known is null)
        {
            errors.Add(new($"{path}.foodId", $"'{food.FoodId}' is not a food library id; use an id from the library or null."));
        }

        var tags = new HashSet<FoodTag>(FoodKeywords.Infer(food.Name ?? string.Empty));
        if (known is not null)
        {
            tags.UnionWith(known.Tags);
        }

        if (DietaryRules.FirstConflict(tags, request) is { } conflict)
        {
            var role = known?.Role ?? GuessRole(conflict.Tag);
            var alternatives = FoodLibrary.All
                .Where(candidate => candidate.Role == role && DietaryRules.IsAllowed(candidate, request))
                .Select(candidate => candidate.Name)
                .Take(3)
                .ToList();
            errors.Add(new(
                path,
                $"'{food.Name}' {conflict.Describe()}. Replace it"
                + (alternatives.Count > 0 ? $" with something like {string.Join(", ", alternatives)}." : ".")));
        }

        if (food.Calories is < 0 or > 5000)
        {
            errors.Add(new($"{path}.calories", $"Calories for '{food.Name}' must be between 0 and 5000; got {food.Calories}."));
        }

        if (food.ProteinG < 0m || food.ProteinG * 4m > (food.Calories * 1.1m) + 5m)
        {
            errors.Add(new($"{path}.proteinG", $"Protein for '{food.Name}' ({food.ProteinG} g) is impossible for {food.Calories} kcal (protein has 4 kcal/g)."));
        }
    }

    private static FoodRole GuessRole(FoodTag tag) => tag switch
    {
        FoodTag.Gluten => FoodRole.Carb,
        FoodTag.TreeNut or FoodTag.Peanut or FoodTag.Sesame => FoodRole.Fat,
        _ => FoodRole.Protein,
    };

    private static bool Within(decimal actual, decimal target, decimal tolerance) =>
        Math.Abs(actual - target) <= tolerance * target;

    private static int Bound(int target, decimal fraction) =>
        (int)Math.Round(target * (1m + fraction), 0, MidpointRounding.AwayFromZero);

    private static string OnDays(IReadOnlyList<DayOfWeek> days) =>
        days.Count == 0 ? string.Empty : $" on {string.Join(", ", days)}";
}
