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
}
