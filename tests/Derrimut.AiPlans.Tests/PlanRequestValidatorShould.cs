namespace Derrimut.AiPlans.Tests;

public sealed class PlanRequestValidatorShould
{
    [Fact]
    public void AcceptAValidRequest() => PlanRequestValidator.Validate(PlanRequestBuilder.Valid()).ShouldBeEmpty();

    [Fact]
    public void NameHeightForATwentyCentimetreHeight()
    {
        var errors = PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { HeightCm = 20 });

        errors.Keys.ShouldBe(["heightCm"]);
        errors["heightCm"].ShouldHaveSingleItem().ShouldContain("20 cm");
    }

    [Fact]
    public void NameAgeForASevenYearOld()
    {
        var errors = PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { Age = 7 });

        errors.Keys.ShouldBe(["age"]);
    }

    [Theory]
    [InlineData(13, 180, 80, "age")]
    [InlineData(101, 180, 80, "age")]
    [InlineData(30, 99, 80, "heightCm")]
    [InlineData(30, 251, 80, "heightCm")]
    [InlineData(30, 180, 29, "weightKg")]
    [InlineData(30, 180, 301, "weightKg")]
    public void RejectValuesOutsideRealisticRanges(int age, int heightCm, int weightKg, string field)
    {
        var errors = PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { Age = age, HeightCm = heightCm, WeightKg = weightKg });

        errors.Keys.ShouldBe([field]);
    }

    [Theory]
    [InlineData(14, 100, 30)]
    [InlineData(100, 250, 300)]
    public void AcceptTheEdgesOfTheRanges(int age, int heightCm, int weightKg) =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { Age = age, HeightCm = heightCm, WeightKg = weightKg }).ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void RejectWorkoutDaysOutsideOneToSeven(int days) =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { WorkoutDays = days }).Keys.ShouldBe(["workoutDays"]);

    [Fact]
    public void RequireWorkoutDaysOrWeekdays() =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { WorkoutDays = null }).Keys.ShouldBe(["workoutDays"]);

    [Fact]
    public void AcceptWeekdaysWithoutACount() =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { WorkoutDays = null, WorkoutWeekdays = [DayOfWeek.Monday, DayOfWeek.Thursday] }).ShouldBeEmpty();

    [Fact]
    public void RejectACountThatDisagreesWithTheWeekdays() =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { WorkoutDays = 3, WorkoutWeekdays = [DayOfWeek.Monday, DayOfWeek.Thursday] })
            .Keys.ShouldBe(["workoutDays"]);

    [Fact]
    public void RejectUndefinedEnumValuesByField()
    {
        var errors = PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with
        {
            Goal = (FitnessGoal)42,
            Allergies = [(Allergen)99],
            WorkoutWeekdays = [(DayOfWeek)9],
        });

        errors.Keys.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(["allergies", "goal", "workoutWeekdays"]);
        errors["goal"].ShouldHaveSingleItem().ShouldContain("loseWeight");
    }

    [Fact]
    public void RejectOverlongOtherLimitations() =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { OtherLimitations = new string('x', 501) }).Keys.ShouldBe(["otherLimitations"]);

    [Fact]
    public void ReportEveryBadFieldAtOnce() =>
        PlanRequestValidator.Validate(PlanRequestBuilder.Valid() with { Age = 7, HeightCm = 20, WeightKg = 5 }).Count.ShouldBe(3);
}
