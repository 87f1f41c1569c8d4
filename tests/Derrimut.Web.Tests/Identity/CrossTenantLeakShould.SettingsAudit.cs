using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The leak suite's settings-history part (decision 0050): a location's payment and voice settings history is read
/// at that location only, a franchise's at that franchise only — never by another gym's admin, at their own site or at
/// ours, and never by the other franchise.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task KeepEachGymsSettingsHistoryToThatGym()
    {
        var app = fixture.App;
        var ct = TestContext.Current.CancellationToken;
        var locationKey = $"pk_test_leak{Guid.NewGuid():N}";
        var franchiseKey = $"pk_test_leak{Guid.NewGuid():N}";
        var voiceKey = Guid.NewGuid().ToString();
        var stAlbansAdmin = await app.SignedInAsync($"admin@st-albans.{D}", Home);
        var franchiseAdmin = await app.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        // What is set now, put back afterwards: the suite's other tests share this app.
        var voice = await JsonAsync(await stAlbansAdmin.GetAsync("/api/plans/voice-assistant", ct));
        var assistantId = StringOrNull(voice, "assistantId");
        var oldVoiceKey = StringOrNull(voice, "publicKey") ?? "";
        var oldLocationKey = OwnPublishableKey(await JsonAsync(await stAlbansAdmin.GetAsync("/api/billing/stripe-account", ct)));
        var oldFranchiseKey = OwnPublishableKey(await JsonAsync(await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"), ct)));
        (await stAlbansAdmin.PutAsJsonAsync("/api/billing/stripe-account", new { publishableKey = locationKey }, ct)).EnsureSuccessStatusCode();
        (await stAlbansAdmin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = voiceKey, assistantId }, ct)).EnsureSuccessStatusCode();
        (await franchiseAdmin.PutAsJsonAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"), new { publishableKey = franchiseKey }, ct)).EnsureSuccessStatusCode();
        try
        {
            (await JsonAsync(await stAlbansAdmin.GetAsync("/api/billing/stripe-account/changes", ct))).ToString().ShouldContain(locationKey);
            (await JsonAsync(await stAlbansAdmin.GetAsync("/api/plans/voice-assistant/changes", ct))).ToString().ShouldContain(voiceKey);
            (await JsonAsync(await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account/changes"), ct))).ToString()
                .ShouldContain(franchiseKey);

            // Werribee's admin (same franchise, other location): not in Werribee's history, and no way into ours.
            var werribeeAdmin = await app.SignedInAsync($"admin@werribee.{D}", "werribee");
            foreach (var path in new[] { "/api/billing/stripe-account/changes", "/api/plans/voice-assistant/changes" })
            {
                var own = (await JsonAsync(await werribeeAdmin.GetAsync(SignedInClients.At("werribee", path), ct))).ToString();
                own.ShouldNotContain(locationKey);
                own.ShouldNotContain(voiceKey);
                own.ShouldNotContain(franchiseKey);
                own.ShouldNotContain($"admin@st-albans.{D}");
                (await werribeeAdmin.GetAsync(SignedInClients.At(Home, path), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            }

            // The other franchise: its franchise site and its gym show none of ours, and ours refuse its admin.
            var superadmin = await app.SignedInAsync($"superadmin@{D}", "northside");
            var northside = (await JsonAsync(await superadmin.GetAsync(SignedInClients.At("northside", "/api/billing/stripe-account/changes"), ct))).ToString();
            northside.ShouldNotContain(franchiseKey);
            northside.ShouldNotContain($"franchise-admin@{D}");
            var coburgAdmin = await app.SignedInAsync($"admin@coburg.{D}", "coburg");
            foreach (var path in new[] { "/api/billing/stripe-account/changes", "/api/plans/voice-assistant/changes" })
            {
                var coburg = (await JsonAsync(await coburgAdmin.GetAsync(SignedInClients.At("coburg", path), ct))).ToString();
                coburg.ShouldNotContain(locationKey);
                coburg.ShouldNotContain(voiceKey);
                coburg.ShouldNotContain(franchiseKey);
            }

            (await coburgAdmin.GetAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account/changes"), ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await coburgAdmin.GetAsync(SignedInClients.At(Home, "/api/plans/voice-assistant/changes"), ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }
        finally
        {
            (await stAlbansAdmin.PutAsJsonAsync("/api/billing/stripe-account", new { publishableKey = oldLocationKey }, ct)).EnsureSuccessStatusCode();
            (await stAlbansAdmin.PutAsJsonAsync("/api/plans/voice-assistant", new { publicKey = oldVoiceKey, assistantId }, ct)).EnsureSuccessStatusCode();
            (await franchiseAdmin.PutAsJsonAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"), new { publishableKey = oldFranchiseKey }, ct)).EnsureSuccessStatusCode();
        }
    }

    private static string OwnPublishableKey(JsonElement account) =>
        account.TryGetProperty("own", out var own) && own.ValueKind == JsonValueKind.Object ? StringOrNull(own, "publishableKey") ?? "" : "";

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
