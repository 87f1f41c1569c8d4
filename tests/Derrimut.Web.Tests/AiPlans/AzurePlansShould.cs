using System.Text.Json;
using System.Text.Json.Nodes;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Tests;
using static Derrimut.Web.Tests.AiPlans.PlanAnswers;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>The real app with Azure OpenAI configured against a WireMock fake of the chat-completions endpoint.</summary>
public sealed class AzurePlansFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    internal FakeAzureOpenAi Fake { get; } = new();

    public DerrimutWebFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new DerrimutWebFactory(_database, settings: new Dictionary<string, string>
        {
            ["AiPlans:AzureOpenAI:Endpoint"] = Fake.Url,
            ["AiPlans:AzureOpenAI:Deployment"] = FakeAzureOpenAi.Deployment,
            ["AiPlans:AzureOpenAI:ApiKey"] = FakeAzureOpenAi.ApiKey,
            ["AiPlans:AzureOpenAI:MaxRetries"] = "0",
            ["AiPlans:AzureOpenAI:TimeBudget"] = "00:00:30",
        });
        await App.StartAsync(demoData: true);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Fake.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// The Azure path through the whole HTTP endpoint: a valid structured answer is stored as an <c>azure-openai</c>
/// plan; every kind of bad answer or failure still gives the member a valid plan (201), never an error, and never
/// stores the invalid one.
/// </summary>
public sealed class AzurePlansShould(AzurePlansFixture fixture) : IClassFixture<AzurePlansFixture>
{
    private DerrimutWebFactory App => fixture.App;

    /// <summary>The request <see cref="PlanAnswers.Valid"/> sends, as the app reads it.</summary>
    private static PlanRequest Request
    {
        get
        {
            using var answers = JsonDocument.Parse(Valid().ToJsonString());
            return PlanRequestReader.Read(answers.RootElement).Request!;
        }
    }

    /// <summary>A valid LLM answer for <see cref="Request"/>: the plan's name, workout and diet, no energy.</summary>
    private static JsonObject Answer()
    {
        var plan = RuleBasedPlanGenerator.Generate(Request);
        var json = JsonNode.Parse(PlanJson.Serialize(plan))!.AsObject();
        json.Remove("energy");
        json["name"] = "AI plan for a knee-friendly week";
        return json;
    }

    [Fact]
    public async Task StoreAValidStructuredAnswerAsAnAzureOpenAiPlan()
    {
        fixture.Fake.Reply(FakeAzureOpenAi.Completion(Answer().ToJsonString()));
        var member = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");

        var plan = await GenerateAsync(member);

        plan.GetProperty("generator").GetString().ShouldBe("azure-openai");
        plan.GetProperty("generatorReason").ValueKind.ShouldBe(JsonValueKind.Null);
        plan.GetProperty("name").GetString().ShouldBe("AI plan for a knee-friendly week");
        var stored = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");
        stored.GetProperty("id").GetGuid().ShouldBe(plan.GetProperty("id").GetGuid());
        stored.GetProperty("generator").GetString().ShouldBe("azure-openai");
        fixture.Fake.Bodies[^1]["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "malformed JSON", "validation" },
        { "contra-indicated exercise", "contra-indicated" },
        { "wrong day count", "3 day(s) a week" },
        { "calories 40% off", "±10%" },
        { "HTTP 429", "429" },
        { "HTTP 500", "500" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FallBackToAValidRuleBasedPlanAndStillAnswer201(string failure, string reasonMentions)
    {
        var energy = Derrimut.AiPlans.Domain.Targets.EnergyCalculator.Calculate(Request);
        fixture.Fake.Reply(failure switch
        {
            "malformed JSON" => FakeAzureOpenAi.Completion("""{"name": "Plan", "workoutPlan": {"split": "Full body", "days": ["""),
            "contra-indicated exercise" => FakeAzureOpenAi.Completion(Answer().Also(a => a["workoutPlan"]!["days"]![0]!["exercises"]![0] = new JsonObject
            {
                ["exerciseId"] = null, ["name"] = "Barbell Back Squat", ["sets"] = 4, ["reps"] = 6, ["durationSeconds"] = null, ["restSeconds"] = 150, ["notes"] = "Go deep.",
            }).ToJsonString()),
            "wrong day count" => FakeAzureOpenAi.Completion(Answer().Also(a =>
            {
                a["workoutPlan"]!["days"]!.AsArray().RemoveAt(2);
                a["workoutPlan"]!["schedule"]!.AsArray().RemoveAt(2);
            }).ToJsonString()),
            "calories 40% off" => FakeAzureOpenAi.Completion(Answer().Also(a => a["dietPlan"]!["dailyCalories"] = (int)(energy.TargetCalories * 1.4)).ToJsonString()),
            "HTTP 429" => FakeAzureOpenAi.Error(429, "429", "Rate limit reached.").WithHeader("retry-after", "60"),
            _ => FakeAzureOpenAi.Error(500, "InternalServerError", "The server had an error."),
        });
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");

        var response = await member.PostAsJsonAsync("/api/plans", Valid());

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        plan.GetProperty("generator").GetString().ShouldBe("rule-based", failure);
        plan.GetProperty("generatorReason").GetString()!.ShouldContain(reasonMentions, Case.Insensitive, failure);
        var stored = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");
        stored.GetProperty("id").GetGuid().ShouldBe(plan.GetProperty("id").GetGuid());
        stored.GetProperty("workoutPlan").GetRawText().ShouldNotContain("Barbell Back Squat");
        stored.GetProperty("dietPlan").GetProperty("dailyCalories").GetInt32().ShouldBe(energy.TargetCalories);
        stored.GetProperty("workoutPlan").GetProperty("days").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task FallBackWithinTheBudgetWhenTheServiceIsTooSlowOverTheVoiceWebhook()
    {
        // The webhook gives the AI path at most its own deadline; a service that never answers cannot hold Vapi up.
        fixture.Fake.Reply(FakeAzureOpenAi.Completion(Answer().ToJsonString()).After(TimeSpan.FromSeconds(40)));
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = "azure-fixture-voice-secret-000000" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", assistantId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d" })).EnsureSuccessStatusCode();
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        // The webhook acts only for the member a call token names (decision 0060), so start the call as the page does.
        var started = await member.PostAsync("/api/plans/voice/calls", null, TestContext.Current.CancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.OK, await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var callToken = JsonSerializer.Serialize((await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("callToken").GetString());
        var arguments = Valid().ToJsonString();
        var body = $$"""{ "message": { "type": "tool-calls", "call": { "id": "slow", "assistantOverrides": { "variableValues": { "call_token": {{callToken}} } } }, "toolCallList": [ { "id": "call_slow", "function": { "name": "generate_program", "arguments": {{arguments}} } } ] } }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/vapi/generate-program") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Vapi-Secret", "azure-fixture-voice-secret-000000");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await App.ClientFor("st-albans").SendAsync(request, TestContext.Current.CancellationToken);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("result").GetString()!.ShouldContain("ready");
        var stored = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");
        stored.GetProperty("generator").GetString().ShouldBe("rule-based");
        stored.GetProperty("generatorReason").GetString()!.ShouldContain("did not answer within");
    }
}
