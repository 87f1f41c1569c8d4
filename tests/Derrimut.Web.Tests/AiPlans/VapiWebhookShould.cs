using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Derrimut.AiPlans.Features.Vapi;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Web.Tests.Identity;
using Microsoft.AspNetCore.DataProtection;
using static Derrimut.Web.Tests.AiPlans.PlanAnswers;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>
/// <c>POST /webhooks/vapi/generate-program</c> through the real app: the location's secret, every argument shape
/// Vapi sends, the member from the call token Derrimut issued when the member's page started the call (decision 0060),
/// and the exact answer Vapi expects.
/// </summary>
public abstract class VapiWebhookShould(DemoAppFixture fixture) : IAsyncLifetime
{
    private const string Path = "/webhooks/vapi/generate-program";
    private const string Secret = "st-albans-voice-secret-0123456789abcdef";

    /// <summary>Spoken-style answers, as the voice agent's LLM fills them in.</summary>
    private const string Arguments = """
        { "age": "thirty two", "gender": "man", "height": "180 cm", "weight": "82 kilos", "injuries": "my lower back",
          "workout_days": "4", "fitness_goal": "build muscle", "fitness_level": "intermediate",
          "activity_level": "moderately active", "dietary_restrictions": "none", "allergies": "peanuts" }
        """;

    private DerrimutWebFactory App => fixture.App;

    public async ValueTask InitializeAsync()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var set = await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = Secret });
        set.StatusCode.ShouldBe(HttpStatusCode.NoContent, await set.Content.ReadAsStringAsync());
        var ids = await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", assistantId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d" });
        ids.StatusCode.ShouldBe(HttpStatusCode.OK, await ids.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string> Shapes => new()
    {
        "function.arguments object", "function.arguments string", "arguments", "parameters", "toolWithToolCallList", "OpenAI toolCalls",
    };

    /// <summary>A tool call as Vapi sends it for a call started with <paramref name="variables"/> (e.g. the call token).</summary>
    private static string Body(string shape, string callToken, string toolCallId = "call_1", string arguments = Arguments, string? variables = null)
    {
        variables ??= $$"""{ "call_token": {{JsonSerializer.Serialize(callToken)}}, "full_name": "Caller" }""";
        var call = $$"""
            "call": { "id": "vapi-call-{{toolCallId}}", "type": "webCall",
                      "assistantOverrides": { "variableValues": {{variables}} } }
            """;
        var asString = JsonSerializer.Serialize(arguments);
        var list = shape switch
        {
            "function.arguments object" => $$"""[ { "id": "{{toolCallId}}", "type": "function", "function": { "name": "generate_program", "arguments": {{arguments}} } } ]""",
            "function.arguments string" => $$"""[ { "id": "{{toolCallId}}", "type": "function", "function": { "name": "generate_program", "arguments": {{asString}} } } ]""",
            "arguments" => $$"""[ { "id": "{{toolCallId}}", "name": "generate_program", "arguments": {{arguments}} } ]""",
            "parameters" => $$"""[ { "id": "{{toolCallId}}", "name": "generate_program", "parameters": {{arguments}} } ]""",
            _ => "[]",
        };
        var extra = shape switch
        {
            "toolWithToolCallList" => $$""", "toolWithToolCallList": [ { "type": "function", "function": { "name": "generate_program" }, "toolCall": { "id": "{{toolCallId}}", "type": "function", "function": { "name": "generate_program", "parameters": {{arguments}} } } } ]""",
            "OpenAI toolCalls" => $$""", "toolCalls": [ { "id": "{{toolCallId}}", "type": "function", "function": { "name": "generate_program", "arguments": {{asString}} } } ]""",
            _ => "",
        };
        return $$"""{ "message": { "type": "tool-calls", "timestamp": 1764201600000, {{call}}, "toolCallList": {{list}}{{extra}} } }""";
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret, bool bearer = false, string location = "st-albans")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            }
            else
            {
                request.Headers.Add("X-Vapi-Secret", secret);
            }
        }

        return await App.ClientFor(location).SendAsync(request);
    }

    /// <summary>The member signed in, and the call token their page gets when they start a voice consultation.</summary>
    private async Task<(HttpClient Client, string Token)> MemberAsync(string email, string location = "st-albans")
    {
        var client = await App.SignedInAsync(email, location);
        var started = await client.PostAsync(SignedInClients.At(location, "/api/plans/voice/calls"), null);
        started.StatusCode.ShouldBe(HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
        var start = await started.Content.ReadFromJsonAsync<JsonElement>();
        start.GetProperty("variableName").GetString().ShouldBe("call_token");
        start.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(15), DateTimeOffset.UtcNow.AddMinutes(25));
        return (client, start.GetProperty("callToken").GetString()!);
    }

    private async Task<Guid> TenantIdAsync(string identifier) =>
        (await App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(identifier, TestContext.Current.CancellationToken)).ShouldNotBeNull().Id;

    private static async Task<int> PlanCountAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("history").GetArrayLength();

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task GenerateAndSaveAPlanFromEveryArgumentShape(string shape)
    {
        var (member, token) = await MemberAsync($"member2@st-albans.{D}");
        var toolCallId = $"call_{Guid.NewGuid():N}";

        var response = await PostAsync(Body(shape, token, toolCallId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = json.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("toolCallId").GetString().ShouldBe(toolCallId, shape);
        result.TryGetProperty("error", out var error).ShouldBeFalse(shape + ": " + error);
        result.GetProperty("result").GetString()!.ShouldContain("4 training days a week", Case.Sensitive, shape);
        var active = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");
        active.GetProperty("source").GetString().ShouldBe("voice");
        active.GetProperty("input").GetProperty("injuries").EnumerateArray().Select(i => i.GetString()).ShouldBe(["lowerBack"]);
        active.GetProperty("input").GetProperty("allergies").EnumerateArray().Select(i => i.GetString()).ShouldBe(["peanuts"]);
        active.GetProperty("input").GetProperty("heightCm").GetDecimal().ShouldBe(180m);
    }

    [Fact]
    public async Task AnswerInExactlyTheShapeVapiExpects()
    {
        var (_, token) = await MemberAsync($"member3@st-albans.{D}");

        var response = await PostAsync(Body("function.arguments object", token, "call_exact"), bearer: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["results"]);
        var result = json.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.EnumerateObject().Select(p => p.Name).ShouldBe(["toolCallId", "result"]);
        result.GetProperty("result").ValueKind.ShouldBe(JsonValueKind.String);
        result.GetProperty("result").GetString()!.ShouldNotContain('\n');
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("bearer wrong")]
    public async Task RefuseAWrongOrMissingSecretAndSaveNothing(string kind)
    {
        var (member, token) = await MemberAsync($"member3@st-albans.{D}");
        var before = await PlanCountAsync(member);

        var response = kind switch
        {
            "wrong" => await PostAsync(Body("arguments", token), "not-the-secret-at-all-0000000000"),
            "missing" => await PostAsync(Body("arguments", token), secret: null),
            _ => await PostAsync(Body("arguments", token), "not-the-secret-at-all-0000000000", bearer: true),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PlanCountAsync(member)).ShouldBe(before);
    }

    [Fact]
    public async Task RefuseAnotherLocationsSecret()
    {
        // Werribee has no secret of its own: nothing opens it, not even st-albans' secret.
        var (member, token) = await MemberAsync($"multi@{D}");
        var before = await member.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/plans/mine"));
        (await PostAsync(Body("arguments", token), location: "werribee")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await member.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/plans/mine"));
        after.GetProperty("history").GetArrayLength().ShouldBe(before.GetProperty("history").GetArrayLength());
    }

    public static TheoryData<string> Impostors => new()
    {
        "member id in the variables, no token", "forged token", "token made with another key", "expired token", "another gym's token",
        "token for someone who is not a member here", "token for nobody", "token in the tool arguments", "member id in the tool arguments",
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task RefuseEveryCallerItCannotProveWithOneAnswerAndSaveNothing(string kind)
    {
        var victim = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var victimId = await UserIdAsync(victim);
        var before = await PlanCountAsync(victim);
        var keys = App.Services.GetRequiredService<IDataProtectionProvider>();
        var stAlbans = await TenantIdAsync("st-albans");
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        var werribeeOnly = await UserIdAsync(await App.SignedInAsync($"member@werribee.{D}", "werribee"));
        var toolCallId = $"call_{Guid.NewGuid():N}";
        var argumentsWith = (string extra) => Arguments.Replace("\"age\"", extra + ", \"age\"", StringComparison.Ordinal);

        var body = kind switch
        {
            // What the webhook trusted before decision 0060: anyone holding the gym's public key could name anyone.
            "member id in the variables, no token" => Body("arguments", "", toolCallId, variables: $$"""{ "member_id": "{{victimId}}" }"""),
            "forged token" => Body("arguments", "CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='), toolCallId),
            "token made with another key" => Body("arguments", VoiceCallTokens.Protect(new EphemeralDataProtectionProvider(), stAlbans, victimId, soon), toolCallId),
            "expired token" => Body("arguments", VoiceCallTokens.Protect(keys, stAlbans, victimId, DateTimeOffset.UtcNow.AddSeconds(-1)), toolCallId),
            "another gym's token" => Body("arguments", VoiceCallTokens.Protect(keys, await TenantIdAsync("werribee"), victimId, soon), toolCallId),
            "token for someone who is not a member here" => Body("arguments", VoiceCallTokens.Protect(keys, stAlbans, werribeeOnly, soon), toolCallId),
            "token for nobody" => Body("arguments", VoiceCallTokens.Protect(keys, stAlbans, Guid.NewGuid(), soon), toolCallId),
            "token in the tool arguments" => Body("arguments", "", toolCallId, argumentsWith($"\"call_token\": {JsonSerializer.Serialize(VoiceCallTokens.Protect(keys, stAlbans, victimId, soon))}"), variables: "{}"),
            _ => Body("arguments", "", toolCallId, argumentsWith($"\"member_id\": \"{victimId}\""), variables: "{}"),
        };

        var response = await PostAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "Vapi ignores any other status");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = answer.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("toolCallId").GetString().ShouldBe(toolCallId);
        // Word for word the same answer whatever was wrong: nothing to learn about who exists or which check failed.
        result.GetProperty("error").GetString().ShouldBe(VapiWebhook.UnknownCaller, kind);
        result.TryGetProperty("result", out _).ShouldBeFalse();
        (await PlanCountAsync(victim)).ShouldBe(before, kind);
    }

    [Fact]
    public async Task MakeThePlanForTheMemberTheTokenNamesWhateverElseTheCallSays()
    {
        var (member, token) = await MemberAsync($"member2@st-albans.{D}");
        var other = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var otherId = await UserIdAsync(other);
        var (memberBefore, otherBefore) = (await PlanCountAsync(member), await PlanCountAsync(other));
        var variables = $$"""{ "member_id": "{{otherId}}", "user_id": "{{otherId}}", "call_token": {{JsonSerializer.Serialize(token)}} }""";

        var response = await PostAsync(Body("arguments", token, "call_token_wins", variables: variables));

        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.TryGetProperty("error", out var error).ShouldBeFalse(error.ToString());
        (await PlanCountAsync(member)).ShouldBe(memberBefore + 1);
        (await PlanCountAsync(other)).ShouldBe(otherBefore);
        (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active").GetProperty("source").GetString().ShouldBe("voice");
    }

    [Fact]
    public async Task IssueCallTokensOnlyToSignedInPeopleAtAGymWithVoiceSetUp()
    {
        var anonymous = await App.ClientFor("st-albans").PostAsync("/api/plans/voice/calls", null);
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        // Werribee has no public key or assistant: nothing to start, said with the field to fix.
        var werribee = await App.SignedInAsync($"member@werribee.{D}", "werribee");
        var refused = await werribee.PostAsync("/api/plans/voice/calls", null);
        var problem = await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, "conflict");
        problem.ToString().ShouldContain("assistantId");
    }

    [Fact]
    public async Task AnswerMissingAnswersWithAnErrorTheAgentCanReadOut()
    {
        var (_, token) = await MemberAsync($"member3@st-albans.{D}");
        var response = await PostAsync(Body("arguments", token, "call_missing", """{ "age": 40, "goal": "endurance" }"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("error").GetString()!.ShouldContain("heightCm is required");
    }

    [Fact]
    public async Task AcknowledgeOtherMessageTypesAndKeepTheSecretAwayFromMembers()
    {
        var response = await PostAsync("""{ "message": { "type": "status-update", "status": "in-progress" } }""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").GetArrayLength().ShouldBe(0);

        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = "member-tries-to-set-the-secret-000" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var status = await admin.GetAsync("/api/plans/voice-assistant");
        var text = await status.Content.ReadAsStringAsync();
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldNotContain(Secret);
        JsonDocument.Parse(text).RootElement.GetProperty("configured").GetBoolean().ShouldBeTrue();
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = "short" }), "secret");
    }
}

public sealed class VapiWebhookOnSqliteShould(SqliteDemoAppFixture fixture) : VapiWebhookShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class VapiWebhookOnPostgreSqlShould(PostgresDemoAppFixture fixture) : VapiWebhookShould(fixture), IClassFixture<PostgresDemoAppFixture>;
