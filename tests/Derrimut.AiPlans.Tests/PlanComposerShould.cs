using System.Diagnostics;
using System.Text.Json.Nodes;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;
using Derrimut.AiPlans.Domain.Validation;
using Derrimut.AiPlans.Generation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Derrimut.AiPlans.Tests.FakeAzureOpenAi;

namespace Derrimut.AiPlans.Tests;

/// <summary>The AI path end to end — composer, Azure OpenAI generator, Azure.AI.OpenAI's client — against a fake of
/// the service; and every way it can go wrong ending in a valid plan.</summary>
public sealed class PlanComposerShould : IDisposable
{
    // A member with a knee injury, so a squat in an AI answer is contra-indicated.
    private static readonly PlanRequest Request = PlanRequestBuilder.Valid() with { Injuries = [InjuryKind.Knee] };

    private readonly FakeAzureOpenAi fake = new();
    private readonly List<IDisposable> generators = [];

    public static TheoryData<string, string> InvalidAnswers => new()
    {
        { "malformed JSON", "The response is not valid JSON" },
        { "contra-indicated exercise", "workoutPlan.days[0].exercises[0]: 'Barbell Back Squat' is contra-indicated" },
        { "wrong day count", "workoutPlan.days: The member trains 3 day(s) a week, but the plan has 2 day(s)" },
        { "calories 40% off", "dietPlan.dailyCalories: Daily calories must be within ±10%" },
    };

    [Fact]
    public async Task AcceptAValidStructuredAnswerAsAnAzureOpenAiPlan()
    {
        fake.Reply(Completion(ValidAnswer()));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("azure-openai");
        result.FallbackReason.ShouldBeNull();
        result.Plan.Name.ShouldBe("AI plan for a knee-friendly week");
        result.Attempts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            attempt => attempt.Outcome.ShouldBe(PlanAttempt.Accepted),
            attempt => attempt.TokensUsed.ShouldBe(4000));
        result.ValidationErrors.ShouldBeEmpty();
        result.Plan.Energy.ShouldBe(EnergyCalculator.Calculate(Request));
        ShouldBeValid(result);
    }

    [Fact]
    public async Task AskForStrictSchemaOutputWithTheKeyAndTheMembersFacts()
    {
        fake.Reply(Completion(ValidAnswer()));

        await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        var call = fake.Calls.ShouldHaveSingleItem();
        call.Method.ShouldBe("POST");
        call.Query!["api-version"].ToArray().ShouldBe([ApiVersion]);
        call.Headers!["api-key"].ToArray().ShouldBe([ApiKey]);
        call.Headers.ContainsKey("Authorization").ShouldBeFalse();

        var body = fake.Bodies[0];
        var format = body["response_format"]!;
        format["type"]!.GetValue<string>().ShouldBe("json_schema");
        format["json_schema"]!["name"]!.GetValue<string>().ShouldBe(PlanJsonSchema.Name);
        format["json_schema"]!["strict"]!.GetValue<bool>().ShouldBeTrue();
        JsonNode.DeepEquals(format["json_schema"]!["schema"], PlanJsonSchema.Build()).ShouldBeTrue();
        body["temperature"]!.GetValue<float>().ShouldBe(0.2f);

        var messages = body["messages"]!.AsArray();
        messages.Select(message => message!["role"]!.GetValue<string>()).ShouldBe(["system", "user"]);
        var system = messages[0]!["content"]!.GetValue<string>();
        system.ShouldContain($"dietPlan.dailyCalories is exactly {EnergyCalculator.Calculate(Request).TargetCalories}");
        system.ShouldContain("Knee, exclude: deep knee bending under load", Case.Sensitive);
    }

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task RepairAnInvalidAnswerOnceWithTheErrorsFedBack(string kind, string expectedError)
    {
        var invalid = InvalidAnswer(kind);
        fake.Reply(Completion(invalid), Completion(ValidAnswer()));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("azure-openai-repaired");
        result.FallbackReason.ShouldBeNull();
        result.Attempts.Select(attempt => attempt.Outcome).ShouldBe([PlanAttempt.Invalid, PlanAttempt.Accepted]);
        result.ValidationErrors.ShouldContain(error => error.ToString().Contains(expectedError, StringComparison.Ordinal));
        ShouldBeValid(result);

        var repair = fake.Bodies[1]["messages"]!.AsArray();
        repair.Select(message => message!["role"]!.GetValue<string>()).ShouldBe(["system", "user", "assistant", "user"]);
        repair[2]!["content"]!.GetValue<string>().ShouldBe(invalid);
        repair[3]!["content"]!.GetValue<string>().ShouldContain(PlanError.ForRepairPrompt(result.Attempts[0].Errors));
    }

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task FallBackToTheRuleBasedPlanWhenTheRepairIsInvalidToo(string kind, string expectedError)
    {
        fake.Reply(Completion(InvalidAnswer(kind)));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldNotBeNull().ShouldStartWith("AI plan failed validation twice: ");
        result.FallbackReason.ShouldContain(expectedError, Case.Sensitive);
        result.Attempts.Select(attempt => attempt.Outcome).ShouldBe([PlanAttempt.Invalid, PlanAttempt.Invalid]);
        fake.Calls.Count.ShouldBe(2);
        PlanJson.Serialize(result.Plan).ShouldBe(PlanJson.Serialize(RuleBasedPlanGenerator.Generate(Request)));
        ShouldBeValid(result);
    }

    [Fact]
    public async Task NameTheContraIndicatedExerciseInTheFallbackReason()
    {
        fake.Reply(Completion(InvalidAnswer("contra-indicated exercise")));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldNotBeNull().ShouldContain("workoutPlan.days[0].exercises[0]: 'Barbell Back Squat' is contra-indicated for the member's knee injury");
        ShouldBeValid(result);
    }

    [Theory]
    [InlineData("Retry-After", "2")]
    [InlineData("retry-after-ms", "1500")]
    [InlineData("x-ms-retry-after-ms", "1500")]
    [InlineData("Retry-After", "http-date in 1.5 s")]
    public async Task FallBackOnRateLimitingAfterOneRetryThatWaitsAsAsked(string header, string value)
    {
        var (time, headerValue) = RetryAfterClock(value);
        fake.Reply(Error(429, "429", "Requests to the ChatCompletions_Create Operation have exceeded the rate limit.").WithHeader(header, headerValue));
        var clock = Stopwatch.StartNew();

        var result = await Composer(fake.Options(), time).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldBe("AI service is rate-limiting requests (HTTP 429)");
        fake.Calls.Count.ShouldBe(2);

        // At least the 1.5 s asked for; without the header the client's own backoff is about 0.8 s.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4));
        ShouldBeValid(result);
    }

    [Theory]
    [InlineData("Retry-After", "30")]
    [InlineData("retry-after-ms", "30000")]
    [InlineData("Retry-After", "http-date in 30 s")]
    public async Task FallBackAtOnceWhenTheWaitAskedForIsLongerThanWorthWaiting(string header, string value)
    {
        var (time, headerValue) = RetryAfterClock(value);
        fake.Reply(Error(429, "429", "Rate limit exceeded.").WithHeader(header, headerValue));
        var clock = Stopwatch.StartNew();

        var result = await Composer(fake.Options(), time).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI service is rate-limiting requests (HTTP 429)");
        fake.Calls.Count.ShouldBe(1);

        // Far less than the 30 s asked for: the policy declined to wait rather than sleeping through the budget.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackOnAServerErrorAfterABoundedNumberOfCalls()
    {
        fake.Reply(Error(500, "InternalServerError", "The server had an error while processing your request."));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldStartWith("AI service failed (HTTP 500)");
        result.Attempts.ShouldHaveSingleItem().Outcome.ShouldBe(PlanAttempt.Failed);
        fake.Calls.Count.ShouldBe(2);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWithinTheBudgetWhenTheServiceIsTooSlow()
    {
        fake.Reply(Completion(ValidAnswer()).After(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        var result = await Composer(fake.Options(TimeSpan.FromSeconds(1))).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldBe("AI service did not answer within the 1 s budget");
        result.Attempts.ShouldHaveSingleItem().Outcome.ShouldBe(PlanAttempt.Failed);

        // Bounded by the budget, not by the 30 s the service would have taken (the margin absorbs a loaded machine).
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ShouldBeValid(result);
    }

    [Fact]
    public async Task MeasureTheBudgetOnTheInjectedClock()
    {
        fake.Reply(Completion(ValidAnswer()).After(TimeSpan.FromSeconds(30)));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00+11:00", System.Globalization.CultureInfo.InvariantCulture));
        var composing = Composer(fake.Options(TimeSpan.FromSeconds(12)), time).ComposeAsync(Request, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();

        // Twelve seconds pass on the injected clock in well under one of real time.
        for (var step = 0; step < 200 && !composing.IsCompleted; step++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await composing;
        result.FallbackReason.ShouldBe("AI service did not answer within the 12 s budget");
        result.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(12));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWithoutARepairWhenTheContentFilterWithholdsThePlan()
    {
        fake.Reply(Completion(null, finishReason: "content_filter"));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI service's content filter withheld the plan");
        result.Attempts.ShouldHaveSingleItem().Outcome.ShouldBe(PlanAttempt.Withheld);
        fake.Calls.Count.ShouldBe(1);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheContentFilterBlocksTheRequest()
    {
        fake.Reply(Error(400, "content_filter", "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI service's content filter blocked the request (HTTP 400)");
        fake.Calls.Count.ShouldBe(1);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheModelRefuses()
    {
        fake.Reply(Completion(null, refusal: "I'm sorry, I can't help with that."));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI model declined to write the plan: I'm sorry, I can't help with that.");
        fake.Calls.Count.ShouldBe(1);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheServiceAnswersWithSomethingOtherThanJson()
    {
        fake.Reply(Json(200, "<html><body>Bad gateway</body></html>"));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI service's response could not be read");
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheRepairCallFails()
    {
        fake.Reply(Completion(InvalidAnswer("wrong day count")), Error(503, "ServiceUnavailable", "Try again later."));

        var result = await Composer(fake.Options()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldStartWith("AI plan failed validation and the repair attempt failed: AI service failed (HTTP 503)");
        result.Attempts.Select(attempt => attempt.Outcome).ShouldBe([PlanAttempt.Invalid, PlanAttempt.Failed]);
        result.ValidationErrors.ShouldContain(error => error.Path == "workoutPlan.days");
        fake.Calls.Count.ShouldBe(3);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheServiceCannotBeReached()
    {
        var options = fake.Options();
        fake.Dispose();

        var result = await Composer(options).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldStartWith("AI service could not be reached");
        ShouldBeValid(result);
    }

    [Fact]
    public async Task FallBackWhenTheAiPathThrowsSomethingUnexpected()
    {
        var options = fake.Options();
        var composer = new PlanComposer(new OfflinePlanGenerator(), new BrokenGenerator(), options, TimeProvider.System, NullLogger<PlanComposer>.Instance);

        var result = await composer.ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldBe("AI plan generation failed unexpectedly (MissingMethodException)");
        result.Attempts.ShouldHaveSingleItem().Outcome.ShouldBe(PlanAttempt.Failed);
        ShouldBeValid(result);
    }

    [Fact]
    public async Task UseTheRuleBasedGeneratorWhenNoAiServiceIsConfigured()
    {
        var result = await Composer(new AzureOpenAiPlanOptions()).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldBe("no AI service configured");
        result.Attempts.ShouldBeEmpty();
        fake.Calls.ShouldBeEmpty();
        ShouldBeValid(result);
    }

    [Fact]
    public async Task NameTheMissingSettingWhenTheConfigurationIsIncomplete()
    {
        var options = fake.Options();
        options.ApiKey = " ";

        var result = await Composer(options).ComposeAsync(Request, TestContext.Current.CancellationToken);

        result.FallbackReason.ShouldBe("AI service misconfigured: AiPlans:AzureOpenAI:ApiKey is not set");
        fake.Calls.ShouldBeEmpty();
        ShouldBeValid(result);
    }

    [Fact]
    public async Task LetTheCallersCancellationThrough()
    {
        fake.Reply(Completion(ValidAnswer()).After(TimeSpan.FromSeconds(30)));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => Composer(fake.Options()).ComposeAsync(Request, caller.Token));
    }

    [Fact]
    public async Task RefuseAnInvalidRequestBeforeCallingTheService()
    {
        fake.Reply(Completion(ValidAnswer()));

        await Should.ThrowAsync<ArgumentException>(() => Composer(fake.Options()).ComposeAsync(Request with { Age = 7 }, TestContext.Current.CancellationToken));
        fake.Calls.ShouldBeEmpty();
    }

    public void Dispose()
    {
        generators.ForEach(generator => generator.Dispose());
        fake.Dispose();
    }

    internal static string ValidAnswer() => LlmAnswer(json => json["name"] = "AI plan for a knee-friendly week");

    internal static string InvalidAnswer(string kind) => kind switch
    {
        "malformed JSON" => """{"name": "Plan", "workoutPlan": {"split": "Full body", "days": [""",
        "contra-indicated exercise" => LlmAnswer(json => json["workoutPlan"]!["days"]![0]!["exercises"]![0] = new JsonObject
        {
            ["exerciseId"] = null, ["name"] = "Barbell Back Squat", ["sets"] = 4, ["reps"] = 6, ["durationSeconds"] = null, ["restSeconds"] = 150, ["notes"] = "Go deep.",
        }),
        "wrong day count" => LlmAnswer(json =>
        {
            json["workoutPlan"]!["days"]!.AsArray().RemoveAt(2);
            json["workoutPlan"]!["schedule"]!.AsArray().RemoveAt(2);
        }),
        "calories 40% off" => LlmAnswer(json =>
            json["dietPlan"]!["dailyCalories"] = (int)Math.Round(EnergyCalculator.Calculate(Request).TargetCalories * 1.4m)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of invalid answer."),
    };

    /// <summary>A rule-based plan for the same request in the LLM's schema shape, changed by <paramref name="change"/>.</summary>
    private static string LlmAnswer(Action<JsonObject> change)
    {
        var json = PlanJsonSchemaShould.LlmPart(RuleBasedPlanGenerator.Generate(Request));
        change(json);
        return json.ToJsonString();
    }

    /// <summary>For "http-date in N s": an HTTP date and an injected clock N seconds before it, so the wait asked for is
    /// exact; otherwise the value as it is on the system clock.</summary>
    private static (TimeProvider Time, string HeaderValue) RetryAfterClock(string value)
    {
        if (!value.StartsWith("http-date in ", StringComparison.Ordinal))
        {
            return (TimeProvider.System, value);
        }

        var seconds = decimal.Parse(value["http-date in ".Length..^2], System.Globalization.CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        // The injected clock only places "now"; it never advances, so the budget cannot run out during these tests.
        return (new FakeTimeProvider(at.AddSeconds((double)-seconds)), at.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void ShouldBeValid(ComposedPlan result) => PlanValidator.Validate(result.Plan, Request).ShouldBeEmpty();

    private PlanComposer Composer(AzureOpenAiPlanOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        AzureOpenAiPlanGenerator? ai = null;
        if (options.IsConfigured)
        {
            ai = new AzureOpenAiPlanGenerator(options, time);
            generators.Add(ai);
        }

        return new PlanComposer(new OfflinePlanGenerator(), ai, options, time, NullLogger<PlanComposer>.Instance);
    }
}

/// <summary>Stands for a client library that breaks at run time (Azure.AI.OpenAI 2.1.0's own chat methods do, with OpenAI 2.14).</summary>
internal sealed class BrokenGenerator : IPlanGenerator
{
    public string Name => "broken";

    public Task<PlanAnswer> AnswerAsync(PlanRequest request, PlanRepair? repair, CancellationToken cancellationToken) =>
        throw new MissingMethodException("OpenAI.Chat.ChatCompletionOptions", "get_SerializedAdditionalRawData");
}
