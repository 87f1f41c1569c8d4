using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;

namespace Derrimut.AiPlans.Tests;

/// <summary>Test data: a valid request for an 80 kg, 180 cm, 30-year-old man, changed with <c>with</c>.</summary>
internal static class PlanRequestBuilder
{
    public static PlanRequest Valid() => new()
    {
        Age = 30,
        Sex = Sex.Male,
        HeightCm = 180m,
        WeightKg = 80m,
        WorkoutDays = 3,
        Goal = FitnessGoal.GeneralFitness,
        Level = FitnessLevel.Intermediate,
        ActivityLevel = ActivityLevel.Moderate,
    };

    public static FitnessPlan Plan(PlanRequest request) => RuleBasedPlanGenerator.Generate(request);
}

/// <summary>The input grid the generator is tested across.</summary>
internal static class PlanGrid
{
    public static readonly IReadOnlyList<InjuryKind[]> InjurySets =
    [
        [],
        [InjuryKind.Knee],
        [InjuryKind.LowerBack, InjuryKind.Shoulder],
        [InjuryKind.Wrist, InjuryKind.Ankle, InjuryKind.Neck],
        Enum.GetValues<InjuryKind>(),
    ];

    public static readonly IReadOnlyList<(DietaryRestriction[] Restrictions, Allergen[] Allergies)> DietSets =
    [
        ([], []),
        ([DietaryRestriction.Vegetarian], []),
        ([DietaryRestriction.Vegan], [Allergen.Nuts]),
        ([DietaryRestriction.Halal, DietaryRestriction.DairyFree], [Allergen.Shellfish]),
        ([DietaryRestriction.GlutenFree], [Allergen.Fish, Allergen.Eggs]),
        ([DietaryRestriction.Pescatarian], [Allergen.Dairy, Allergen.Sesame]),
        ([DietaryRestriction.Vegan], [Allergen.Soy, Allergen.Gluten, Allergen.Sesame, Allergen.Peanuts, Allergen.Nuts]),
    ];

    /// <summary>Bodies from a small older woman to a tall, very active young man, so energy targets range widely.</summary>
    public static readonly IReadOnlyList<(Sex Sex, int Age, decimal HeightCm, decimal WeightKg, ActivityLevel Activity)> Bodies =
    [
        (Sex.Male, 30, 180m, 80m, ActivityLevel.Moderate),
        (Sex.Female, 25, 165m, 60m, ActivityLevel.Light),
        (Sex.Male, 55, 172m, 105m, ActivityLevel.Sedentary),
        (Sex.Female, 68, 155m, 52m, ActivityLevel.Sedentary),
        (Sex.Male, 19, 192m, 95m, ActivityLevel.Extra),
        (Sex.Female, 40, 170m, 85m, ActivityLevel.Very),
        (Sex.Male, 15, 160m, 50m, ActivityLevel.Moderate),
    ];

    public static IEnumerable<PlanRequest> For(FitnessGoal goal)
    {
        var index = 0;
        foreach (var level in Enum.GetValues<FitnessLevel>())
        {
            for (var days = 2; days <= 6; days++)
            {
                foreach (var injuries in InjurySets)
                {
                    foreach (var (restrictions, allergies) in DietSets)
                    {
                        var body = Bodies[index++ % Bodies.Count];
                        yield return new PlanRequest
                        {
                            Age = body.Age,
                            Sex = body.Sex,
                            HeightCm = body.HeightCm,
                            WeightKg = body.WeightKg,
                            ActivityLevel = body.Activity,
                            Goal = goal,
                            Level = level,
                            WorkoutDays = days,
                            Injuries = injuries,
                            DietaryRestrictions = restrictions,
                            Allergies = allergies,
                        };
                    }
                }
            }
        }
    }

    public static string Describe(PlanRequest request) =>
        $"{request.Goal}/{request.Level}/{TrainingWeek.DayCount(request)}d/{request.Sex} {request.Age}y {request.HeightCm}cm {request.WeightKg}kg {request.ActivityLevel}"
        + $"/injuries [{string.Join(",", request.Injuries)}]/diet [{string.Join(",", request.DietaryRestrictions)}]/allergies [{string.Join(",", request.Allergies)}]";
}
