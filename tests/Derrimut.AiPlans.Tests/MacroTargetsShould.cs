using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Tests;

public sealed class MacroTargetsShould
{
    [Theory]
    [InlineData("LoseWeight", 160)]
    [InlineData("BuildMuscle", 144)]
    [InlineData("GeneralFitness", 112)]
    [InlineData("Endurance", 112)]
    public void SetProteinByGoalWithinTheIssnRange(string goal, int proteinG)
    {
        var request = PlanRequestBuilder.Valid() with { Goal = Enum.Parse<FitnessGoal>(goal) };

        var macros = MacroTargets.For(request, EnergyCalculator.Calculate(request));

        macros.ProteinG.ShouldBe(proteinG);
        macros.ProteinGPerKg.ShouldBeInRange(1.4m, 2.0m);
    }

    [Fact]
    public void CapProteinAtAThirdOfEnergyForVeryHeavyMembers()
    {
        var request = PlanRequestBuilder.Valid() with { WeightKg = 250, Goal = FitnessGoal.LoseWeight, ActivityLevel = ActivityLevel.Sedentary };
        var energy = EnergyCalculator.Calculate(request);

        var macros = MacroTargets.For(request, energy);

        (macros.ProteinG * 4m).ShouldBeLessThanOrEqualTo((0.35m * energy.TargetCalories) + 2m);
        macros.Method.ShouldContain("capped");
    }

    [Fact]
    public void SplitTheRestOfTheEnergyIntoThirtyPercentFatAndCarbohydrate()
    {
        var request = PlanRequestBuilder.Valid();
        var energy = EnergyCalculator.Calculate(request);

        var macros = MacroTargets.For(request, energy);

        var total = (macros.ProteinG * 4) + (macros.CarbsG * 4) + (macros.FatG * 9);
        total.ShouldBeInRange(energy.TargetCalories - 10, energy.TargetCalories + 10);
        (macros.FatG * 9m / energy.TargetCalories).ShouldBeInRange(0.29m, 0.31m);
    }
}
