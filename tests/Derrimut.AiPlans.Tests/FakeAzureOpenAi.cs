using System.Text.Json.Nodes;
using Derrimut.AiPlans.Generation;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Derrimut.AiPlans.Tests;

/// <summary>
/// A WireMock fake of Azure OpenAI's chat-completions endpoint for one deployment, as Azure.AI.OpenAI 2.1.0 calls it:
/// <c>POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21</c> with an
/// <c>api-key</c> header. Replies are given in order; the last one repeats.
/// </summary>
internal sealed class FakeAzureOpenAi : IDisposable
{
    public const string Deployment = "plans-gpt-4o-mini";
    public const string ApiKey = "test-api-key-not-a-secret";
    public const string ApiVersion = "2024-10-21";

    private readonly WireMockServer server = WireMockServer.Start();

    public static string CompletionsPath => $"/openai/deployments/{Deployment}/chat/completions";

    public string Url => server.Url!;

    /// <summary>Calls that reached the completions path, in order.</summary>
    public IReadOnlyList<WireMock.Logging.ILogEntry> Calls =>
        [.. server.LogEntries.Where(entry => entry.RequestMessage?.Path == CompletionsPath).OrderBy(entry => entry.RequestMessage!.DateTime)];

    /// <summary>The JSON body of each call, in order.</summary>
    public IReadOnlyList<JsonObject> Bodies => [.. Calls.Select(entry => JsonNode.Parse(entry.RequestMessage!.Body!)!.AsObject())];

    /// <summary>Options pointing at this fake with a short budget, so failure tests stay fast.</summary>
    public AzureOpenAiPlanOptions Options(TimeSpan? budget = null) => new()
    {
        Endpoint = Url,
        Deployment = Deployment,
        ApiKey = ApiKey,
        TimeBudget = budget ?? TimeSpan.FromSeconds(5),
        MaxRetries = 1,
        MaxRetryDelay = TimeSpan.FromSeconds(2),
    };

    /// <summary>Answers successive calls with these replies; the last one answers every further call.</summary>
    public void Reply(params IResponseBuilder[] replies)
    {
        for (var index = 0; index < replies.Length; index++)
        {
            var mapping = server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).InScenario("answers");
            if (index > 0)
            {
                mapping = mapping.WhenStateIs($"call {index + 1}");
            }

            if (index < replies.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"call {index + 2}");
            }

            mapping.RespondWith(replies[index]);
        }
    }

    /// <summary>A chat completion as Azure returns it, with <paramref name="content"/> as the assistant's message text.</summary>
    public static IResponseBuilder Completion(string? content, string finishReason = "stop", string? refusal = null)
    {
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4o-mini-2024-07-18",
            ["system_fingerprint"] = "fp_fake",
            ["prompt_filter_results"] = new JsonArray(new JsonObject { ["prompt_index"] = 0, ["content_filter_results"] = new JsonObject() }),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                ["finish_reason"] = finishReason,
                ["logprobs"] = null,
                ["content_filter_results"] = new JsonObject(),
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 2100, ["completion_tokens"] = 1900, ["total_tokens"] = 4000 },
        };
        return Json(200, body.ToJsonString());
    }

    /// <summary>An Azure error body: <c>{"error":{"code","message"}}</c>.</summary>
    public static IResponseBuilder Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }.ToJsonString());

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public void Dispose() => server.Stop();
}
