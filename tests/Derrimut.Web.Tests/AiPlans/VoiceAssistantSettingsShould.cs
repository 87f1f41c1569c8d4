using System.Text.Json;
using Derrimut.AiPlans.Features.Vapi;
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
        // The call token names the admin, who is not a member here: the endpoint's own answer is the one refusal every unknown caller gets.
        result.GetProperty("error").GetString()!.ShouldBe(VapiWebhook.UnknownCaller);
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

    [Fact]
    public async Task AuditEachChangeInOneRowNamingThePersonAndNeverTheSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await App.SignedInAsync($"admin@coburg.{D}", "coburg");
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me", ct);
        var coburg = await TenantIdAsync("coburg");
        var publicKey = Guid.NewGuid().ToString();
        var before = await EntriesAsync(coburg);

        (await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var afterIds = await EntriesAsync(coburg);
        var ids = afterIds.ExceptBy(before.Select(e => e.Id), e => e.Id).ShouldHaveSingleItem();
        ids.ActorId.ShouldBe(me.GetProperty("id").GetGuid());
        ids.ActorName.ShouldBe($"{me.GetProperty("displayName").GetString()} (admin@coburg.{D})");
        ids.Action.ShouldBe("ids-changed");
        ids.Detail.ShouldStartWith("Public key ");
        ids.Detail.ShouldEndWith($" → {publicKey}.");
        ids.Detail.ShouldNotContain("assistant id", Case.Insensitive);

        // Saving the same values again changes nothing, so it records nothing.
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntriesAsync(coburg)).Count.ShouldBe(afterIds.Count);

        var secret = $"coburg-voice-{Guid.NewGuid():N}";
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = secret + "-2" }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var secrets = (await EntriesAsync(coburg)).ExceptBy(afterIds.Select(e => e.Id), e => e.Id).OrderBy(e => e.At).ToList();
        secrets.Count.ShouldBe(2);
        secrets[0].Detail.ShouldBeOneOf("Webhook secret set.", "Webhook secret replaced.");
        secrets[1].Detail.ShouldBe("Webhook secret replaced.");
        JsonSerializer.Serialize(secrets).ShouldNotContain(secret[^16..]);
        var changes = await admin.GetFromJsonAsync<JsonElement>("/api/plans/voice-assistant/changes", ct);
        changes[0].GetProperty("detail").GetString().ShouldBe("Webhook secret replaced.");
        changes[0].GetProperty("actorName").GetString().ShouldBe(ids.ActorName);
        changes.ToString().ShouldNotContain(secret[^16..]);
    }

    [Fact]
    public async Task WriteNoAuditRowForARefusedChange()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await App.SignedInAsync($"admin@coburg.{D}", "coburg");
        var coburg = await TenantIdAsync("coburg");
        var before = (await EntriesAsync(coburg)).Count;

        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = "sk_live_private", assistantId = AssistantId }, ct), "publicKey");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/plans/voice-assistant/secret", new { secret = "short" }, ct), "secret");

        (await EntriesAsync(coburg)).Count.ShouldBe(before);
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.GetAsync("/api/plans/voice-assistant/changes", ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<List<VoiceAssistantAuditEntry>> EntriesAsync(Guid locationId) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsPlatformAsync((sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<VoiceAssistantAuditEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.TenantId == locationId).ToListAsync(ct));

    private async Task<Guid> TenantIdAsync(string identifier) =>
        (await App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(identifier, TestContext.Current.CancellationToken)).ShouldNotBeNull().Id;
}

public sealed class VoiceAssistantSettingsOnSqliteShould(SqliteDemoAppFixture fixture) : VoiceAssistantSettingsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class VoiceAssistantSettingsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : VoiceAssistantSettingsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
