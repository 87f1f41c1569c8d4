using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Validation;
using Microsoft.Extensions.Logging;

namespace Derrimut.AiPlans.Generation;

/// <summary>A plan ready to save, with the record of how it was made.</summary>
/// <param name="Plan">Always passes <see cref="PlanValidator"/> for the request it was composed for.</param>
/// <param name="Generator"><c>azure-openai</c>, <c>azure-openai-repaired</c> or <c>rule-based</c> (see <see cref="PlanComposer"/>).</param>
/// <param name="FallbackReason">Why the rule-based generator made the plan, in words a trainer can read; null for an AI plan.</param>
/// <param name="Attempts">Every call to the AI service, in order; empty when none was made.</param>
/// <param name="Elapsed">From the request to the plan, by the injected clock.</param>
internal sealed record ComposedPlan(
    FitnessPlan Plan,
    string Generator,
    string? FallbackReason,
    IReadOnlyList<PlanAttempt> Attempts,
    TimeSpan Elapsed)
{
    /// <summary>Every validation error the AI's answers had, across attempts, for the plan's history.</summary>
    public IReadOnlyList<PlanError> ValidationErrors => [.. Attempts.SelectMany(attempt => attempt.Errors)];
}

/// <summary>One call to the AI service.</summary>
/// <param name="Number">1 for the first answer, 2 for the repair.</param>
/// <param name="Outcome"><c>accepted</c>, <c>invalid</c>, <c>withheld</c> or <c>failed</c>.</param>
/// <param name="Errors">The reader's and validator's errors about the answer (empty unless <c>invalid</c>).</param>
/// <param name="Failure">Why the call produced no answer (<c>withheld</c> or <c>failed</c>).</param>
internal sealed record PlanAttempt(int Number, string Outcome, IReadOnlyList<PlanError> Errors, string? Failure, long? TokensUsed, TimeSpan Duration)
{
    public const string Accepted = "accepted";
    public const string Invalid = "invalid";
    public const string Withheld = "withheld";
    public const string Failed = "failed";
}

/// <summary>
/// Makes the plan a member gets. With an AI service configured: ask it, read and validate the answer, and if it is
/// invalid send the errors back once for a repair; if the repair is invalid too, or the service fails, times out,
/// withholds the answer or anything else goes wrong, the offline rule-based generator writes the plan instead.
/// Without an AI service, the offline generator writes every plan. The member always gets a valid plan: failures of
/// the AI path become a <see cref="ComposedPlan.FallbackReason"/>, never an exception.
/// </summary>
internal sealed class PlanComposer(
    OfflinePlanGenerator offline,
    IPlanGenerator? ai,
    AzureOpenAiPlanOptions options,
    TimeProvider time,
    ILogger<PlanComposer> logger)
{
    public const string AzureOpenAi = AzureOpenAiPlanGenerator.GeneratorName;
    public const string AzureOpenAiRepaired = AzureOpenAiPlanGenerator.GeneratorName + "-repaired";
    public const string RuleBased = RuleBasedPlanGenerator.GeneratorName;

    /// <summary>An AI answer gets one repair: a second failure rarely improves on a third try, and the budget is short.</summary>
    public const int MaxAiAttempts = 2;

    /// <summary>How many validation errors a fallback reason quotes; the rest are in <see cref="ComposedPlan.ValidationErrors"/>.</summary>
    private const int ErrorsInReason = 3;

    /// <summary>Composes a plan within the configured <see cref="AzureOpenAiPlanOptions.TimeBudget"/>.</summary>
    public Task<ComposedPlan> ComposeAsync(PlanRequest request, CancellationToken cancellationToken = default) =>
        ComposeAsync(request, options.TimeBudget, cancellationToken);

    /// <summary>Composes a plan, giving the AI path at most <paramref name="budget"/> before falling back.</summary>
    /// <param name="request">A request that has passed <see cref="PlanRequestValidator"/>.</param>
    /// <exception cref="ArgumentException">The request has validation errors (validate it first and answer 400).</exception>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled (the caller went away).</exception>
    public async Task<ComposedPlan> ComposeAsync(PlanRequest request, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        var requestErrors = PlanRequestValidator.Validate(request);
        if (requestErrors.Count > 0)
        {
            throw new ArgumentException(
                "The plan request is invalid: " + string.Join("; ", requestErrors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")),
                nameof(request));
        }

        var started = time.GetTimestamp();
        if (ai is null)
        {
            return await FallBackAsync(request, options.ConfigurationProblem() ?? "no AI service configured", [], started, cancellationToken);
        }

        var attempts = new List<PlanAttempt>();
        var callStarted = started;
        string? reason = null;
        using (var budgetTimer = new CancellationTokenSource(budget, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetTimer.Token))
        {
            try
            {
                PlanRepair? repair = null;
                for (var number = 1; number <= MaxAiAttempts && reason is null; number++)
                {
                    callStarted = time.GetTimestamp();
                    var answer = await ai.AnswerAsync(request, repair, linked.Token);
                    if (answer.Withheld is { } withheld)
                    {
                        // A content filter or a refusal will not change its mind because of a repair prompt.
                        attempts.Add(new PlanAttempt(number, PlanAttempt.Withheld, [], withheld, answer.TokensUsed, time.GetElapsedTime(callStarted)));
                        reason = withheld;
                        continue;
                    }

                    var result = LlmPlanParser.ParseAndValidate(answer.Json, request);
                    if (result.Succeeded)
                    {
                        attempts.Add(new PlanAttempt(number, PlanAttempt.Accepted, [], null, answer.TokensUsed, time.GetElapsedTime(callStarted)));
                        var generator = number == 1 ? AzureOpenAi : AzureOpenAiRepaired;
                        logger.LogInformation("AI plan accepted as {Generator} after {Attempts} call(s)", generator, number);
                        return Finish(request, result.Plan!, generator, null, attempts, started);
                    }

                    attempts.Add(new PlanAttempt(number, PlanAttempt.Invalid, result.Errors, null, answer.TokensUsed, time.GetElapsedTime(callStarted)));
                    logger.LogInformation("AI plan attempt {Attempt} failed validation with {Count} error(s): {Errors}", number, result.Errors.Count, Summarise(result.Errors));
                    repair = new PlanRepair(answer.Json, result.Errors);
                }

                reason ??= "AI plan failed validation twice: " + Summarise(attempts[^1].Errors);
            }
            catch (OperationCanceledException) when (budgetTimer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                reason = CallFailed(Invariant($"AI service did not answer within the {budget.TotalSeconds:0.#} s budget"));
            }
            catch (PlanServiceException exception)
            {
                reason = CallFailed(exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Deliberately broad: whatever breaks in the AI path (a client library's bug, a binary mismatch between
                // Azure.AI.OpenAI and OpenAI), the member still gets the offline plan.
                logger.LogError(exception, "AI plan generation failed unexpectedly; using the offline generator");
                reason = CallFailed($"AI plan generation failed unexpectedly ({exception.GetType().Name})");
            }
        }

        return await FallBackAsync(request, reason, attempts, started, cancellationToken);

        // Records the call that failed and says whether an earlier answer had already been rejected.
        string CallFailed(string failure)
        {
            attempts.Add(new PlanAttempt(attempts.Count + 1, PlanAttempt.Failed, [], failure, null, time.GetElapsedTime(callStarted)));
            return attempts[0].Outcome == PlanAttempt.Invalid
                ? $"AI plan failed validation and the repair attempt failed: {failure}"
                : failure;
        }
    }

    private async Task<ComposedPlan> FallBackAsync(PlanRequest request, string reason, List<PlanAttempt> attempts, long started, CancellationToken cancellationToken)
    {
        if (attempts.Count > 0)
        {
            logger.LogWarning("Using the offline plan generator: {Reason}", reason);
        }

        var answer = await offline.AnswerAsync(request, null, cancellationToken);
        var result = LlmPlanParser.ParseAndValidate(answer.Json, request);
        if (!result.Succeeded)
        {
            // The rule-based generator is tested to pass the validator for every kind of request; this is a bug, and
            // there is nothing left to fall back to. Refuse rather than hand a member an unsafe plan.
            throw new InvalidOperationException("The rule-based plan failed validation: " + Summarise(result.Errors));
        }

        return Finish(request, result.Plan!, RuleBased, reason, attempts, started);
    }

    /// <summary>The single exit: whatever made the plan, it is validated once more right here, so no path — today's
    /// or a future one — can hand out a plan the validator would reject.</summary>
    private ComposedPlan Finish(PlanRequest request, FitnessPlan plan, string generator, string? reason, IReadOnlyList<PlanAttempt> attempts, long started)
    {
        var errors = PlanValidator.Validate(plan, request);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"A {generator} plan reached the exit without passing validation: {Summarise(errors)}");
        }

        return new ComposedPlan(plan, generator, reason, [.. attempts], time.GetElapsedTime(started));
    }

    private static string Summarise(IReadOnlyList<PlanError> errors) =>
        string.Join("; ", errors.Take(ErrorsInReason))
        + (errors.Count > ErrorsInReason ? $" (and {errors.Count - ErrorsInReason} more)" : string.Empty);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
