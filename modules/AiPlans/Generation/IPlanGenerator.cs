using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Validation;

namespace Derrimut.AiPlans.Generation;

/// <summary>
/// Something that writes plans: the offline rule-based generator or an LLM. Generators answer in the JSON shape of
/// <see cref="Domain.Generation.PlanJsonSchema"/> (the plan without its energy), so every plan, whatever wrote it,
/// goes through one reader and one validator (<see cref="Domain.Generation.LlmPlanParser.ParseAndValidate"/>)
/// before a member sees it. <see cref="PlanComposer"/> decides which generator to use and when to give up.
/// </summary>
internal interface IPlanGenerator
{
    /// <summary>How plans from this generator are labelled: <c>rule-based</c> or <c>azure-openai</c>.</summary>
    string Name { get; }

    /// <summary>Writes a plan for a request that has passed <see cref="PlanRequestValidator"/>.</summary>
    /// <param name="repair">Null on a first attempt; on a repair attempt, the rejected answer and why it was rejected.</param>
    /// <exception cref="PlanServiceException">The service behind the generator failed (HTTP error, unreadable response, network timeout).</exception>
    Task<PlanAnswer> AnswerAsync(PlanRequest request, PlanRepair? repair, CancellationToken cancellationToken);
}

/// <summary>A generator's answer: the plan as JSON text, or why the service withheld it.</summary>
/// <param name="Json">The plan JSON as received; may be malformed (the reader reports that). Null when <paramref name="Withheld"/> is set.</param>
/// <param name="Withheld">Why the service answered without a plan (content filter, refusal); repairing will not help.</param>
/// <param name="TokensUsed">Total tokens the call consumed, when the service reports it.</param>
internal sealed record PlanAnswer(string? Json, string? Withheld = null, long? TokensUsed = null)
{
    public static PlanAnswer WithheldBecause(string reason, long? tokensUsed = null) => new(null, reason, tokensUsed);
}

/// <summary>What a repair attempt sends back: the previous answer and the validator's errors about it.</summary>
internal sealed record PlanRepair(string? PreviousAnswer, IReadOnlyList<PlanError> Errors);

/// <summary>The service behind a generator failed; <see cref="Exception.Message"/> is a short reason fit for the plan's record.</summary>
internal sealed class PlanServiceException : Exception
{
    public PlanServiceException()
    {
    }

    public PlanServiceException(string message)
        : base(message)
    {
    }

    public PlanServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
