using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Validation;

namespace Derrimut.AiPlans.Tests;

public sealed class PlanValidatorShould
{
    private static readonly PlanRequest Request = PlanRequestBuilder.Valid();

    [Fact]
    public void AcceptTheRuleBasedPlan() => PlanValidator.Validate(PlanRequestBuilder.Plan(Request), Request).ShouldBeEmpty();

    [Fact]
    public void CatchAWrongDayCount()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var twoDays = plan with { WorkoutPlan = plan.WorkoutPlan with { Days = plan.WorkoutPlan.Days.Take(2).ToList(), Schedule = plan.WorkoutPlan.Schedule.Take(2).ToList() } };

        var error = PlanValidator.Validate(twoDays, Request).ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days");
        error.Message.ShouldContain("Return exactly 3 training day(s)");
    }

    [Fact]
    public void CatchADayOutsideTheMembersWeekdays()
    {
        var request = Request with { WorkoutDays = null, WorkoutWeekdays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] };
        var plan = PlanRequestBuilder.Plan(request);
        var days = plan.WorkoutPlan.Days.ToList();
        days[1] = days[1] with { Day = "Tuesday" };
        var moved = plan with { WorkoutPlan = plan.WorkoutPlan with { Days = days, Schedule = ["Monday", "Tuesday", "Friday"] } };

        var error = PlanValidator.Validate(moved, request).ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days[1].day");
        error.Message.ShouldContain("Tuesday is not one of those days");
    }

    [Fact]
    public void CatchDuplicateAndMisspeltWeekdaysAndAScheduleThatDisagrees()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var days = plan.WorkoutPlan.Days.ToList();
        days[1] = days[1] with { Day = "Monday" };
        days[2] = days[2] with { Day = "Funday" };
        var broken = plan with { WorkoutPlan = plan.WorkoutPlan with { Days = days } };

        var paths = PlanValidator.Validate(broken, Request).Select(error => error.Path);

        paths.ShouldBe(["workoutPlan.days[1].day", "workoutPlan.days[2].day", "workoutPlan.schedule"]);
    }

    [Fact]
    public void CatchAContraIndicatedExerciseByLibraryId()
    {
        var request = Request with { Injuries = [InjuryKind.Knee] };
        var plan = WithExercise(PlanRequestBuilder.Plan(request), 2, 1, new PlannedExercise("barbell-back-squat", "Squats", 3, 8, null, 120, ""));

        var error = PlanValidator.Validate(plan, request).ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days[2].exercises[1]");
        error.Message.ShouldContain("contra-indicated for the member's knee injury");
        error.Message.ShouldContain("Leg press (partial range)");
    }

    [Theory]
    [InlineData("Knee", "Jump squats")]
    [InlineData("LowerBack", "Romanian deadlifts")]
    [InlineData("Shoulder", "Overhead press")]
    [InlineData("Wrist", "Push-ups")]
    [InlineData("Ankle", "Jogging")]
    [InlineData("Neck", "Shrugs")]
    [InlineData("Hip", "Sumo squat")]
    public void CatchAContraIndicatedFreeTextExerciseByName(string injury, string name)
    {
        var request = Request with { Injuries = [Enum.Parse<InjuryKind>(injury)] };
        var plan = WithExercise(PlanRequestBuilder.Plan(request), 0, 0, new PlannedExercise(null, name, 3, 10, null, 60, ""));

        var error = PlanValidator.Validate(plan, request).ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days[0].exercises[0]");
        error.Message.ShouldStartWith($"'{name}' is contra-indicated");
    }

    [Fact]
    public void CatchChickenInAVegetarianPlan()
    {
        var request = Request with { DietaryRestrictions = [DietaryRestriction.Vegetarian] };
        var plan = WithFood(PlanRequestBuilder.Plan(request), 1, 0, "Chicken breast", null);

        var error = PlanValidator.Validate(plan, request).ShouldHaveSingleItem();

        error.Path.ShouldBe("dietPlan.meals[1].foods[0]");
        error.Message.ShouldContain("contains poultry, which a vegetarian diet excludes");
    }

    [Fact]
    public void CatchBaconInAHalalPlan()
    {
        var request = Request with { DietaryRestrictions = [DietaryRestriction.Halal] };

        var error = PlanValidator.Validate(WithFood(PlanRequestBuilder.Plan(request), 0, 0, "Bacon rashers", null), request).ShouldHaveSingleItem();

        error.Message.ShouldContain("pork, which a halal diet excludes");
    }

    [Fact]
    public void CatchAnAllergenHiddenBehindAnInnocentNameByLibraryId()
    {
        var request = Request with { Allergies = [Allergen.Peanuts] };

        var error = PlanValidator.Validate(WithFood(PlanRequestBuilder.Plan(request), 0, 0, "Spread", "peanut-butter"), request).ShouldHaveSingleItem();

        error.Message.ShouldContain("the member's peanut allergy");
    }

    [Fact]
    public void CatchCaloriesFortyPercentOff()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var target = plan.Energy.TargetCalories;
        var inflated = plan with { DietPlan = plan.DietPlan with { DailyCalories = (int)(target * 1.4m) } };

        var errors = PlanValidator.Validate(inflated, Request);

        errors.Select(error => error.Path).ShouldContain("dietPlan.dailyCalories");
        errors.First(error => error.Path == "dietPlan.dailyCalories").Message.ShouldContain($"energy target of {target} kcal");
    }

    [Fact]
    public void CatchMealsThatDoNotAddUpToTheDailyCalories()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var halved = plan with { DietPlan = plan.DietPlan with { Meals = plan.DietPlan.Meals.Take(1).ToList() } };

        PlanValidator.Validate(halved, Request).ShouldContain(error => error.Path == "dietPlan.meals" && error.Message.Contains("add up to", StringComparison.Ordinal));
    }

    [Fact]
    public void CatchMacrosThatContradictTheCalories()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var wrong = plan with { DietPlan = plan.DietPlan with { Macros = plan.DietPlan.Macros with { FatG = plan.DietPlan.Macros.FatG * 3 } } };

        PlanValidator.Validate(wrong, Request).Select(error => error.Path).ShouldBe(["dietPlan.macros"]);
    }

    [Fact]
    public void CatchFiftySets()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var exercise = plan.WorkoutPlan.Days[0].Exercises[0] with { Sets = 50 };

        var error = PlanValidator.Validate(WithExercise(plan, 0, 0, exercise), Request).ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days[0].exercises[0].sets");
        error.Message.ShouldContain("between 1 and 10");
    }

    [Theory]
    [InlineData(0, null, 60, "reps")]
    [InlineData(100, null, 60, "reps")]
    [InlineData(null, null, 60, "reps")]
    [InlineData(null, 3, 60, "durationSeconds")]
    [InlineData(10, null, 900, "restSeconds")]
    [InlineData(10, null, -5, "restSeconds")]
    public void CatchInsaneRepsDurationsAndRests(int? reps, int? durationSeconds, int restSeconds, string field)
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var exercise = plan.WorkoutPlan.Days[0].Exercises[0] with { Reps = reps, DurationSeconds = durationSeconds, RestSeconds = restSeconds };

        PlanValidator.Validate(WithExercise(plan, 0, 0, exercise), Request).ShouldHaveSingleItem().Path.ShouldBe($"workoutPlan.days[0].exercises[0].{field}");
    }

    [Fact]
    public void CatchUnknownLibraryIds()
    {
        var plan = PlanRequestBuilder.Plan(Request);
        var exercise = plan.WorkoutPlan.Days[0].Exercises[0] with { ExerciseId = "invented-press" };

        var errors = PlanValidator.Validate(WithFood(WithExercise(plan, 0, 0, exercise), 0, 0, "Oats", "magic-oats"), Request);

        errors.Select(error => error.Path).ShouldBe(["workoutPlan.days[0].exercises[0].exerciseId", "dietPlan.meals[0].foods[0].foodId"]);
    }

    [Fact]
    public void CatchEnergyThatIsNotTheCalculatedEnergy()
    {
        var plan = PlanRequestBuilder.Plan(Request);

        PlanValidator.Validate(plan with { Energy = plan.Energy with { Bmr = 1 } }, Request).ShouldHaveSingleItem().Path.ShouldBe("energy");
    }

    [Fact]
    public void FormatErrorsAsABulletListForTheRepairPrompt() =>
        PlanError.ForRepairPrompt([new("a.b", "first"), new("c", "second")]).ShouldBe("- a.b: first\n- c: second");

    private static FitnessPlan WithExercise(FitnessPlan plan, int day, int index, PlannedExercise exercise)
    {
        var days = plan.WorkoutPlan.Days.ToList();
        var exercises = days[day].Exercises.ToList();
        exercises[index] = exercise;
        days[day] = days[day] with { Exercises = exercises };
        return plan with { WorkoutPlan = plan.WorkoutPlan with { Days = days } };
    }

    /// <summary>Replaces a food's identity but keeps its energy and protein, so only the dietary check can fail.</summary>
    private static FitnessPlan WithFood(FitnessPlan plan, int meal, int index, string name, string? foodId)
    {
        var meals = plan.DietPlan.Meals.ToList();
        var foods = meals[meal].Foods.ToList();
        foods[index] = foods[index] with { Name = name, FoodId = foodId };
        meals[meal] = meals[meal] with { Foods = foods };
        return plan with { DietPlan = plan.DietPlan with { Meals = meals } };
    }
}
