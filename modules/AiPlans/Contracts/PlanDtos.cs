namespace Derrimut.AiPlans.Contracts;

/// <summary>One stored plan as members, trainers and the API see it.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="MemberId">The member it is for.</param>
/// <param name="MemberName">The member's display name.</param>
/// <param name="Number">1 for the member's first plan at this gym, then 2, 3… (never reused).</param>
/// <param name="IsActive">True for the one plan the member follows now; false once superseded.</param>
/// <param name="Name">The plan's title.</param>
/// <param name="Energy">BMR, TDEE and the daily target, with the working.</param>
/// <param name="WorkoutPlan">The weekly schedule and each day's exercises.</param>
/// <param name="DietPlan">Daily calories, macros and meals.</param>
/// <param name="Input">The member's answers the plan was made for.</param>
/// <param name="Generator">What made it: <c>rule-based</c>, <c>azure-openai</c>, <c>azure-openai-repaired</c> or <c>trainer</c>.</param>
/// <param name="GeneratorReason">Why the rule-based generator made it (AI not configured, failed validation…); null otherwise.</param>
/// <param name="Source">Where it came from: <c>form</c>, <c>voice</c>, <c>trainer-edit</c> or <c>seed</c>.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="SupersededAt">When a newer plan replaced it (UTC), for history.</param>
/// <param name="Review">Who reviewed it, when a trainer has.</param>
public sealed record PlanDto(
    Guid Id,
    Guid MemberId,
    string MemberName,
    int Number,
    bool IsActive,
    string Name,
    EnergyDto Energy,
    WorkoutPlanDto WorkoutPlan,
    DietPlanDto DietPlan,
    PlanInputDto Input,
    PlanGenerator Generator,
    string? GeneratorReason,
    PlanSource Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SupersededAt,
    PlanReviewDto? Review,
    long Version);

/// <summary>A trainer's review of a plan: "reviewed by {TrainerName}".</summary>
public sealed record PlanReviewDto(Guid TrainerId, string TrainerName, DateTimeOffset ReviewedAt, bool Edited);

/// <summary>Energy in whole kcal a day; <see cref="Method"/> shows the arithmetic.</summary>
public sealed record EnergyDto(int Bmr, int Tdee, int TargetCalories, string Method);

/// <summary>The week's training.</summary>
public sealed record WorkoutPlanDto(string Split, IReadOnlyList<string> Schedule, IReadOnlyList<WorkoutDayDto> Days, IReadOnlyList<string> Notes);

/// <summary>One training day.</summary>
public sealed record WorkoutDayDto(string Day, string Focus, IReadOnlyList<PlannedExerciseDto> Exercises);

/// <summary>One exercise: sets with reps, or a duration; rest between sets.</summary>
public sealed record PlannedExerciseDto(string? ExerciseId, string Name, int Sets, int? Reps, int? DurationSeconds, int RestSeconds, string Notes);

/// <summary>The day's eating.</summary>
public sealed record DietPlanDto(int DailyCalories, MacrosDto Macros, IReadOnlyList<MealDto> Meals, IReadOnlyList<string> Notes);

/// <summary>Grams a day.</summary>
public sealed record MacrosDto(int ProteinG, int CarbsG, int FatG);

/// <summary>One meal.</summary>
public sealed record MealDto(string Name, IReadOnlyList<MealFoodDto> Foods);

/// <summary>One food in a meal.</summary>
public sealed record MealFoodDto(string? FoodId, string Name, string Portion, int Calories, decimal ProteinG);

/// <summary>The member's answers as stored with the plan (camelCase enum names, e.g. <c>loseWeight</c>).</summary>
public sealed record PlanInputDto(
    int Age,
    PlanSex Sex,
    decimal HeightCm,
    decimal WeightKg,
    IReadOnlyList<string> Injuries,
    string? OtherLimitations,
    int? WorkoutDays,
    IReadOnlyList<string> WorkoutWeekdays,
    PlanGoal Goal,
    PlanLevel Level,
    PlanActivityLevel ActivityLevel,
    IReadOnlyList<string> DietaryRestrictions,
    IReadOnlyList<string> Allergies);

/// <summary>A member's plans at this gym: the active one and the history (newest first, the active one included).</summary>
public sealed record MyPlansDto(PlanDto? Active, IReadOnlyList<PlanSummaryDto> History);

/// <summary>A plan in a list.</summary>
public sealed record PlanSummaryDto(
    Guid Id,
    Guid MemberId,
    string MemberName,
    int Number,
    bool IsActive,
    string Name,
    int TargetCalories,
    int TrainingDays,
    PlanGenerator Generator,
    PlanSource Source,
    DateTimeOffset CreatedAt,
    string? ReviewedBy);
