using Derrimut.BuildingBlocks.Http;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The leak suite's idempotency part (decision 0068): stored answers are keyed by gym as well as caller and key, so
/// the same person sending the same key with the same request at two gyms gets each gym's own answer — never the other
/// gym's replayed.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task NeverReplayOneGymsStoredAnswerAtAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var franchiseAdmin = await fixture.App.SignedInAsync($"franchise-admin@{D}", Home);
        var key = Guid.NewGuid().ToString();
        var publicKey = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PutVoiceAsync(string gym, string voiceKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, SignedInClients.At(gym, "/api/plans/voice-assistant"))
            {
                Content = JsonContent.Create(new { publicKey = voiceKey, assistantId = (string?)null }),
            };
            request.Headers.Add(IdempotencyKeys.HeaderName, key);
            return await franchiseAdmin.SendAsync(request, ct);
        }

        // What is set now, put back afterwards: the suite's other tests share this app.
        var before = new Dictionary<string, (string PublicKey, string? AssistantId)>(StringComparer.Ordinal);
        foreach (var gym in new[] { Home, "werribee" })
        {
            var voice = await (await franchiseAdmin.GetAsync(SignedInClients.At(gym, "/api/plans/voice-assistant"), ct)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
            before[gym] = (Text(voice, "publicKey") ?? "", Text(voice, "assistantId"));
        }

        try
        {
            var atHome = await PutVoiceAsync(Home, publicKey);
            var atWerribee = await PutVoiceAsync("werribee", publicKey);
            var retryAtHome = await PutVoiceAsync(Home, publicKey);

            atHome.IsSuccessStatusCode.ShouldBeTrue(await atHome.Content.ReadAsStringAsync(ct));
            atWerribee.IsSuccessStatusCode.ShouldBeTrue(await atWerribee.Content.ReadAsStringAsync(ct));
            atWerribee.Headers.Contains(IdempotencyKeys.ReplayedHeaderName).ShouldBeFalse("werribee must run its own write, not replay st-albans'");
            retryAtHome.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
            (await franchiseAdmin.GetStringAsync(SignedInClients.At("werribee", "/api/plans/voice-assistant"), ct)).ShouldContain(publicKey);
        }
        finally
        {
            foreach (var (gym, old) in before)
            {
                (await franchiseAdmin.PutAsJsonAsync(SignedInClients.At(gym, "/api/plans/voice-assistant"), new { publicKey = old.PublicKey, assistantId = old.AssistantId }, ct))
                    .EnsureSuccessStatusCode();
            }
        }

        static string? Text(System.Text.Json.JsonElement json, string name) =>
            json.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
    }
}
