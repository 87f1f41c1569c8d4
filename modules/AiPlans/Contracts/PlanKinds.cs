using System.Text.Json.Serialization;

namespace Derrimut.AiPlans.Contracts;

/// <summary>What made a plan, as the API writes it (<c>rule-based</c>, <c>azure-openai</c>…).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanGenerator>))]
public enum PlanGenerator
{
    /// <summary>Derrimut's offline plan rules (no AI configured, or the AI's plan failed validation).</summary>
    [JsonStringEnumMemberName("rule-based")]
    RuleBased,

    /// <summary>Azure OpenAI, accepted on its first answer.</summary>
    [JsonStringEnumMemberName("azure-openai")]
    AzureOpenAi,

    /// <summary>Azure OpenAI, accepted after it repaired an answer that broke a rule.</summary>
    [JsonStringEnumMemberName("azure-openai-repaired")]
    AzureOpenAiRepaired,

    /// <summary>A trainer, by editing the member's plan.</summary>
    [JsonStringEnumMemberName("trainer")]
    Trainer,
}

/// <summary>Where a plan came from, as the API writes it (<c>form</c>, <c>voice</c>…).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanSource>))]
public enum PlanSource
{
    /// <summary>The member's form (the page or <c>POST /api/plans</c>).</summary>
    [JsonStringEnumMemberName("form")]
    Form,

    /// <summary>The voice assistant (Vapi).</summary>
    [JsonStringEnumMemberName("voice")]
    Voice,

    /// <summary>A trainer's edit of the member's plan.</summary>
    [JsonStringEnumMemberName("trainer-edit")]
    TrainerEdit,

    /// <summary>The Development demo seed.</summary>
    [JsonStringEnumMemberName("seed")]
    Seed,
}

/// <summary>The member's sex as the energy equation uses it (<c>male</c>, <c>female</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanSex>))]
public enum PlanSex
{
    /// <summary>Male.</summary>
    [JsonStringEnumMemberName("male")]
    Male,

    /// <summary>Female.</summary>
    [JsonStringEnumMemberName("female")]
    Female,
}

/// <summary>The member's main goal (<c>loseWeight</c>, <c>buildMuscle</c>, <c>generalFitness</c>, <c>endurance</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanGoal>))]
public enum PlanGoal
{
    /// <summary>Lose weight.</summary>
    [JsonStringEnumMemberName("loseWeight")]
    LoseWeight,

    /// <summary>Build muscle.</summary>
    [JsonStringEnumMemberName("buildMuscle")]
    BuildMuscle,

    /// <summary>General fitness.</summary>
    [JsonStringEnumMemberName("generalFitness")]
    GeneralFitness,

    /// <summary>Endurance.</summary>
    [JsonStringEnumMemberName("endurance")]
    Endurance,
}

/// <summary>The member's training experience (<c>beginner</c>, <c>intermediate</c>, <c>advanced</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanLevel>))]
public enum PlanLevel
{
    /// <summary>New or returning.</summary>
    [JsonStringEnumMemberName("beginner")]
    Beginner,

    /// <summary>Training regularly for six months or more.</summary>
    [JsonStringEnumMemberName("intermediate")]
    Intermediate,

    /// <summary>Years of structured training.</summary>
    [JsonStringEnumMemberName("advanced")]
    Advanced,
}

/// <summary>How active the member's day is outside the gym (<c>sedentary</c>, <c>light</c>, <c>moderate</c>, <c>very</c>, <c>extra</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanActivityLevel>))]
public enum PlanActivityLevel
{
    /// <summary>Mostly sitting.</summary>
    [JsonStringEnumMemberName("sedentary")]
    Sedentary,

    /// <summary>Exercise one to three days a week.</summary>
    [JsonStringEnumMemberName("light")]
    Light,

    /// <summary>Three to five days a week.</summary>
    [JsonStringEnumMemberName("moderate")]
    Moderate,

    /// <summary>Six or seven days a week.</summary>
    [JsonStringEnumMemberName("very")]
    Very,

    /// <summary>A physical job and training.</summary>
    [JsonStringEnumMemberName("extra")]
    Extra,
}
