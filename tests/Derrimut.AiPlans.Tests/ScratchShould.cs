using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Validation;

namespace Derrimut.AiPlans.Tests;

public sealed class ScratchShould
{
    [Fact]
    public void Time()
    {
        var requests = PlanGrid.For(FitnessGoal.Endurance).ToList();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var plans = requests.Select(RuleBasedPlanGenerator.Generate).ToList();
        var gen = sw.ElapsedMilliseconds;
        sw.Restart();
        for (var i = 0; i < plans.Count; i++) { PlanValidator.Validate(plans[i], requests[i]); }
        File.WriteAllText("/tmp/time.txt", $"{requests.Count} plans: generate {gen} ms, validate {sw.ElapsedMilliseconds} ms");
    }
}
