using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Derrimut.Web.Tests.Identity;
using static Derrimut.Web.Tests.AiPlans.PlanAnswers;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>
/// <c>POST /webhooks/vapi/generate-program</c> through the real app: the location's secret, every argument shape
/// Vapi sends, the member from the call's variables, and the exact answer Vapi expects.
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

    private static string Body(string shape, string memberId, string toolCallId = "call_1", string arguments = Arguments)
    {
        var call = $$"""
            "call": { "id": "vapi-call-{{toolCallId}}", "type": "webCall",
                      "assistantOverrides": { "variableValues": { "member_id": "{{memberId}}", "full_name": "Caller" } } }
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

    private async Task<(HttpClient Client, Guid Id)> MemberAsync(string email)
    {
        var client = await App.SignedInAsync(email, "st-albans");
        return (client, await UserIdAsync(client));
    }

    private static async Task<int> PlanCountAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("history").GetArrayLength();

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task GenerateAndSaveAPlanFromEveryArgumentShape(string shape)
    {
        var (member, id) = await MemberAsync($"member2@st-albans.{D}");
        var toolCallId = $"call_{Guid.NewGuid():N}";

        var response = await PostAsync(Body(shape, id.ToString(), toolCallId));

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
        var (_, id) = await MemberAsync($"member3@st-albans.{D}");

        var response = await PostAsync(Body("function.arguments object", id.ToString(), "call_exact"), bearer: true);

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
        var (member, id) = await MemberAsync($"member3@st-albans.{D}");
        var before = await PlanCountAsync(member);

        var response = kind switch
        {
            "wrong" => await PostAsync(Body("arguments", id.ToString()), "not-the-secret-at-all-0000000000"),
            "missing" => await PostAsync(Body("arguments", id.ToString()), secret: null),
            _ => await PostAsync(Body("arguments", id.ToString()), "not-the-secret-at-all-0000000000", bearer: true),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PlanCountAsync(member)).ShouldBe(before);
    }

    [Fact]
    public async Task RefuseAnotherLocationsSecret()
    {
        // Werribee has no secret of its own: nothing opens it, not even st-albans' secret.
        var (member, id) = await MemberAsync($"multi@{D}");
        var before = await member.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/plans/mine"));
        (await PostAsync(Body("arguments", id.ToString()), location: "werribee")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await member.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/plans/mine"));
        after.GetProperty("history").GetArrayLength().ShouldBe(before.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task AnswerAnUnknownMemberWithAnErrorResult()
    {
        var response = await PostAsync(Body("arguments", Guid.NewGuid().ToString(), "call_unknown"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("toolCallId").GetString().ShouldBe("call_unknown");
        result.GetProperty("error").GetString()!.ShouldContain("not a member of this gym");
        result.TryGetProperty("result", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task AnswerAMemberOfAnotherLocationWithAnErrorResultAndSaveNothing()
    {
        var werribee = await App.SignedInAsync($"member@werribee.{D}", "werribee");
        var id = await UserIdAsync(werribee);
        var before = await PlanCountAsync(werribee);

        var response = await PostAsync(Body("arguments", id.ToString(), "call_other_gym"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("error").GetString()!.ShouldContain("not a member of this gym");
        (await PlanCountAsync(werribee)).ShouldBe(before);
    }

    [Fact]
    public async Task NotTakeTheMembersIdentityFromTheToolArguments()
    {
        var (member, id) = await MemberAsync($"member3@st-albans.{D}");
        var before = await PlanCountAsync(member);
        var arguments = Arguments.Replace("\"age\"", $"\"member_id\": \"{id}\", \"age\"", StringComparison.Ordinal);
        var body = $$"""{ "message": { "type": "tool-calls", "toolCallList": [ { "id": "call_args", "function": { "name": "generate_program", "arguments": {{arguments}} } } ] } }""";

        var response = await PostAsync(body);

        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("error").GetString()!.ShouldContain("could not tell which member");
        (await PlanCountAsync(member)).ShouldBe(before);
    }

    [Fact]
    public async Task AnswerMissingAnswersWithAnErrorTheAgentCanReadOut()
    {
        var (_, id) = await MemberAsync($"member3@st-albans.{D}");
        var response = await PostAsync(Body("arguments", id.ToString(), "call_missing", """{ "age": 40, "goal": "endurance" }"""));

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
