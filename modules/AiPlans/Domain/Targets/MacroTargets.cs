using Derrimut.AiPlans.Domain.Input;

namespace Derrimut.AiPlans.Domain.Targets;

/// <summary>Daily macronutrient targets in grams, derived from the energy target and body weight.</summary>
internal sealed record MacroTargets(int ProteinG, int CarbsG, int FatG, decimal ProteinGPerKg, string Method)
{
    // Protein by goal, within the ISSN position stand's 1.4–2.0 g/kg/day for exercising people (Jäger et al.
    // 2017, JISSN 14:20):
    // - lose weight 2.0: the top of the range, because higher intakes protect lean mass in an energy deficit;
    // - build muscle 1.8: above the ~1.6 g/kg where Morton et al. (BJSM 2018) found no further gain, still inside
    //   that meta-analysis' upper confidence bound (~2.2);
    // - general fitness and endurance 1.4: the bottom of the ISSN range, enough for recreational training.
    public static decimal ProteinPerKg(FitnessGoal goal) => goal switch
    {
        FitnessGoal.LoseWeight => 2.0m,
        FitnessGoal.BuildMuscle => 1.8m,
        FitnessGoal.GeneralFitness => 1.4m,
        FitnessGoal.Endurance => 1.4m,
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Unknown goal."),
    };

    // Protein is kept within 10–35% of energy, the acceptable macronutrient distribution range (US IOM 2005):
    // at very high body weights g/kg on total mass would otherwise crowd out carbohydrate, and for a light
    // endurance athlete eating a lot, 1.4 g/kg can fall below 10% — less than ordinary food provides.
    public const decimal MinProteinEnergyShare = 0.10m;
    public const decimal MaxProteinEnergyShare = 0.35m;

    // Fat at 30% of energy: inside the 20–35% AMDR in the Australian/NZ Nutrient Reference Values (NHMRC 2006).
    public const decimal FatEnergyShare = 0.30m;

    public static MacroTargets For(PlanRequest request, Energy energy)
    {
        var perKg = ProteinPerKg(request.Goal);
        var byWeight = perKg * request.WeightKg;
        var floor = MinProteinEnergyShare * energy.TargetCalories / 4m;
        var cap = MaxProteinEnergyShare * energy.TargetCalories / 4m;
        var protein = (int)Math.Round(Math.Clamp(byWeight, floor, cap), 0, MidpointRounding.AwayFromZero);
        var fat = (int)Math.Round(FatEnergyShare * energy.TargetCalories / 9m, 0, MidpointRounding.AwayFromZero);
        var carbs = Math.Max(0, (int)Math.Round((energy.TargetCalories - (protein * 4m) - (fat * 9m)) / 4m, 0, MidpointRounding.AwayFromZero));

        var perKgText = perKg.ToString("0.0", CultureInfo.InvariantCulture);
        var method = byWeight > cap
            ? $"Protein {perKgText} g/kg would exceed 35% of energy, so capped at {protein} g"
            : byWeight < floor
                ? $"Protein {perKgText} g/kg would be under 10% of energy, so raised to {protein} g"
                : $"Protein {perKgText} g/kg × {request.WeightKg.ToString("0.##", CultureInfo.InvariantCulture)} kg = {protein} g (ISSN 1.4–2.0 g/kg/day)";
        method += $"; fat 30% of energy = {fat} g; carbohydrate the remainder = {carbs} g.";
        return new MacroTargets(protein, carbs, fat, perKg, method);
    }
}
