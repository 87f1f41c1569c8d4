using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Tests;

public sealed class ScratchShould
{
    private static readonly JsonSerializerOptions Indented = new(PlanJson.Options) { WriteIndented = true };

    [Fact]
    public void Print()
    {
        var sb = new System.Text.StringBuilder();
        var requests = new[]
        {
            PlanRequestBuilder.Valid() with { Age = 14, HeightCm = 100, WeightKg = 300, ActivityLevel = ActivityLevel.Extra, Goal = FitnessGoal.BuildMuscle },
            PlanRequestBuilder.Valid() with { Age = 100, Sex = Sex.Female, HeightCm = 100, WeightKg = 30, ActivityLevel = ActivityLevel.Sedentary, Goal = FitnessGoal.Endurance },
            PlanRequestBuilder.Valid() with { Age = 20, HeightCm = 250, WeightKg = 300, ActivityLevel = ActivityLevel.Extra, Goal = FitnessGoal.BuildMuscle, DietaryRestrictions = [DietaryRestriction.Vegan], Allergies = [Allergen.Soy, Allergen.Gluten] },
            PlanRequestBuilder.Valid() with { Age = 20, HeightCm = 190, WeightKg = 50, ActivityLevel = ActivityLevel.Extra, Goal = FitnessGoal.Endurance },
            PlanRequestBuilder.Valid() with { Sex = Sex.Female, Age = 25, HeightCm = 165, WeightKg = 60, ActivityLevel = ActivityLevel.Light, Goal = FitnessGoal.LoseWeight, DietaryRestrictions = [DietaryRestriction.Vegetarian] },
            PlanRequestBuilder.Valid() with { Goal = FitnessGoal.BuildMuscle, DietaryRestrictions = [DietaryRestriction.Halal] },
            PlanRequestBuilder.Valid() with { Goal = FitnessGoal.LoseWeight, DietaryRestrictions = [DietaryRestriction.Vegan], Allergies = [Allergen.Nuts] },
        };
        foreach (var request in requests)
        {
            var plan = RuleBasedPlanGenerator.Generate(request);
            var macros = MacroTargets.For(request, plan.Energy);
            sb.AppendLine($"{PlanGrid.Describe(request)} target {plan.Energy.TargetCalories} prot {macros.ProteinG}");
            foreach (var meal in plan.DietPlan.Meals)
            {
                sb.AppendLine($"  {meal.Name}: " + string.Join("; ", meal.Foods.Select(f => $"{f.Name} {f.Portion} {f.Calories}kcal {f.ProteinG}g")));
            }

            sb.AppendLine($"  total {plan.DietPlan.Meals.SelectMany(m => m.Foods).Sum(f => f.Calories)} kcal {plan.DietPlan.Meals.SelectMany(m => m.Foods).Sum(f => f.ProteinG)} g; macros {plan.DietPlan.Macros}");
            sb.AppendLine("  errors: " + string.Join(" | ", Derrimut.AiPlans.Domain.Validation.PlanValidator.Validate(plan, request)));
        }

        File.WriteAllText("/tmp/extremes.txt", sb.ToString());
        _ = Indented;
    }
}
