using System.Text.Json.Serialization;

namespace Derrimut.AiPlans.Domain.Input;

/// <summary>
/// What a member tells us (by form or by voice) before a plan is generated. Collections are treated as
/// sets: order and duplicates do not change the plan.
/// </summary>
internal sealed record PlanRequest
{
    public required int Age { get; init; }

    public required Sex Sex { get; init; }

    public required decimal HeightCm { get; init; }

    public required decimal WeightKg { get; init; }

    public IReadOnlyList<InjuryKind> Injuries { get; init; } = [];

    /// <summary>Limitations we could not map to a known injury kind; carried into the plan's notes.</summary>
    public string? OtherLimitations { get; init; }

    /// <summary>Training days per week (1–7). Optional when <see cref="WorkoutWeekdays"/> is given.</summary>
    public int? WorkoutDays { get; init; }

    /// <summary>Specific weekdays the member wants to train; empty when only a count was given.</summary>
    public IReadOnlyList<DayOfWeek> WorkoutWeekdays { get; init; } = [];

    public required FitnessGoal Goal { get; init; }

    public required FitnessLevel Level { get; init; }

    public required ActivityLevel ActivityLevel { get; init; }

    public IReadOnlyList<DietaryRestriction> DietaryRestrictions { get; init; } = [];

    public IReadOnlyList<Allergen> Allergies { get; init; } = [];

    /// <summary>Distinct injuries in enum order, so that equal sets give equal plans.</summary>
    [JsonIgnore]
    public IReadOnlyList<InjuryKind> DistinctInjuries => [.. Injuries.Distinct().Order()];

    [JsonIgnore]
    public IReadOnlyList<DietaryRestriction> DistinctRestrictions => [.. DietaryRestrictions.Distinct().Order()];

    [JsonIgnore]
    public IReadOnlyList<Allergen> DistinctAllergies => [.. Allergies.Distinct().Order()];
}

internal enum Sex
{
    Male,
    Female,
}

internal enum FitnessGoal
{
    LoseWeight,
    BuildMuscle,
    GeneralFitness,
    Endurance,
}

internal enum FitnessLevel
{
    Beginner,
    Intermediate,
    Advanced,
}

/// <summary>The five activity levels of the Mifflin-St Jeor / Harris-Benedict multiplier table.</summary>
internal enum ActivityLevel
{
    Sedentary,
    Light,
    Moderate,
    Very,
    Extra,
}

internal enum InjuryKind
{
    LowerBack,
    Knee,
    Shoulder,
    Wrist,
    Ankle,
    Neck,
    Hip,
}

internal enum DietaryRestriction
{
    Vegetarian,
    Vegan,
    Pescatarian,
    Halal,
    GlutenFree,
    DairyFree,
}

/// <summary>
/// Food allergies. The list follows the allergens FSANZ requires on Australian labels (Food Standards Code
/// 1.2.3: peanut, tree nuts, egg, milk, sesame, fish, crustacea/molluscs, soy, wheat/gluten, lupin).
/// </summary>
internal enum Allergen
{
    /// <summary>Tree nuts. Treated conservatively as also excluding peanuts: a member who says "nuts" by voice rarely distinguishes the two.</summary>
    Nuts,
    Peanuts,
    Shellfish,
    Fish,
    Eggs,
    Soy,
    Gluten,
    Dairy,
    Sesame,
    Lupin,
}
