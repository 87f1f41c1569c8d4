namespace Derrimut.AiPlans.Domain.Validation;

/// <summary>One problem with a plan, located by a JSON-style path into the plan (e.g.
/// <c>workoutPlan.days[2].exercises[1]</c>, zero-based) with a message an LLM can act on in a repair attempt.</summary>
internal sealed record PlanError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";

    /// <summary>The errors as a bullet list for the repair prompt sent back to the LLM.</summary>
    public static string ForRepairPrompt(IEnumerable<PlanError> errors) =>
        string.Join('\n', errors.Select(error => $"- {error}"));
}
