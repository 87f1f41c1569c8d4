using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Tests;

public sealed class ScratchShould
{
    [Fact]
    public void Time()
    {
        var requests = PlanGrid.For(FitnessGoal.Endurance).ToList();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var r in requests) { WorkoutProgrammer.Build(r, StableSeed.For(r)); }
        var w = sw.ElapsedMilliseconds;
        sw.Restart();
        foreach (var r in requests) { var e = EnergyCalculator.Calculate(r); MealPlanner.Build(r, e, MacroTargets.For(r, e), StableSeed.For(r)); }
        File.WriteAllText("/tmp/time.txt", $"{requests.Count} plans: workout {w} ms, diet {sw.ElapsedMilliseconds} ms");
    }
}
