using Derrimut.AiPlans.Domain.Exercises;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Nutrition;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;
using Derrimut.AiPlans.Domain.Validation;

namespace Derrimut.AiPlans.Tests;

public sealed class RuleBasedPlanGeneratorShould
{
    private static readonly MuscleGroup[] MajorGroups = [MuscleGroup.Chest, MuscleGroup.Back, MuscleGroup.Shoulders, MuscleGroup.Legs, MuscleGroup.Core];

    [Theory]
    [InlineData("LoseWeight")]
    [InlineData("BuildMuscle")]
    [InlineData("GeneralFitness")]
    [InlineData("Endurance")]
    public void GeneratePlansThatPassTheValidatorAcrossTheGrid(string goal)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var request in PlanGrid.For(Enum.Parse<FitnessGoal>(goal)))
        {
            count++;
            var plan = RuleBasedPlanGenerator.Generate(request);
            failures.AddRange(PlanValidator.Validate(plan, request).Select(error => $"{PlanGrid.Describe(request)}: {error}"));
            failures.AddRange(GuidelineBreaches(plan, request).Select(breach => $"{PlanGrid.Describe(request)}: {breach}"));
            failures.AddRange(OddPortions(plan).Select(breach => $"{PlanGrid.Describe(request)}: {breach}"));
        }

        count.ShouldBe(3 * 5 * PlanGrid.InjurySets.Count * PlanGrid.DietSets.Count);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void GenerateValidPlansForRandomRequestsAcrossTheWholeValidRange()
    {
        // A fixed seed keeps the test repeatable; the point is breadth (extreme bodies, odd weekday sets).
        var random = new Random(20240601);
        var failures = new List<string>();
        for (var index = 0; index < 400; index++)
        {
            var request = RandomRequest(random);
            var plan = RuleBasedPlanGenerator.Generate(request);
            failures.AddRange(PlanValidator.Validate(plan, request).Select(error => $"{PlanGrid.Describe(request)}: {error}"));
            failures.AddRange(GuidelineBreaches(plan, request).Select(breach => $"{PlanGrid.Describe(request)}: {breach}"));
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void HoldTheMealPlannerToThreePercentOfEnergyAndTenPercentOfProtein()
    {
        MealPlanner.CalorieTolerance.ShouldBe(0.03m);
        MealPlanner.ProteinTolerance.ShouldBe(0.10m);
    }

    [Fact]
    public void KeepTheRequestsDerivedListsOutOfItsJson() =>
        PlanJson.Serialize(PlanRequestBuilder.Valid()).ShouldNotContain("distinct", Case.Insensitive);

    [Fact]
    public void ProduceIdenticalJsonForTheSameInput()
    {
        var request = PlanRequestBuilder.Valid() with
        {
            Injuries = [InjuryKind.Knee, InjuryKind.Shoulder],
            DietaryRestrictions = [DietaryRestriction.Vegan],
            Allergies = [Allergen.Nuts],
        };

        var first = PlanJson.Serialize(RuleBasedPlanGenerator.Generate(request));
        var second = PlanJson.Serialize(RuleBasedPlanGenerator.Generate(request with { }));

        second.ShouldBe(first);
    }

    [Fact]
    public void IgnoreTheOrderAndDuplicatesOfListAnswers()
    {
        var request = PlanRequestBuilder.Valid() with
        {
            Injuries = [InjuryKind.Knee, InjuryKind.Shoulder],
            DietaryRestrictions = [DietaryRestriction.Halal, DietaryRestriction.GlutenFree],
            Allergies = [Allergen.Eggs, Allergen.Soy],
        };
        var reordered = request with
        {
            Injuries = [InjuryKind.Shoulder, InjuryKind.Knee, InjuryKind.Knee],
            DietaryRestrictions = [DietaryRestriction.GlutenFree, DietaryRestriction.Halal],
            Allergies = [Allergen.Soy, Allergen.Eggs],
        };

        PlanJson.Serialize(RuleBasedPlanGenerator.Generate(reordered)).ShouldBe(PlanJson.Serialize(RuleBasedPlanGenerator.Generate(request)));
    }

    [Fact]
    public void VaryPlansBetweenDifferentMembers()
    {
        var plans = PlanGrid.Bodies
            .Select(body => PlanRequestBuilder.Valid() with { Sex = body.Sex, Age = body.Age, HeightCm = body.HeightCm, WeightKg = body.WeightKg })
            .Select(request => string.Join(",", RuleBasedPlanGenerator.Generate(request).DietPlan.Meals.SelectMany(meal => meal.Foods).Select(food => food.FoodId)))
            .Distinct()
            .Count();

        plans.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void SetDailyCaloriesToTheEnergyTarget()
    {
        var request = PlanRequestBuilder.Valid() with { Goal = FitnessGoal.LoseWeight };

        var plan = RuleBasedPlanGenerator.Generate(request);

        plan.DietPlan.DailyCalories.ShouldBe(plan.Energy.TargetCalories);
        plan.Energy.ShouldBe(EnergyCalculator.Calculate(request));
    }

    [Fact]
    public void TrainOnTheMembersOwnWeekdays()
    {
        var request = PlanRequestBuilder.Valid() with { WorkoutDays = null, WorkoutWeekdays = [DayOfWeek.Saturday, DayOfWeek.Tuesday, DayOfWeek.Thursday] };

        var plan = RuleBasedPlanGenerator.Generate(request);

        plan.WorkoutPlan.Schedule.ShouldBe(["Tuesday", "Thursday", "Saturday"]);
        plan.WorkoutPlan.Days.Select(day => day.Day).ShouldBe(["Tuesday", "Thursday", "Saturday"]);
    }

    [Fact]
    public void WarnAboutBackToBackFullBodyDays()
    {
        var request = PlanRequestBuilder.Valid() with { WorkoutDays = null, WorkoutWeekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday] };

        RuleBasedPlanGenerator.Generate(request).WorkoutPlan.Notes.ShouldContain(note => note.Contains("back-to-back", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkSubstitutesAndCarryOtherLimitationsIntoTheNotes()
    {
        var request = PlanRequestBuilder.Valid() with { Injuries = [InjuryKind.Knee], OtherLimitations = "mild asthma" };

        var plan = RuleBasedPlanGenerator.Generate(request);

        plan.WorkoutPlan.Days.SelectMany(day => day.Exercises)
            .ShouldContain(exercise => exercise.Notes.Contains("instead of Barbell back squat because of your knee", StringComparison.Ordinal));
        plan.WorkoutPlan.Notes.ShouldContain(note => note.Contains("mild asthma", StringComparison.Ordinal));
    }

    [Fact]
    public void NameHalalMeatAsHalal()
    {
        var plans = PlanGrid.Bodies.Select(body => RuleBasedPlanGenerator.Generate(PlanRequestBuilder.Valid() with
        {
            Sex = body.Sex, Age = body.Age, HeightCm = body.HeightCm, WeightKg = body.WeightKg, DietaryRestrictions = [DietaryRestriction.Halal],
        }));

        var meats = plans.SelectMany(plan => plan.DietPlan.Meals).SelectMany(meal => meal.Foods)
            .Where(food => FoodLibrary.Find(food.FoodId)!.Tags.Overlaps([FoodTag.RedMeat, FoodTag.Poultry]))
            .ToList();
        meats.ShouldNotBeEmpty();
        meats.ShouldAllBe(food => food.Name.StartsWith("Halal ", StringComparison.Ordinal));
    }

    [Fact]
    public void RefuseAnInvalidRequest() =>
        Should.Throw<ArgumentException>(() => RuleBasedPlanGenerator.Generate(PlanRequestBuilder.Valid() with { HeightCm = 20 }))
            .Message.ShouldContain("heightCm");

    [Theory]
    [InlineData("Beginner", 3, "Full body")]
    [InlineData("Beginner", 4, "Upper/lower")]
    [InlineData("Beginner", 6, "Full body + conditioning")]
    [InlineData("Intermediate", 2, "Full body")]
    [InlineData("Intermediate", 4, "Upper/lower")]
    [InlineData("Intermediate", 5, "Upper/lower + push/pull/legs")]
    [InlineData("Advanced", 6, "Push/pull/legs")]
    [InlineData("Advanced", 7, "Push/pull/legs + conditioning")]
    public void ChooseTheSplitByLevelAndDays(string level, int days, string split) =>
        WorkoutProgrammer.ChooseSplit(FitnessGoal.BuildMuscle, Enum.Parse<FitnessLevel>(level), days).Split.ShouldBe(split);

    [Fact]
    public void GiveEnduranceMembersAerobicDaysBesideTwoOrThreeStrengthDays()
    {
        var (_, sessions) = WorkoutProgrammer.ChooseSplit(FitnessGoal.Endurance, FitnessLevel.Intermediate, 5);

        sessions.Count(session => session == SessionType.Conditioning).ShouldBe(2);
        sessions.Count(session => session is SessionType.FullBodyA or SessionType.FullBodyB).ShouldBe(3);
    }

    /// <summary>The evidence-based rules the validator does not itself enforce: volume within guidelines, every
    /// major muscle group on two or more days, the ±3% energy and ±10% protein targets, and no duplicates in a day.</summary>
    private static List<string> GuidelineBreaches(FitnessPlan plan, PlanRequest request)
    {
        var breaches = new List<string>();
        foreach (var day in plan.WorkoutPlan.Days)
        {
            var ids = day.Exercises.Select(exercise => exercise.ExerciseId).ToList();
            if (ids.Distinct().Count() != ids.Count)
            {
                breaches.Add($"{day.Day} repeats an exercise");
            }

            foreach (var exercise in day.Exercises)
            {
                var known = ExerciseLibrary.Find(exercise.ExerciseId);
                if (known is null)
                {
                    breaches.Add($"{exercise.Name} is not from the library");
                    continue;
                }

                if (!InjuryRules.IsSafe(known, request.Injuries))
                {
                    breaches.Add($"{exercise.Name} is contra-indicated");
                }

                if (known.MinLevel > request.Level)
                {
                    breaches.Add($"{exercise.Name} is above the member's level");
                }

                if (known.Kind is ExerciseKind.Compound or ExerciseKind.Isolation
                    && (exercise.Sets is < 2 or > 5 || exercise.Reps is not (>= 5 and <= 20)))
                {
                    breaches.Add($"{exercise.Name}: {exercise.Sets}×{exercise.Reps} is outside 2–5 sets of 5–20 reps");
                }
            }
        }

        if (plan.WorkoutPlan.Days.Count >= 2)
        {
            foreach (var group in MajorGroups)
            {
                var days = plan.WorkoutPlan.Days.Count(day => day.Exercises.Any(exercise =>
                    ExerciseLibrary.Find(exercise.ExerciseId) is { Kind: not ExerciseKind.Cardio } known && known.Muscles.Contains(group)));
                if (days < 2)
                {
                    breaches.Add($"{group} is trained on {days} day(s)");
                }
            }
        }

        var energy = EnergyCalculator.Calculate(request);
        var macros = MacroTargets.For(request, energy);
        var foods = plan.DietPlan.Meals.SelectMany(meal => meal.Foods).ToList();
        var kcal = foods.Sum(food => food.Calories);
        var protein = foods.Sum(food => food.ProteinG);
        if (Math.Abs(kcal - energy.TargetCalories) > MealPlanner.CalorieTolerance * energy.TargetCalories)
        {
            breaches.Add($"foods total {kcal} kcal for a {energy.TargetCalories} kcal target");
        }

        if (Math.Abs(protein - macros.ProteinG) > MealPlanner.ProteinTolerance * macros.ProteinG)
        {
            breaches.Add($"foods total {protein} g protein for a {macros.ProteinG} g target");
        }

        foreach (var food in foods)
        {
            if (FoodLibrary.Find(food.FoodId) is not { } known || DietaryRules.FirstConflict(known.Tags, request) is not null)
            {
                breaches.Add($"{food.Name} is not allowed or not from the library");
            }
        }

        return breaches;
    }

    /// <summary>Portions a person would find strange for a realistic body: under a third or over four times the
    /// food's usual serving.</summary>
    private static IEnumerable<string> OddPortions(FitnessPlan plan) =>
        plan.DietPlan.Meals.SelectMany(meal => meal.Foods)
            .Select(food => (Food: food, Known: FoodLibrary.Find(food.FoodId)!))
            .Where(item => item.Known.Role != FoodRole.Side)
            .Select(item => (item.Food, Ratio: item.Food.Calories / item.Known.Kcal(item.Known.BaseAmount)))
            .Where(item => item.Ratio is < 0.3m or > 4m)
            .Select(item => $"{item.Food.Name} {item.Food.Portion} is {item.Ratio:0.00}× a usual serving");

    private static PlanRequest RandomRequest(Random random)
    {
        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        IReadOnlyList<T> Some<T>(T[] values, double chance) => [.. values.Where(_ => random.NextDouble() < chance)];

        var useWeekdays = random.NextDouble() < 0.3;
        var weekdays = useWeekdays ? Some(Enum.GetValues<DayOfWeek>(), 0.5) : [];
        if (useWeekdays && weekdays.Count == 0)
        {
            weekdays = [DayOfWeek.Sunday];
        }

        return new PlanRequest
        {
            Age = random.Next(14, 101),
            Sex = Pick(Enum.GetValues<Sex>()),
            HeightCm = random.Next(1000, 2501) / 10m,
            WeightKg = random.Next(300, 3001) / 10m,
            ActivityLevel = Pick(Enum.GetValues<ActivityLevel>()),
            Goal = Pick(Enum.GetValues<FitnessGoal>()),
            Level = Pick(Enum.GetValues<FitnessLevel>()),
            WorkoutDays = useWeekdays ? null : random.Next(1, 8),
            WorkoutWeekdays = weekdays,
            Injuries = Some(Enum.GetValues<InjuryKind>(), 0.25),
            DietaryRestrictions = Some(Enum.GetValues<DietaryRestriction>(), 0.2),
            Allergies = Some(Enum.GetValues<Allergen>(), 0.15),
        };
    }
}
