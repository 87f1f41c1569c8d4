using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;

namespace Derrimut.AiPlans.Tests;

public sealed class ScratchShould
{
    private static readonly JsonSerializerOptions Indented = new(PlanJson.Options) { WriteIndented = true };

    [Fact]
    public void Print()
    {
        var request = PlanRequestBuilder.Valid() with { Injuries = [InjuryKind.Knee], DietaryRestrictions = [DietaryRestriction.Vegan], Allergies = [Allergen.Nuts], Goal = FitnessGoal.LoseWeight };
        var plan = RuleBasedPlanGenerator.Generate(request);
        File.WriteAllText("/tmp/plan.json", JsonSerializer.Serialize(plan, Indented));
    }
}
