using System.Text.Json.Serialization;

namespace Derrimut.AiPlans.Domain.Vapi;

/// <summary>One answer to a tool call: exactly one of <see cref="Result"/> or <see cref="Error"/>, both single-line
/// strings (Vapi's troubleshooting guide: line breaks break parsing; objects are not accepted).</summary>
internal sealed record VapiToolResult(
    string ToolCallId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    public static VapiToolResult Success(string toolCallId, string result) => new(toolCallId, SingleLine(result), null);

    public static VapiToolResult Failure(string toolCallId, string error) => new(toolCallId, null, SingleLine(error));

    /// <summary>Field errors as one sentence the voice agent can read out and act on by asking again.</summary>
    public static VapiToolResult Failure(string toolCallId, IReadOnlyDictionary<string, string[]> errors) =>
        Failure(toolCallId, "Some answers are missing or could not be used: " + string.Join(" ", errors.SelectMany(error => error.Value)));

    public static string SingleLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim())).Trim();
}

/// <summary>The body of the HTTP 200 answer to a <c>tool-calls</c> message: <c>{"results":[{"toolCallId","result"|"error"}]}</c>,
/// one result per tool call id. Serialise with <see cref="Plans.PlanJson.Options"/>.</summary>
internal sealed record VapiToolResults(IReadOnlyList<VapiToolResult> Results);
