using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Features.Plans;

namespace Derrimut.AiPlans.Tests;

/// <summary>The contracts' generator and source enums keep the wire strings the API always wrote, and the stored ones.</summary>
public sealed class PlanKindsShould
{
    private static readonly JsonSerializerOptions CamelCaseEnums = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Theory]
    [InlineData(PlanSource.Form, "form")]
    [InlineData(PlanSource.Voice, "voice")]
    [InlineData(PlanSource.TrainerEdit, "trainer-edit")]
    [InlineData(PlanSource.Seed, "seed")]
    public void WriteEachSourceAsItsStoredName(PlanSource source, string wire)
    {
        JsonSerializer.Serialize(source, JsonSerializerOptions.Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<PlanSource>($"\"{wire}\"", JsonSerializerOptions.Web).ShouldBe(source);
        PlanWire.Name(source).ShouldBe(wire);
        PlanWire.SourceOf(wire).ShouldBe(source);
    }

    [Theory]
    [InlineData(PlanGenerator.RuleBased, "rule-based")]
    [InlineData(PlanGenerator.AzureOpenAi, "azure-openai")]
    [InlineData(PlanGenerator.AzureOpenAiRepaired, "azure-openai-repaired")]
    [InlineData(PlanGenerator.Trainer, "trainer")]
    public void WriteEachGeneratorAsItsStoredName(PlanGenerator generator, string wire)
    {
        JsonSerializer.Serialize(generator, JsonSerializerOptions.Web).ShouldBe($"\"{wire}\"");
        PlanWire.GeneratorOf(wire).ShouldBe(generator);
    }

    [Fact]
    public void KeepTheirNamesEvenUnderACamelCaseEnumPolicy()
    {
        // An app-wide camelCase enum converter must not turn "trainer-edit" into "trainerEdit".
        JsonSerializer.Serialize(new { source = PlanSource.TrainerEdit, generator = PlanGenerator.AzureOpenAiRepaired }, CamelCaseEnums)
            .ShouldBe("""{"source":"trainer-edit","generator":"azure-openai-repaired"}""");
    }

    [Theory]
    [InlineData("Female", "LoseWeight", "Beginner", "Very")]
    [InlineData("Male", "BuildMuscle", "Advanced", "Extra")]
    [InlineData("Male", "Endurance", "Intermediate", "Sedentary")]
    [InlineData("Female", "GeneralFitness", "Intermediate", "Light")]
    [InlineData("Male", "GeneralFitness", "Beginner", "Moderate")]
    public void ReadEveryStoredAnswerAndWriteItBackUnchanged(string sex, string goal, string level, string activity)
    {
        var stored = PlanJson.Serialize(PlanRequestBuilder.Valid() with
        {
            Sex = Enum.Parse<Sex>(sex), Goal = Enum.Parse<FitnessGoal>(goal), Level = Enum.Parse<FitnessLevel>(level),
            ActivityLevel = Enum.Parse<ActivityLevel>(activity), Injuries = [InjuryKind.LowerBack],
        });

        var input = JsonSerializer.Deserialize<PlanInputDto>(stored, PlanJson.Options)!;
        var written = JsonDocument.Parse(JsonSerializer.Serialize(input, JsonSerializerOptions.Web)).RootElement;

        var original = JsonDocument.Parse(stored).RootElement;
        foreach (var field in new[] { "sex", "goal", "level", "activityLevel" })
        {
            written.GetProperty(field).GetString().ShouldBe(original.GetProperty(field).GetString(), field);
        }

        written.GetProperty("goal").GetString().ShouldBe(JsonNamingPolicy.CamelCase.ConvertName(goal));
    }
}
