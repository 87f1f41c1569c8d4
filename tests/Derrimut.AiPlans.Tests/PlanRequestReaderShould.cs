namespace Derrimut.AiPlans.Tests;

public sealed class PlanRequestReaderShould
{
    [Fact]
    public void ReadTheCanonicalCamelCaseShape()
    {
        var result = Read("""
            { "age": 30, "sex": "male", "heightCm": 180, "weightKg": 80, "workoutDays": 3, "goal": "loseWeight",
              "level": "intermediate", "activityLevel": "moderate", "injuries": ["knee", "lowerBack"],
              "dietaryRestrictions": ["glutenFree"], "allergies": ["peanuts"] }
            """);

        result.Errors.ShouldBeEmpty();
        var request = result.Request.ShouldNotBeNull();
        request.Age.ShouldBe(30);
        request.Sex.ShouldBe(Sex.Male);
        request.HeightCm.ShouldBe(180m);
        request.WeightKg.ShouldBe(80m);
        request.WorkoutDays.ShouldBe(3);
        request.Goal.ShouldBe(FitnessGoal.LoseWeight);
        request.Level.ShouldBe(FitnessLevel.Intermediate);
        request.ActivityLevel.ShouldBe(ActivityLevel.Moderate);
        request.Injuries.ShouldBe([InjuryKind.LowerBack, InjuryKind.Knee]);
        request.DietaryRestrictions.ShouldBe([DietaryRestriction.GlutenFree]);
        request.Allergies.ShouldBe([Allergen.Peanuts]);
    }

    [Fact]
    public void ReadSnakeCaseNamesStringNumbersAndEverydayWords()
    {
        var request = Read("""
            { "age": "35", "gender": "Female", "height_cm": "165", "weight_kg": "60.5", "fitness_goal": "weight loss",
              "fitness_level": "Beginner", "activity_level": "lightly active", "workout_days": "3",
              "injuries": "bad knee and a sore lower back", "dietary_restrictions": "vegan", "allergies": "nuts" }
            """).Request.ShouldNotBeNull();

        request.Age.ShouldBe(35);
        request.Sex.ShouldBe(Sex.Female);
        request.HeightCm.ShouldBe(165m);
        request.WeightKg.ShouldBe(60.5m);
        request.Goal.ShouldBe(FitnessGoal.LoseWeight);
        request.Level.ShouldBe(FitnessLevel.Beginner);
        request.ActivityLevel.ShouldBe(ActivityLevel.Light);
        request.WorkoutDays.ShouldBe(3);
        request.Injuries.ShouldBe([InjuryKind.LowerBack, InjuryKind.Knee]);
        request.DietaryRestrictions.ShouldBe([DietaryRestriction.Vegan]);
        request.Allergies.ShouldBe([Allergen.Nuts]);
    }

    [Fact]
    public void ReadSpokenNumbersImperialUnitsAndWeekdayNames()
    {
        var request = Read("""
            { "age": "thirty five", "sex": "I'm a woman", "height": "5 foot 10", "weight": "176 lbs",
              "goal": "I want to build muscle", "level": "some experience", "activity": "very active",
              "days": "Monday, Wednesday and Friday" }
            """).Request.ShouldNotBeNull();

        request.Age.ShouldBe(35);
        request.Sex.ShouldBe(Sex.Female);
        request.HeightCm.ShouldBe(177.8m);
        request.WeightKg.ShouldBe(79.8m);
        request.Goal.ShouldBe(FitnessGoal.BuildMuscle);
        request.Level.ShouldBe(FitnessLevel.Intermediate);
        request.ActivityLevel.ShouldBe(ActivityLevel.Very);
        request.WorkoutDays.ShouldBeNull();
        request.WorkoutWeekdays.ShouldBe([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]);
    }

    [Theory]
    [InlineData("\"1.8\"", 180)]
    [InlineData("1.75", 175)]
    [InlineData("\"182 cm\"", 182)]
    [InlineData("\"1 metre 65\"", 165)]
    [InlineData("\"1.7 m\"", 170)]
    [InlineData("\"one hundred and seventy\"", 170)]
    [InlineData("\"6'2\\\"\"", 188)]
    public void ReadHeightsInCentimetresMetresOrFeet(string height, int expectedCm)
    {
        var request = Read(Answers(("height", height))).Request.ShouldNotBeNull();

        Math.Round(request.HeightCm).ShouldBe(expectedCm);
    }

    [Theory]
    [InlineData("\"80kg\"", 80)]
    [InlineData("\"12 stone 8\"", 79.8)]
    [InlineData("\"150 pounds\"", 68)]
    [InlineData("72.5", 72.5)]
    public void ReadWeightsInKilogramsPoundsOrStone(string weight, double expectedKg)
    {
        var request = Read(Answers(("weight", weight))).Request.ShouldNotBeNull();

        request.WeightKg.ShouldBe((decimal)expectedKg);
    }

    [Theory]
    [InlineData("\"every day\"", 7)]
    [InlineData("\"weekends\"", 2)]
    [InlineData("[\"mon\", \"thurs\"]", 2)]
    [InlineData("\"four times a week\"", 4)]
    [InlineData("\"3x\"", 3)]
    public void ReadWorkoutDaysAsCountsOrWeekdays(string days, int count)
    {
        var request = Read(Answers(("workout_days", days))).Request.ShouldNotBeNull();

        TrainingWeek.DayCount(request).ShouldBe(count);
    }

    [Fact]
    public void NameEveryMissingField()
    {
        var errors = Read("""{ "age": 30 }""").Errors;

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["activityLevel", "goal", "heightCm", "level", "sex", "weightKg", "workoutDays"]);
        errors["heightCm"].ShouldHaveSingleItem().ShouldStartWith("heightCm is required");
    }

    [Fact]
    public void NameTheFieldForOutOfRangeValues()
    {
        var errors = Read(Answers(("height", "20"), ("age", "7"))).Errors;

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["age", "heightCm"]);
    }

    [Fact]
    public void NameTheFieldForAnAnswerItCannotUnderstand()
    {
        var errors = Read(Answers(("goal", "\"world domination\""), ("height", "\"tall\""))).Errors;

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["goal", "heightCm"]);
        errors["goal"].ShouldHaveSingleItem().ShouldContain("world domination");
    }

    [Fact]
    public void RefuseAnAllergyItCannotPlanAroundRatherThanDropIt()
    {
        var errors = Read(Answers(("allergies", "\"kiwi fruit\""))).Errors;

        errors.Keys.ShouldBe(["allergies"]);
        errors["allergies"].ShouldHaveSingleItem().ShouldContain("kiwi fruit");
    }

    [Fact]
    public void RefuseAnUnsupportedDietaryRestriction() =>
        Read(Answers(("dietary_restrictions", "\"kosher\""))).Errors.Keys.ShouldBe(["dietaryRestrictions"]);

    [Fact]
    public void TreatNoneAsNoInjuriesRestrictionsOrAllergies()
    {
        var request = Read(Answers(("injuries", "\"none\""), ("dietary_restrictions", "\"no\""), ("allergies", "[\"No known allergies\"]"))).Request.ShouldNotBeNull();

        request.Injuries.ShouldBeEmpty();
        request.OtherLimitations.ShouldBeNull();
        request.DietaryRestrictions.ShouldBeEmpty();
        request.Allergies.ShouldBeEmpty();
    }

    [Fact]
    public void KeepUnrecognisedLimitationsAsFreeText()
    {
        var request = Read(Answers(("injuries", "\"mild asthma, sore shoulder\""))).Request.ShouldNotBeNull();

        request.Injuries.ShouldBe([InjuryKind.Shoulder]);
        request.OtherLimitations.ShouldBe("mild asthma");
    }

    [Fact]
    public void MoveAnAllergyGivenAsARestrictionToAllergies()
    {
        var request = Read(Answers(("dietary_restrictions", "\"vegetarian and a nut allergy\""))).Request.ShouldNotBeNull();

        request.DietaryRestrictions.ShouldBe([DietaryRestriction.Vegetarian]);
        request.Allergies.ShouldBe([Allergen.Nuts]);
    }

    [Fact]
    public void ReadAnswersNestedInOneObject() =>
        Read($$"""{ "userData": {{Answers()}} }""").Succeeded.ShouldBeTrue();

    [Fact]
    public void RejectSomethingOtherThanAnObject() => Read("[1, 2]").Errors.Keys.ShouldBe(["$"]);

    [Fact]
    public void ProduceARequestThePlanGeneratorAccepts()
    {
        var request = Read(Answers()).Request.ShouldNotBeNull();

        PlanRequestValidator.Validate(request).ShouldBeEmpty();
    }

    internal static string Answers(params (string Name, string Json)[] overrides)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["age"] = "30",
            ["sex"] = "\"male\"",
            ["height"] = "180",
            ["weight"] = "80",
            ["workout_days"] = "3",
            ["goal"] = "\"general fitness\"",
            ["level"] = "\"intermediate\"",
            ["activity_level"] = "\"moderate\"",
        };
        foreach (var (name, json) in overrides)
        {
            fields[name] = json;
        }

        return "{" + string.Join(", ", fields.Select(field => $"\"{field.Key}\": {field.Value}")) + "}";
    }

    private static PlanRequestReadResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PlanRequestReader.Read(document.RootElement);
    }
}
