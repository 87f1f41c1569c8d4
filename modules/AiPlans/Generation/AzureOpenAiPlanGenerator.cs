using System.ClientModel;
using Azure.AI.OpenAI;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Microsoft.Extensions.AI;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAiResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace Derrimut.AiPlans.Generation;

/// <summary>
/// Asks an Azure OpenAI deployment for a plan with JSON-schema structured output (strict) from
/// <see cref="PlanJsonSchema"/>. One instance per process: the underlying client is thread-safe and pools connections.
/// </summary>
/// <remarks>
/// The call goes through Microsoft.Extensions.AI's <see cref="IChatClient"/> over Azure.AI.OpenAI's chat client.
/// Azure.AI.OpenAI 2.1.0 calling its own <c>ChatClient.CompleteChatAsync(messages, options)</c> throws
/// <c>MissingMethodException</c> (<c>ChatCompletionOptions.get_SerializedAdditionalRawData</c>) with OpenAI 2.14.0,
/// the version Microsoft.Extensions.AI.OpenAI 10.11 needs — with or without options. MEAI sends through the protocol
/// method, which works; the tests exercise this whole stack against a fake of the service.
/// </remarks>
internal sealed class AzureOpenAiPlanGenerator : IPlanGenerator, IDisposable
{
    public const string GeneratorName = "azure-openai";

    private static readonly BinaryData Schema = BinaryData.FromString(PlanJsonSchema.Json);

    private readonly IChatClient chat;
    private readonly string deployment;
    private readonly float temperature;

    public AzureOpenAiPlanGenerator(AzureOpenAiPlanOptions options, TimeProvider time)
    {
        if (options.ConfigurationProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        deployment = options.Deployment!;
        temperature = options.Temperature;
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new BoundedRetryPolicy(options.MaxRetries, options.MaxRetryDelay, time),

            // NetworkTimeout (per try, 100 s by default) is left alone: the composer's budget cancels the whole call,
            // and a shorter per-try timeout would only race it and report the wrong reason.
        };
        chat = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), clientOptions)
            .GetChatClient(deployment)
            .AsIChatClient();
    }

    public string Name => GeneratorName;

    public async Task<PlanAnswer> AnswerAsync(PlanRequest request, PlanRepair? repair, CancellationToken cancellationToken)
    {
        List<AiChatMessage> messages =
        [
            new(ChatRole.System, PlanPrompt.System(request)),
            new(ChatRole.User, PlanPrompt.User(request)),
        ];
        if (repair is not null)
        {
            // The rejected answer goes back as the assistant's turn so the model corrects its own plan.
            messages.Add(new(ChatRole.Assistant, string.IsNullOrEmpty(repair.PreviousAnswer) ? "(no answer)" : repair.PreviousAnswer));
            messages.Add(new(ChatRole.User, PlanPrompt.Repair(repair.Errors)));
        }

        var options = new ChatOptions
        {
            Temperature = temperature,

            // MEAI's own ChatResponseFormat.ForJsonSchema sends no "strict": true (nor does its "strictJsonSchema"
            // additional property in 10.11), so the OpenAI options are supplied directly. A new instance per call:
            // MEAI fills in the rest of it.
            RawRepresentationFactory = _ => new ChatCompletionOptions
            {
                ResponseFormat = OpenAiResponseFormat.CreateJsonSchemaFormat(PlanJsonSchema.Name, Schema, jsonSchemaIsStrict: true),
            },
        };

        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (Describe(exception, cancellationToken) is { } reason)
        {
            throw new PlanServiceException(reason, exception);
        }

        var tokens = response.Usage?.TotalTokenCount;
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return PlanAnswer.WithheldBecause("AI service's content filter withheld the plan", tokens);
        }

        // A structured-output refusal arrives as message.refusal with no content; MEAI surfaces it as ErrorContent.
        if (response.Messages.SelectMany(message => message.Contents).OfType<ErrorContent>().FirstOrDefault() is { } refusal)
        {
            return PlanAnswer.WithheldBecause($"AI model declined to write the plan: {refusal.Message}", tokens);
        }

        return new PlanAnswer(response.Text, null, tokens);
    }

    public void Dispose() => chat.Dispose();

    /// <summary>A short reason for a failed call, or null for the caller's own cancellation (or the budget running
    /// out), which is not the service's failure and must propagate as it is.</summary>
    private string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => "AI service did not answer within the network timeout",
        AggregateException { InnerExceptions.Count: > 0 } retries => $"{Describe(retries.InnerExceptions[^1], cancellationToken)} (after {retries.InnerExceptions.Count} tries)",
        ClientResultException { Status: 0 } unreachable => $"AI service could not be reached: {(unreachable.InnerException ?? unreachable).Message}",
        ClientResultException failed => DescribeStatus(failed),
        HttpRequestException unreachable => $"AI service could not be reached: {unreachable.Message}",
        JsonException => "AI service's response could not be read",
        _ => null,
    };

    private string DescribeStatus(ClientResultException exception)
    {
        var code = ErrorCode(exception);
        return exception.Status switch
        {
            400 when code is "content_filter" => "AI service's content filter blocked the request (HTTP 400)",
            401 or 403 => $"AI service rejected the API key (HTTP {exception.Status})",
            404 => $"AI deployment '{deployment}' was not found (HTTP 404)",
            429 => "AI service is rate-limiting requests (HTTP 429)",
            >= 500 => $"AI service failed (HTTP {exception.Status})",
            _ => $"AI service rejected the request (HTTP {exception.Status}{(code is null ? string.Empty : $", {code}")})",
        };
    }

    /// <summary>Azure's error body: <c>{"error":{"code":"content_filter","message":…}}</c>.</summary>
    private static string? ErrorCode(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return null;
            }

            using var body = JsonDocument.Parse(content);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page): the status alone describes the failure.
            return null;
        }
    }
}
