using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Tests;

public sealed class EnergyCalculatorShould
{
    // Hand-computed:
    // man 80 kg 180 cm 30 y: 800 + 1125 − 150 + 5 = 1780; ×1.55 = 2759; −20% = 2207.2 → 2207
    // woman 60 kg 165 cm 25 y: 600 + 1031.25 − 125 − 161 = 1345.25 → 1345; ×1.375 = 1849.375 → 1849; +10% = 2033.9 → 2034
    // man 95 kg 192 cm 19 y: 950 + 1200 − 95 + 5 = 2060; ×1.9 = 3914; endurance = maintenance
    // man 70 kg 175 cm 45 y: 700 + 1093.75 − 225 + 5 = 1573.75 → 1574; ×1.725 = 2715.15 → 2715; general = maintenance
    // woman 50 kg 155 cm 60 y: 500 + 968.75 − 300 − 161 = 1007.75 → 1008; ×1.2 = 1209.6 → 1210; −20% = 968 → floor 1200
    [Theory]
    [InlineData("Male", 80, 180, 30, "Moderate", "LoseWeight", 1780, 2759, 2207)]
    [InlineData("Female", 60, 165, 25, "Light", "BuildMuscle", 1345, 1849, 2034)]
    [InlineData("Male", 95, 192, 19, "Extra", "Endurance", 2060, 3914, 3914)]
    [InlineData("Male", 70, 175, 45, "Very", "GeneralFitness", 1574, 2715, 2715)]
    [InlineData("Female", 50, 155, 60, "Sedentary", "LoseWeight", 1008, 1210, 1200)]
    public void MatchHandComputedMifflinStJeorWorking(
        string sex, int weightKg, int heightCm, int age, string activity, string goal, int bmr, int tdee, int target)
    {
        var request = PlanRequestBuilder.Valid() with
        {
            Sex = Enum.Parse<Sex>(sex),
            WeightKg = weightKg,
            HeightCm = heightCm,
            Age = age,
            ActivityLevel = Enum.Parse<ActivityLevel>(activity),
            Goal = Enum.Parse<FitnessGoal>(goal),
        };

        var energy = EnergyCalculator.Calculate(request);

        energy.Bmr.ShouldBe(bmr);
        energy.Tdee.ShouldBe(tdee);
        energy.TargetCalories.ShouldBe(target);
    }

    [Fact]
    public void EqualTheEquationsAcrossEveryBodyActivityAndGoal()
    {
        double[] factors = [1.2, 1.375, 1.55, 1.725, 1.9];
        foreach (var body in PlanGrid.Bodies)
        {
            foreach (var activity in Enum.GetValues<ActivityLevel>())
            {
                foreach (var goal in Enum.GetValues<FitnessGoal>())
                {
                    var request = PlanRequestBuilder.Valid() with
                    {
                        Sex = body.Sex, Age = body.Age, HeightCm = body.HeightCm, WeightKg = body.WeightKg, ActivityLevel = activity, Goal = goal,
                    };
                    var s = body.Sex == Sex.Male ? 5 : -161;
                    var expectedBmr = (int)Math.Round((10 * (double)body.WeightKg) + (6.25 * (double)body.HeightCm) - (5 * body.Age) + s, MidpointRounding.AwayFromZero);
                    var expectedTdee = (int)Math.Round(expectedBmr * factors[(int)activity], MidpointRounding.AwayFromZero);

                    var energy = EnergyCalculator.Calculate(request);

                    energy.Bmr.ShouldBe(expectedBmr);
                    energy.Tdee.ShouldBe(expectedTdee);
                }
            }
        }
    }

    [Fact]
    public void ShowTheWorkingInTheMethod()
    {
        var energy = EnergyCalculator.Calculate(PlanRequestBuilder.Valid() with { Goal = FitnessGoal.LoseWeight });

        energy.Method.ShouldBe(
            "Mifflin-St Jeor BMR (male) = 10 × 80 kg + 6.25 × 180 cm − 5 × 30 y + 5 = 1780 kcal; "
            + "TDEE = 1780 × 1.55 (moderately active) = 2759 kcal; target = 2759 − 20% (lose weight) = 2207 kcal. "
            + "Each step rounded to the nearest whole kcal.");
    }

    [Fact]
    public void UseTheFemaleConstantAndExplainTheSafeFloor()
    {
        var energy = EnergyCalculator.Calculate(PlanRequestBuilder.Valid() with
        {
            Sex = Sex.Female, WeightKg = 50, HeightCm = 155, Age = 60, ActivityLevel = ActivityLevel.Sedentary, Goal = FitnessGoal.LoseWeight,
        });

        energy.Method.ShouldContain("− 161 = 1008 kcal");
        energy.Method.ShouldContain("raised to the safe floor of 1200 kcal");
    }

    [Fact]
    public void NeverSetAWeightLossTargetAboveMaintenance()
    {
        // 150 cm, 40 kg, 80 y woman: BMR 400 + 937.5 − 400 − 161 = 776.5 → 777; TDEE ×1.2 = 932.4 → 932 (< 1200 floor).
        var energy = EnergyCalculator.Calculate(PlanRequestBuilder.Valid() with
        {
            Sex = Sex.Female, WeightKg = 40, HeightCm = 150, Age = 80, ActivityLevel = ActivityLevel.Sedentary, Goal = FitnessGoal.LoseWeight,
        });

        energy.TargetCalories.ShouldBe(energy.Tdee);
        energy.Tdee.ShouldBe(932);
    }

    [Fact]
    public void CallTeenageEstimatesAnEstimate()
    {
        EnergyCalculator.Calculate(PlanRequestBuilder.Valid() with { Age = 15 }).Method.ShouldContain("estimate");
        EnergyCalculator.Calculate(PlanRequestBuilder.Valid()).Method.ShouldNotContain("estimate");
    }
}
