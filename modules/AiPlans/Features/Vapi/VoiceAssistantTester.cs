using System.Diagnostics;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>What the voice settings' test button reports.</summary>
/// <param name="Url">Where the sample call went (the gym's own Vapi endpoint).</param>
/// <param name="Reached">The endpoint answered over HTTP at all.</param>
/// <param name="StatusCode">Its HTTP status (Vapi ignores anything but 200).</param>
/// <param name="ElapsedMs">How long it took (Vapi gives up after 20 s).</param>
/// <param name="ToolCallId">The sample tool call's id.</param>
/// <param name="Result">The result the voice agent would read out, when the endpoint gave one.</param>
/// <param name="Error">The error the voice agent would read out, when the endpoint gave one.</param>
/// <param name="Problem">What went wrong when there is no usable answer (unreachable, refused, not Vapi's shape).</param>
/// <param name="RequestBody">The exact body sent, for the admin to compare with Vapi's logs.</param>
internal sealed record VoiceTestResult(
    string Url, bool Reached, int? StatusCode, long ElapsedMs, string ToolCallId, string? Result, string? Error, string? Problem, string RequestBody)
{
    /// <summary>Vapi would accept this answer: HTTP 200 and a result or error for the tool call it sent.</summary>
    public bool Answered => StatusCode == 200 && (Result is not null || Error is not null);
}

/// <summary>
/// The voice settings' test button: sends a sample <c>tool-calls</c> message to the gym's own Vapi endpoint (its
/// configured public address, as Vapi would reach it) built the way Vapi builds one (integration-facts §3.2: the
/// <c>message</c> envelope with <c>toolCallList</c> and <c>toolWithToolCallList</c>, the call with its assistant
/// overrides' variable values) and signed the way Vapi signs it for this gym (the secret in <c>X-Vapi-Secret</c>, as
/// Vapi's legacy-secret credential sends it), then reports the answer. The sample names the signed-in admin as the
/// caller, so the answer is a real one: for an admin who is not a member here it is the refusal the voice agent would
/// read out; for one who is, a plan is made for them as a real call would.
/// </summary>
internal sealed class VoiceAssistantTester(
    VapiSecrets secrets, DerrimutDbContext db, ISiteAddresses sites, IHttpClientFactory clients, TimeProvider time, VoiceCallTokens tokens)
{
    /// <summary>Vapi's own wait for a tool call's answer (<c>Server.timeoutSeconds</c> defaults to 20).</summary>
    public static readonly TimeSpan VapiTimeout = TimeSpan.FromSeconds(20);

    public async Task<VoiceTestResult> HandleAsync(ClaimsPrincipal admin, CancellationToken cancellationToken)
    {
        var secret = await secrets.CurrentAsync(cancellationToken)
            ?? throw new ConflictException("Set the webhook secret first: the test signs its call with it, as Vapi does.", "secret");
        var settings = await db.Set<VoiceAssistantSettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var url = sites.ForCurrentSite(VapiWebhook.Path);
        var toolCallId = "call_test_" + Guid.NewGuid().ToString("N")[..20];
        // Signed the way a member's page starts a call: a call token issued here for the admin (decision 0060).
        var (callToken, _) = tokens.Issue(admin.RequireUserId());
        var body = SampleToolCall(toolCallId, settings?.AssistantId, callToken, admin.Identity?.Name, time.GetUtcNow());

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Vapi-Secret", secret);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(VapiTimeout);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(AiPlansHttpClients.VoiceAssistantTest).SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var problem = ex is OperationCanceledException
                ? $"No answer within {VapiTimeout.TotalSeconds:0} seconds; Vapi would give up too."
                : $"The endpoint could not be reached: {ex.Message}";
            return new VoiceTestResult(url.ToString(), false, null, Elapsed(started), toolCallId, null, null, problem, body);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Elapsed(started);
            var status = (int)response.StatusCode;
            if (status != 200)
            {
                var why = status == 401
                    ? "The endpoint refused the secret (401): set the same secret here and in Vapi's credential."
                    : $"The endpoint answered HTTP {status}; Vapi ignores any answer that is not 200.";
                return new VoiceTestResult(url.ToString(), true, status, elapsed, toolCallId, null, null, why, body);
            }

            var (result, error) = ReadAnswer(text, toolCallId);
            return new VoiceTestResult(url.ToString(), true, status, elapsed, toolCallId, result, error,
                result is null && error is null ? "The answer has no result for the tool call that was sent, so Vapi would have nothing to say." : null, body);
        }
    }

    /// <summary>
    /// The test call's connection: ordinary DNS, except that <c>*.localhost</c> (the development and test sites,
    /// <c>st-albans.derrimut.localhost</c>) is the loopback address, as RFC 6761 reserves it and browsers treat it;
    /// the system resolver does not know these subdomains.
    /// </summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
                {
                    await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                }
                else
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                }

                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>A <c>tool-calls</c> server message for the "generate my program" tool, as Vapi sends it.</summary>
    internal static string SampleToolCall(string toolCallId, string? assistantId, string callToken, string? memberName, DateTimeOffset now)
    {
        var arguments = new JsonObject
        {
            ["age"] = "thirty two",
            ["gender"] = "woman",
            ["height"] = "168 cm",
            ["weight"] = "64 kilos",
            ["injuries"] = "none",
            ["workout_days"] = "3",
            ["fitness_goal"] = "get fitter",
            ["fitness_level"] = "beginner",
            ["activity_level"] = "lightly active",
            ["dietary_restrictions"] = "none",
            ["allergies"] = "none",
        };
        var function = new JsonObject { ["name"] = "generate_program", ["arguments"] = arguments.DeepClone() };
        var message = new JsonObject
        {
            ["type"] = "tool-calls",
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["toolCallList"] = new JsonArray(new JsonObject { ["id"] = toolCallId, ["type"] = "function", ["function"] = function.DeepClone() }),
            ["toolWithToolCallList"] = new JsonArray(new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = "generate_program", ["description"] = "Makes the member's workout and diet plan from their answers." },
                ["async"] = false,
                ["toolCall"] = new JsonObject { ["id"] = toolCallId, ["type"] = "function", ["function"] = function.DeepClone() },
            }),
            ["call"] = new JsonObject
            {
                ["id"] = "test-" + toolCallId,
                ["type"] = "webCall",
                ["assistantId"] = assistantId,
                ["assistantOverrides"] = new JsonObject
                {
                    ["variableValues"] = new JsonObject { [VoiceCallTokens.VariableName] = callToken, ["full_name"] = memberName ?? "Test caller" },
                },
            },
            ["assistant"] = new JsonObject { ["id"] = assistantId },
        };
        return new JsonObject { ["message"] = message }.ToJsonString();
    }

    private static (string? Result, string? Error) ReadAnswer(string text, string toolCallId)
    {
        try
        {
            if (JsonNode.Parse(text)?["results"] is JsonArray results
                && results.OfType<JsonObject>().FirstOrDefault(r => (string?)r["toolCallId"] == toolCallId) is { } answer)
            {
                return (answer["result"]?.ToString(), answer["error"]?.ToString());
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: reported as "no result" below.
        }

        return (null, null);
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
