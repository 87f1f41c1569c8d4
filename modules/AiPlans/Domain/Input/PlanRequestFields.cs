namespace Derrimut.AiPlans.Domain.Input;

/// <summary>The camelCase JSON names of <see cref="PlanRequest"/>'s fields; validation errors are keyed by these.</summary>
internal static class PlanRequestFields
{
    public const string Age = "age";
    public const string Sex = "sex";
    public const string HeightCm = "heightCm";
    public const string WeightKg = "weightKg";
    public const string Injuries = "injuries";
    public const string OtherLimitations = "otherLimitations";
    public const string WorkoutDays = "workoutDays";
    public const string WorkoutWeekdays = "workoutWeekdays";
    public const string Goal = "goal";
    public const string Level = "level";
    public const string ActivityLevel = "activityLevel";
    public const string DietaryRestrictions = "dietaryRestrictions";
    public const string Allergies = "allergies";
}
