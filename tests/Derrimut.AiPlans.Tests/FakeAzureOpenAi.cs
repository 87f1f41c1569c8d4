using System.Text.Json.Nodes;
using Derrimut.AiPlans.Generation;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Derrimut.AiPlans.Tests;

/// <summary>One canned answer of the fake: status, JSON body, extra headers and an optional delay before answering.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay)
{
    public FakeReply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    public FakeReply After(TimeSpan delay) => this with { Delay = delay };
}

/// <summary>
/// A WireMock fake of Azure OpenAI's chat-completions endpoint for one deployment, as Azure.AI.OpenAI 2.1.0 calls it:
/// <c>POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21</c> with an
/// <c>api-key</c> header. Replies are given in order and the last one repeats. Calls are counted and recorded when
/// they arrive (WireMock's own scenario state and log are updated only after it has answered, which races a client
/// that sends its next request at once).
/// </summary>
internal sealed class FakeAzureOpenAi : IDisposable
{
    public const string Deployment = "plans-gpt-4o-mini";
    public const string ApiKey = "test-api-key-not-a-secret";
    public const string ApiVersion = "2024-10-21";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IRequestMessage> calls = [];
    private FakeReply[] replies = [];
    private bool disposed;

    public static string CompletionsPath => $"/openai/deployments/{Deployment}/chat/completions";

    public string Url => server.Url!;

    /// <summary>Calls that reached the completions endpoint, in order of arrival.</summary>
    public IReadOnlyList<IRequestMessage> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The JSON body of each call, in order.</summary>
    public IReadOnlyList<JsonObject> Bodies => [.. Calls.Select(call => JsonNode.Parse(call.Body!)!.AsObject())];

    /// <summary>Options pointing at this fake. The default budget is generous so that only the timeout tests time
    /// out, even on a loaded machine.</summary>
    public AzureOpenAiPlanOptions Options(TimeSpan? budget = null) => new()
    {
        Endpoint = Url,
        Deployment = Deployment,
        ApiKey = ApiKey,
        TimeBudget = budget ?? TimeSpan.FromSeconds(60),
        MaxRetries = 1,
        MaxRetryDelay = TimeSpan.FromSeconds(2),
    };

    /// <summary>Answers successive calls with these replies; the last one answers every further call.</summary>
    public void Reply(params FakeReply[] answers)
    {
        replies = answers;
        server.Given(Request.Create().WithPath(CompletionsPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    /// <summary>A chat completion as Azure returns it, with <paramref name="content"/> as the assistant's message text.</summary>
    public static FakeReply Completion(string? content, string finishReason = "stop", string? refusal = null)
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
    public static FakeReply Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }.ToJsonString());

    public static FakeReply Json(int status, string body) =>
        new(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, TimeSpan.Zero);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Release replies still waiting out a delay, so the server stops at once.
        stopping.Cancel();
        server.Stop();
        server.Dispose();
        stopping.Dispose();
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        int index;
        lock (calls)
        {
            calls.Add(request);
            index = calls.Count - 1;
        }

        var reply = replies[Math.Min(index, replies.Length - 1)];
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // The test is over; nobody is waiting for this answer.
            }
        }

        return new ResponseMessage
        {
            StatusCode = reply.Status,
            Headers = reply.Headers.ToDictionary(header => header.Key, header => new WireMockList<string>(header.Value)),
            BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
        };
    }
}
