namespace Derrimut.AiPlans.Domain.Input;

/// <summary>
/// Checks a <see cref="PlanRequest"/> against realistic human ranges before any energy is calculated, so that a
/// mistyped height (20 cm) or age (7) is reported against its field rather than producing a nonsense plan.
/// </summary>
internal static class PlanRequestValidator
{
    // Derrimut admits members from 14 (with a guardian's consent); 100 is a generous upper bound. Mifflin-St Jeor
    // was derived from adults aged 19–78, so for teenagers the plan says its energy figure is an estimate.
    public const int MinAge = 14;
    public const int MaxAge = 100;

    // Outside these the equations, and the member's answer, are almost certainly wrong (unit mix-ups, typos).
    public const decimal MinHeightCm = 100m;
    public const decimal MaxHeightCm = 250m;
    public const decimal MinWeightKg = 30m;
    public const decimal MaxWeightKg = 300m;

    public const int MaxOtherLimitationsLength = 500;

    public static IReadOnlyDictionary<string, string[]> Validate(PlanRequest request)
    {
        var errors = new FieldErrors();
        CheckAge(request.Age, errors);
        CheckDefined(request.Sex, PlanRequestFields.Sex, errors);
        CheckHeight(request.HeightCm, errors);
        CheckWeight(request.WeightKg, errors);
        CheckAllDefined(request.Injuries, PlanRequestFields.Injuries, errors);
        CheckOtherLimitations(request.OtherLimitations, errors);
        CheckWorkoutDays(request.WorkoutDays, request.WorkoutWeekdays, errors);
        CheckDefined(request.Goal, PlanRequestFields.Goal, errors);
        CheckDefined(request.Level, PlanRequestFields.Level, errors);
        CheckDefined(request.ActivityLevel, PlanRequestFields.ActivityLevel, errors);
        CheckAllDefined(request.DietaryRestrictions, PlanRequestFields.DietaryRestrictions, errors);
        CheckAllDefined(request.Allergies, PlanRequestFields.Allergies, errors);
        return errors.ToDictionary();
    }

    public static void CheckAge(int age, FieldErrors errors)
    {
        if (age is < MinAge or > MaxAge)
        {
            errors.Add(PlanRequestFields.Age, $"Age must be between {MinAge} and {MaxAge} years; got {age}.");
        }
    }

    public static void CheckHeight(decimal heightCm, FieldErrors errors)
    {
        if (heightCm is < MinHeightCm or > MaxHeightCm)
        {
            errors.Add(
                PlanRequestFields.HeightCm,
                $"Height must be between {MinHeightCm:0} and {MaxHeightCm:0} cm; got {Format(heightCm)} cm.");
        }
    }

    public static void CheckWeight(decimal weightKg, FieldErrors errors)
    {
        if (weightKg is < MinWeightKg or > MaxWeightKg)
        {
            errors.Add(
                PlanRequestFields.WeightKg,
                $"Weight must be between {MinWeightKg:0} and {MaxWeightKg:0} kg; got {Format(weightKg)} kg.");
        }
    }

    public static void CheckOtherLimitations(string? otherLimitations, FieldErrors errors)
    {
        if (otherLimitations is { Length: > MaxOtherLimitationsLength })
        {
            errors.Add(
                PlanRequestFields.OtherLimitations,
                $"Other limitations must be at most {MaxOtherLimitationsLength} characters.");
        }
    }

    public static void CheckWorkoutDays(int? workoutDays, IReadOnlyList<DayOfWeek> weekdays, FieldErrors errors)
    {
        if (weekdays.Any(day => !Enum.IsDefined(day)))
        {
            errors.Add(PlanRequestFields.WorkoutWeekdays, "Workout weekdays must be days of the week (Monday to Sunday).");
            return;
        }

        var distinctWeekdays = weekdays.Distinct().Count();
        if (workoutDays is null && distinctWeekdays == 0)
        {
            errors.Add(
                PlanRequestFields.WorkoutDays,
                "Workout days are required: a number of days per week (1–7) or the specific weekdays.");
            return;
        }

        if (workoutDays is { } count and (< 1 or > 7))
        {
            errors.Add(PlanRequestFields.WorkoutDays, $"Workout days must be between 1 and 7 per week; got {count}.");
            return;
        }

        if (workoutDays is { } requested && distinctWeekdays > 0 && requested != distinctWeekdays)
        {
            errors.Add(
                PlanRequestFields.WorkoutDays,
                $"Workout days ({requested}) does not match the {distinctWeekdays} weekdays given.");
        }
    }

    public static void CheckDefined<TEnum>(TEnum value, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"'{value}' is not a valid value; use one of: {string.Join(", ", Names<TEnum>())}.");
        }
    }

    public static void CheckAllDefined<TEnum>(IReadOnlyList<TEnum> values, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        foreach (var value in values)
        {
            CheckDefined(value, field, errors);
        }
    }

    /// <summary>The camelCase JSON names of an enum's values, as the API accepts them.</summary>
    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(name => JsonNamingPolicy.CamelCase.ConvertName(name));

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
