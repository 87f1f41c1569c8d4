using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>
/// <c>/api/plans/voice-assistant</c> (the <c>/admin/voice</c> page's handlers): the public key and assistant id, the
/// write-only secret, and the test call that reaches the gym's own Vapi endpoint signed as Vapi signs it.
/// </summary>
public abstract class VoiceAssistantSettingsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string PublicKey = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string AssistantId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task SaveThePublicKeyAndAssistantIdAndShowTheWebhookAddress()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");

        var saved = await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = PublicKey, assistantId = AssistantId });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/plans/voice-assistant");
        status.GetProperty("publicKey").GetString().ShouldBe(PublicKey);
        status.GetProperty("assistantId").GetString().ShouldBe(AssistantId);
        status.GetProperty("webhookUrl").GetString().ShouldBe($"http://werribee.{DerrimutWebFactory.RootDomain}/webhooks/vapi/generate-program");
        status.ToString().ShouldNotContain("secret\":\"", Case.Insensitive);
    }

    [Fact]
    public async Task RefuseAPrivateKeyPastedAsThePublicKeyNamingTheField()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");

        var refused = await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = "sk_live_not-a-public-key", assistantId = "nope" });

        var problem = await ProblemAssert.NamesFieldAsync(refused, "publicKey");
        problem.GetProperty("errors").TryGetProperty("assistantId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task SendASignedSampleToolCallToTheGymsOwnEndpointAndShowItsAnswer()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = "st-albans-voice-test-0123456789abcdef" })).EnsureSuccessStatusCode();

        var response = await admin.PostAsync("/api/plans/voice-assistant/test", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("url").GetString().ShouldBe($"http://st-albans.{DerrimutWebFactory.RootDomain}/webhooks/vapi/generate-program");
        result.GetProperty("statusCode").GetInt32().ShouldBe(200, "the secret was accepted");
        result.GetProperty("answered").GetBoolean().ShouldBeTrue();
        // The admin is not a member here: the endpoint's own answer is the refusal the agent would read out.
        result.GetProperty("error").GetString()!.ShouldContain("not a member of this gym");
        var sent = JsonDocument.Parse(result.GetProperty("requestBody").GetString()!).RootElement.GetProperty("message");
        sent.GetProperty("type").GetString().ShouldBe("tool-calls");
        var call = sent.GetProperty("toolCallList").EnumerateArray().ShouldHaveSingleItem();
        call.GetProperty("id").GetString().ShouldBe(result.GetProperty("toolCallId").GetString());
        call.GetProperty("function").GetProperty("name").GetString().ShouldBe("generate_program");
        sent.GetProperty("toolWithToolCallList").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task AskForTheSecretBeforeTestingAndKeepTheTestFromMembers()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var refused = await admin.PostAsync("/api/plans/voice-assistant/test", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("secret");

        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.PostAsync("/api/plans/voice-assistant/test", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = PublicKey })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class VoiceAssistantSettingsOnSqliteShould(SqliteDemoAppFixture fixture) : VoiceAssistantSettingsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class VoiceAssistantSettingsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : VoiceAssistantSettingsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
