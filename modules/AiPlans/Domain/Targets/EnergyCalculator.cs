using Derrimut.AiPlans.Domain.Input;

namespace Derrimut.AiPlans.Domain.Targets;

/// <summary>
/// Resting energy by Mifflin-St Jeor, total daily energy by activity multiplier, and the goal's adjustment.
/// </summary>
/// <remarks>
/// Rounding: each step is rounded to the nearest whole kcal (halves away from zero) and the next step uses the
/// rounded figure, so the working in <see cref="Energy.Method"/> can be re-done by hand from the numbers shown.
/// The difference from carrying full precision is at most about 1 kcal per step.
/// </remarks>
internal static class EnergyCalculator
{
    // Goal adjustments, as a fraction of TDEE.
    // Lose weight: −20%. For a typical TDEE of 2,000–3,000 kcal this is a 400–600 kcal/day deficit, about the
    // 500 kcal/day the NIH/NHLBI obesity guidelines (1998) give for losing roughly 0.5 kg a week.
    public const decimal LoseWeightAdjustment = -0.20m;

    // Build muscle: +10%. A modest surplus (~250–400 kcal/day) in line with Slater et al. 2019 (Front Nutr,
    // "Is an energy surplus required to maximize skeletal muscle hypertrophy associated with resistance
    // training?"), which suggests a small surplus rather than a bulk limits fat gain.
    public const decimal BuildMuscleAdjustment = 0.10m;

    // Floors for a weight-loss target: never below BMR, and never below the NIH low-calorie-diet minimums of
    // 1,200 kcal (women) / 1,500 kcal (men) that are considered safe without medical supervision — unless the
    // member's TDEE is itself lower, in which case the target is maintenance (never a surplus for weight loss).
    public const int FemaleFloorKcal = 1200;
    public const int MaleFloorKcal = 1500;

    /// <summary>Activity multipliers (TDEE = BMR × factor).</summary>
    public static decimal ActivityFactor(ActivityLevel level) => level switch
    {
        ActivityLevel.Sedentary => 1.2m,
        ActivityLevel.Light => 1.375m,
        ActivityLevel.Moderate => 1.55m,
        ActivityLevel.Very => 1.725m,
        ActivityLevel.Extra => 1.9m,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown activity level."),
    };

    public static string ActivityDescription(ActivityLevel level) => level switch
    {
        ActivityLevel.Sedentary => "sedentary",
        ActivityLevel.Light => "lightly active",
        ActivityLevel.Moderate => "moderately active",
        ActivityLevel.Very => "very active",
        ActivityLevel.Extra => "extra active",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown activity level."),
    };

    /// <summary>Mifflin-St Jeor resting energy, unrounded: 10·kg + 6.25·cm − 5·age + 5 (men) or − 161 (women).</summary>
    public static decimal MifflinStJeor(Sex sex, decimal weightKg, decimal heightCm, int age) =>
        (10m * weightKg) + (6.25m * heightCm) - (5m * age) + SexConstant(sex);

    public static Energy Calculate(PlanRequest request)
    {
        var sexConstant = SexConstant(request.Sex);
        var bmr = RoundKcal(MifflinStJeor(request.Sex, request.WeightKg, request.HeightCm, request.Age));
        var factor = ActivityFactor(request.ActivityLevel);
        var tdee = RoundKcal(bmr * factor);
        var (target, targetWorking) = Target(request, bmr, tdee);

        var method = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Mifflin-St Jeor BMR ({(request.Sex == Sex.Male ? "male" : "female")}) = ")
            .Append(CultureInfo.InvariantCulture, $"10 × {Number(request.WeightKg)} kg + 6.25 × {Number(request.HeightCm)} cm − 5 × {request.Age} y ")
            .Append(sexConstant >= 0 ? $"+ {Number(sexConstant)}" : $"− {Number(-sexConstant)}")
            .Append(CultureInfo.InvariantCulture, $" = {bmr} kcal; ")
            .Append(CultureInfo.InvariantCulture, $"TDEE = {bmr} × {Number(factor)} ({ActivityDescription(request.ActivityLevel)}) = {tdee} kcal; ")
            .Append(CultureInfo.InvariantCulture, $"target = {targetWorking}. ")
            .Append("Each step rounded to the nearest whole kcal.");
        if (request.Age < 19)
        {
            method.Append(" Mifflin-St Jeor was derived from adults aged 19–78, so for a teenager this is an estimate.");
        }

        return new Energy(bmr, tdee, target, method.ToString());
    }

    private static (int Target, string Working) Target(PlanRequest request, int bmr, int tdee)
    {
        switch (request.Goal)
        {
            case FitnessGoal.LoseWeight:
                var deficitTarget = RoundKcal(tdee * (1m + LoseWeightAdjustment));
                var floor = Math.Min(tdee, Math.Max(bmr, request.Sex == Sex.Male ? MaleFloorKcal : FemaleFloorKcal));
                var working = $"{tdee} − 20% (lose weight) = {deficitTarget} kcal";
                return deficitTarget >= floor
                    ? (deficitTarget, working)
                    : (floor, $"{working}, raised to the safe floor of {floor} kcal (never below BMR, nor below "
                        + $"{(request.Sex == Sex.Male ? MaleFloorKcal : FemaleFloorKcal)} kcal without medical supervision, nor above TDEE)");
            case FitnessGoal.BuildMuscle:
                var surplusTarget = RoundKcal(tdee * (1m + BuildMuscleAdjustment));
                return (surplusTarget, $"{tdee} + 10% (build muscle) = {surplusTarget} kcal");
            case FitnessGoal.GeneralFitness:
                return (tdee, $"{tdee} kcal (general fitness: maintenance)");
            case FitnessGoal.Endurance:
                return (tdee, $"{tdee} kcal (endurance: maintenance, to fuel training)");
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Goal, "Unknown goal.");
        }
    }

    private static decimal SexConstant(Sex sex) => sex switch
    {
        Sex.Male => 5m,
        Sex.Female => -161m,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex."),
    };

    private static int RoundKcal(decimal kcal) => (int)Math.Round(kcal, 0, MidpointRounding.AwayFromZero);

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
