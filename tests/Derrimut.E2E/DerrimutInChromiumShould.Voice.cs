using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Derrimut.E2E;

/// <summary>
/// The member's voice consultation (decision 0060): the button where the gym has set up its assistant (and why not
/// where it has not), Vapi's web SDK from the app's own origin, the call started with the token Derrimut issued (Vapi's
/// servers are out of reach here, so the call's first request is caught and refused, and the page says so), and the
/// plan the webhook makes from a tool call carrying that token appearing on the open page.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    private const string VoicePublicKey = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string VoiceAssistantId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    private const string VoiceSecret = "st-albans-e2e-voice-secret-0123456789";

    [Fact]
    public async Task LetAMemberStartTheVoiceConsultationAndSeeThePlanItMakesArriveLive()
    {
        // A gym without a voice assistant: the button is there, disabled, with the reason beside it.
        var (otherContext, otherPage, otherErrors) = await fixture.NewPageAsync(1280, 900);
        await using var _ = otherContext;
        await otherPage.GotoAsync(Server.Site("werribee") + "/member/plans/new");
        await SignInAsync(otherPage, $"member@werribee.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(otherPage.GetByTestId("generate-plan")).ToBeEnabledAsync();
        await Expect(otherPage.GetByTestId("start-voice")).ToBeDisabledAsync();
        await Expect(otherPage.GetByTestId("voice-unavailable")).ToContainTextAsync("has not set up its voice assistant");
        await Accessibility.CheckAsync(otherPage, "voice-unavailable");

        // St Albans' admin sets the assistant up on /admin/voice.
        var (adminContext, adminPage, adminErrors) = await fixture.NewPageAsync(1280, 900);
        await using var __ = adminContext;
        await adminPage.GotoAsync(Server.Site("st-albans") + "/admin/voice");
        await SignInAsync(adminPage, $"admin@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(adminPage.GetByTestId("save-voice")).ToBeEnabledAsync();
        await adminPage.Locator("#public-key").FillAsync(VoicePublicKey);
        await adminPage.Locator("#assistant-id").FillAsync(VoiceAssistantId);
        await adminPage.GetByTestId("save-voice").ClickAsync();
        await adminPage.Locator("#voice-secret").FillAsync(VoiceSecret);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Set secret" }).ClickAsync();
        await Expect(adminPage.GetByText("The secret is set.")).ToBeVisibleAsync();

        // The member's page: every request it makes is recorded; the call's first request to Vapi is caught.
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var ___ = context;
        var site = Server.Site("st-albans");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        var vapiCall = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("https://api.vapi.ai/**", async route =>
        {
            vapiCall.TrySetResult(route.Request.PostData is { } body ? JsonNode.Parse(body) : null);
            await route.AbortAsync("internetdisconnected");
        });

        await page.GotoAsync(site + "/member/plans/new");
        await SignInAsync(page, $"member2@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByTestId("start-voice")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("voice-unavailable")).ToHaveCountAsync(0);
        // The import map may name the fingerprinted copy (voice-call.<hash>.js).
        requests.ShouldContain(url => url.StartsWith($"{site}/_content/Derrimut.AiPlans/voice/voice-call.", StringComparison.Ordinal) && url.EndsWith(".js", StringComparison.Ordinal),
            "the SDK bundle comes from the app's own origin");
        requests.ShouldAllBe(url => url.StartsWith(site + "/", StringComparison.Ordinal), "nothing loads from a CDN");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "voice-ready");

        await page.GetByTestId("start-voice").ClickAsync();
        if (await Task.WhenAny(vapiCall.Task, Task.Delay(TimeSpan.FromSeconds(30))) != vapiCall.Task)
        {
            Assert.Fail($"No request reached Vapi. Page says: {await page.GetByTestId("voice-status").InnerTextAsync()}. Errors: {string.Join(" | ", errors)}");
        }

        var sent = (await vapiCall.Task).ShouldNotBeNull();
        await Expect(page.GetByTestId("voice-status")).ToContainTextAsync("The voice call did not work");
        await Expect(page.GetByTestId("start-voice")).ToBeEnabledAsync();
        await Accessibility.CheckAsync(page, "voice-failed");
        sent["assistantId"]?.GetValue<string>().ShouldBe(VoiceAssistantId);
        var callToken = sent["assistantOverrides"]?["variableValues"]?["call_token"]?.GetValue<string>();
        callToken.ShouldNotBeNullOrWhiteSpace("the call carries the token Derrimut issued, nothing naming the member");
        sent.ToJsonString().ShouldNotContain("member2@", Case.Insensitive);

        // Vapi's tool call for that call, signed with the gym's secret: the plan appears on the open page.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Server.Port}/webhooks/vapi/generate-program")
        {
            Content = new StringContent(ToolCall(callToken!), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = $"st-albans.{DerrimutServer.RootDomain}:{Server.Port}";
        request.Headers.Add("X-Vapi-Secret", VoiceSecret);
        using var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, text);
        JsonNode.Parse(text)!["results"]![0]!["result"].ShouldNotBeNull(text);

        await Expect(page.GetByTestId("voice-new-plan")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("voice-status")).ToContainTextAsync("is ready");
        await Accessibility.CheckAsync(page, "voice-plan-arrived");
        await Screenshots.SaveAsync(page, "20-voice-plan-arrived");
        await page.GetByTestId("voice-new-plan").ClickAsync();
        await Expect(page).ToHaveURLAsync(site + "/member/plans");

        errors.ShouldBeEmpty();
        otherErrors.ShouldBeEmpty();
        adminErrors.ShouldBeEmpty();
    }

    /// <summary>A <c>tool-calls</c> message as Vapi sends it for a call started with <paramref name="callToken"/>.</summary>
    private static string ToolCall(string callToken)
    {
        var arguments = new JsonObject
        {
            ["age"] = "thirty one", ["gender"] = "woman", ["height"] = "170 cm", ["weight"] = "66 kilos", ["injuries"] = "none",
            ["workout_days"] = "3", ["fitness_goal"] = "general fitness", ["fitness_level"] = "beginner",
            ["activity_level"] = "lightly active", ["dietary_restrictions"] = "none", ["allergies"] = "none",
        };
        var message = new JsonObject
        {
            ["type"] = "tool-calls",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["toolCallList"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_e2e_voice", ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = "generate_program", ["arguments"] = arguments },
            }),
            ["call"] = new JsonObject
            {
                ["id"] = "e2e-web-call", ["type"] = "webCall", ["assistantId"] = VoiceAssistantId,
                ["assistantOverrides"] = new JsonObject { ["variableValues"] = new JsonObject { ["call_token"] = callToken } },
            },
        };
        return new JsonObject { ["message"] = message }.ToJsonString(new JsonSerializerOptions());
    }
}
