using Derrimut.AiPlans.Domain.Exercises;
using Derrimut.AiPlans.Domain.Generation;

namespace Derrimut.AiPlans.Tests;

public sealed class ExerciseLibraryShould
{
    private static IEnumerable<InjuryKind[]> EveryInjuryCombination()
    {
        var kinds = Enum.GetValues<InjuryKind>();
        for (var mask = 0; mask < 1 << kinds.Length; mask++)
        {
            yield return [.. kinds.Where((_, bit) => (mask & (1 << bit)) != 0)];
        }
    }

    [Fact]
    public void FillEverySessionSafelyForEveryCombinationOfInjuries()
    {
        // Days 3, 4, 5 and 7 between them use every session type at every level; build-muscle plans have no cardio
        // finisher and weight-loss plans do, so the two goals cover every slot.
        var failures = new List<string>();
        foreach (var injuries in EveryInjuryCombination())
        {
            foreach (var goal in new[] { FitnessGoal.BuildMuscle, FitnessGoal.LoseWeight })
            {
                foreach (var level in Enum.GetValues<FitnessLevel>())
                {
                    foreach (var days in new[] { 3, 4, 5, 7 })
                    {
                        var request = PlanRequestBuilder.Valid() with { Injuries = injuries, Goal = goal, Level = level, WorkoutDays = days };
                        var workout = WorkoutProgrammer.Build(request, StableSeed.For(request));
                        foreach (var exercise in workout.Days.SelectMany(day => day.Exercises))
                        {
                            var known = ExerciseLibrary.Find(exercise.ExerciseId)!;
                            if (InjuryRules.FirstConflict(known.Movements, injuries) is { } conflict)
                            {
                                failures.Add($"[{string.Join(",", injuries)}] {goal}/{level}/{days}d: {known.Name} conflicts with {conflict.Rule.Injury}");
                            }
                        }

                        if (workout.Days.Count != days)
                        {
                            failures.Add($"{days} days requested, {workout.Days.Count} planned");
                        }
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void NameEveryExerciseSoItsNameImpliesNoMovementItDoesNotDeclare()
    {
        // The validator checks free-text names by keyword; a library exercise's name must not trip an injury the
        // exercise is actually safe for, or rule-based plans would fail their own validation.
        var mismatches = ExerciseLibrary.All
            .Select(exercise => (exercise.Name, Extra: MovementKeywords.Infer(exercise.Name).Except(exercise.Movements).ToList()))
            .Where(item => item.Extra.Count > 0)
            .Select(item => $"{item.Name}: {string.Join(", ", item.Extra)}");

        mismatches.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Jump squats", "Knee")]
    [InlineData("Walking lunges", "Knee")]
    [InlineData("Treadmill running", "Knee")]
    [InlineData("Conventional deadlift", "LowerBack")]
    [InlineData("Good mornings", "LowerBack")]
    [InlineData("Bent-over barbell row", "LowerBack")]
    [InlineData("Sit-ups", "LowerBack")]
    [InlineData("Military press", "Shoulder")]
    [InlineData("Parallel bar dips", "Shoulder")]
    [InlineData("Upright rows", "Shoulder")]
    [InlineData("Behind-the-neck press", "Shoulder")]
    [InlineData("Push-ups", "Wrist")]
    [InlineData("High plank hold", "Wrist")]
    [InlineData("Box jumps", "Ankle")]
    [InlineData("Barbell shrugs", "Neck")]
    [InlineData("Deep squat hold", "Hip")]
    public void FlagContraIndicatedExercisesByName(string name, string injury)
    {
        var conflict = InjuryRules.FirstConflict(MovementKeywords.Infer(name), [Enum.Parse<InjuryKind>(injury)]);

        conflict.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Forearm plank", "Wrist")]
    [InlineData("Glute bridge", "Knee")]
    [InlineData("Chest-supported dumbbell row", "LowerBack")]
    [InlineData("Cable external rotation", "Shoulder")]
    [InlineData("Stationary bike", "Ankle")]
    [InlineData("Leg press (partial range)", "Hip")]
    public void LeaveSafeSubstitutesUnflagged(string name, string injury) =>
        InjuryRules.FirstConflict(MovementKeywords.Infer(name), [Enum.Parse<InjuryKind>(injury)]).ShouldBeNull();

    [Fact]
    public void OfferOnlySafeAlternativesInTheInjuryTable()
    {
        foreach (var rule in InjuryRules.ByInjury.Values)
        {
            rule.SafeAlternatives.ShouldNotBeEmpty();
            rule.SafeAlternatives.ShouldAllBe(exercise => InjuryRules.IsSafe(exercise, new[] { rule.Injury }));
        }

        InjuryRules.ByInjury.Keys.Order().ShouldBe(Enum.GetValues<InjuryKind>());
    }

    [Fact]
    public void EndEverySlotWithACandidateThatHasNoInjuryRelevantMovement() =>
        ExerciseLibrary.Candidates.Values.ShouldAllBe(candidates => candidates.Any(exercise => exercise.Movements.Count == 0 && exercise.MinLevel == FitnessLevel.Beginner));
}
