using System.Text.Json.Nodes;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;

namespace Derrimut.AiPlans.Tests;

public sealed class LlmPlanParserShould
{
    private static readonly PlanRequest Request = PlanRequestBuilder.Valid() with { Injuries = [InjuryKind.Knee] };
    private static readonly FitnessPlan Plan = PlanRequestBuilder.Plan(Request);
    private static readonly Energy Energy = EnergyCalculator.Calculate(Request);

    [Fact]
    public void ReadAnAnswerShapedByTheSchemaIntoThePlanRecords()
    {
        var result = LlmPlanParser.Parse(Answer(), Energy);

        result.Succeeded.ShouldBeTrue();
        PlanJson.Serialize(result.Plan).ShouldBe(PlanJson.Serialize(Plan));
    }

    [Fact]
    public void ReportMalformedJsonAsAnErrorInsteadOfThrowing()
    {
        var result = LlmPlanParser.Parse("{\"name\": \"Plan\", \"workoutPlan\": {", Energy);

        result.Plan.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("The response is not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ReportAnEmptyAnswer(string? json) =>
        LlmPlanParser.Parse(json, Energy).Errors.ShouldHaveSingleItem().Path.ShouldBe("$");

    [Fact]
    public void ReportJsonNull() => LlmPlanParser.Parse("null", Energy).Errors.ShouldHaveSingleItem().Message.ShouldContain("JSON null");

    [Fact]
    public void ReportAMissingPropertyWithItsName()
    {
        var answer = Mutate(json => json["workoutPlan"]!["days"]![0]!["exercises"]![0]!.AsObject().Remove("restSeconds"));

        var error = LlmPlanParser.Parse(answer, Energy).Errors.ShouldHaveSingleItem();

        error.Path.ShouldStartWith("workoutPlan.days[0].exercises[0]");
        error.Message.ShouldContain("restSeconds");
    }

    [Fact]
    public void ReportAnUnknownProperty()
    {
        var answer = Mutate(json => json["energy"] = new JsonObject { ["bmr"] = 1 });

        LlmPlanParser.Parse(answer, Energy).Errors.ShouldHaveSingleItem().Message.ShouldContain("Unknown property 'energy'");
    }

    [Fact]
    public void ReportAWrongTypeAtItsPath()
    {
        var answer = Mutate(json => json["workoutPlan"]!["days"]![1]!["exercises"]![2]!["sets"] = "three");

        var error = LlmPlanParser.Parse(answer, Energy).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe("workoutPlan.days[1].exercises[2].sets");
        error.Message.ShouldBe("Expected a whole number.");
    }

    [Fact]
    public void ReportANullWhereAValueIsRequired()
    {
        var answer = Mutate(json => json["dietPlan"]!["meals"]![0]!["foods"]![0]!["name"] = null);

        var error = LlmPlanParser.Parse(answer, Energy).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe("dietPlan.meals[0].foods[0].name");
        error.Message.ShouldContain("must not be null");
    }

    [Fact]
    public void AcceptAnAnswerWrappedInACodeFence() =>
        LlmPlanParser.Parse($"```json\n{Answer()}\n```", Energy).Succeeded.ShouldBeTrue();

    [Fact]
    public void ValidateAParsedAnswerAgainstTheMember()
    {
        var answer = Mutate(json => json["workoutPlan"]!["days"]![0]!["exercises"]![0] = new JsonObject
        {
            ["exerciseId"] = null, ["name"] = "Box jumps", ["sets"] = 3, ["reps"] = 8, ["durationSeconds"] = null, ["restSeconds"] = 90, ["notes"] = "",
        });

        var result = LlmPlanParser.ParseAndValidate(answer, Request);

        result.Plan.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("knee injury");
    }

    [Fact]
    public void PassAValidAnswerThroughValidation() => LlmPlanParser.ParseAndValidate(Answer(), Request).Succeeded.ShouldBeTrue();

    private static string Answer() => PlanJsonSchemaShould.LlmPart(Plan).ToJsonString();

    private static string Mutate(Action<JsonObject> change)
    {
        var json = PlanJsonSchemaShould.LlmPart(Plan);
        change(json);
        return json.ToJsonString();
    }
}
