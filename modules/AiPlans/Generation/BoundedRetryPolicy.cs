using System.ClientModel.Primitives;

namespace Derrimut.AiPlans.Generation;

/// <summary>
/// System.ClientModel's retry policy (HTTP 408/429/5xx and network errors; it honours <c>retry-after-ms</c>,
/// <c>x-ms-retry-after-ms</c> and <c>Retry-After</c>) with a cap on the wait: when the service asks for longer than
/// <see cref="AzureOpenAiPlanOptions.MaxRetryDelay"/>, the call fails at once instead of sleeping through the
/// member's budget. Azure.AI.OpenAI's default policy made 4 calls over ~8.5 s against a 429 with <c>Retry-After: 1</c>.
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan maxRetryDelay, TimeProvider time) : ClientRetryPolicy(maxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !AsksToWaitTooLong(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !AsksToWaitTooLong(message);

    private bool AsksToWaitTooLong(PipelineMessage message) =>
        message.Response is { } response && RetryAfter(response, time.GetUtcNow()) > maxRetryDelay;

    /// <summary>The wait the service asked for, from the headers Azure OpenAI sends (milliseconds first, as the
    /// Azure SDKs read them), or null when it asked for none.</summary>
    internal static TimeSpan? RetryAfter(PipelineResponse response, DateTimeOffset now)
    {
        foreach (var header in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var milliseconds)
                && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter) || retryAfter is null)
        {
            return null;
        }

        if (int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        // RFC 9110 also allows an HTTP date.
        return DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - now
            : null;
    }
}
