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
