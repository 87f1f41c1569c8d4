using System.ClientModel.Primitives;

namespace Derrimut.AiPlans.Generation;

/// <summary>
/// System.ClientModel's retry policy (HTTP 408/429/5xx and network errors, exponential backoff from ~0.8 s) with
/// two changes for a caller on a short budget:
/// <list type="bullet">
/// <item>it waits as long as the service asks in any header Azure OpenAI sends — <c>retry-after-ms</c>,
/// <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> in seconds or as an HTTP date; the base policy (1.15) reads
/// only <c>Retry-After</c> in whole seconds;</item>
/// <item>when the service asks for longer than <see cref="AzureOpenAiPlanOptions.MaxRetryDelay"/>, it gives up at
/// once: the offline plan now beats an AI plan after the budget. Azure.AI.OpenAI's default policy made 4 calls
/// over ~8.5 s against a 429 with <c>Retry-After: 1</c>.</item>
/// </list>
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan maxRetryDelay, TimeProvider time) : ClientRetryPolicy(maxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !AsksToWaitTooLong(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !AsksToWaitTooLong(message);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        message.Response is { } response && RetryAfter(response, time.GetUtcNow()) is { } asked && asked > TimeSpan.Zero
            ? asked
            : base.GetNextDelay(message, tryCount);

    private bool AsksToWaitTooLong(PipelineMessage message) =>
        message.Response is { } response && RetryAfter(response, time.GetUtcNow()) > maxRetryDelay;

    /// <summary>The wait the service asked for (milliseconds headers first, as the Azure SDKs read them), or null
    /// when it asked for none.</summary>
    private static TimeSpan? RetryAfter(PipelineResponse response, DateTimeOffset now)
    {
        foreach (var header in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var milliseconds)
                && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter) || retryAfter is null)
        {
            return null;
        }

        if (int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        // RFC 9110 also allows an HTTP date; one already past means "now".
        return DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }
}
