namespace Derrimut.AiPlans.Generation;

/// <summary>
/// Configuration section <c>AiPlans:AzureOpenAI</c>. With no endpoint every plan comes from the offline generator.
/// The key comes from configuration or the environment (<c>AiPlans__AzureOpenAI__ApiKey</c>), never from source.
/// </summary>
internal sealed class AzureOpenAiPlanOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "AiPlans:AzureOpenAI";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c> (the client adds
    /// <c>/openai/deployments/{deployment}/chat/completions</c> itself).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The deployment name of a model that supports JSON-schema structured output (gpt-4o-mini, gpt-4o, …).</summary>
    public string? Deployment { get; set; }

    /// <summary>The resource's API key, sent as the <c>api-key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The most time the AI path may take, first answer, retries and repair included, before the offline generator
    /// takes over. 12 s by default: Vapi waits 20 s for a tool result, and the webhook still has to save the plan
    /// and answer. Callers without that limit (the web form) can pass a longer budget per call.
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries of one call on HTTP 408/429/5xx or a network error, inside the budget. One by default: a second
    /// retry rarely fits a 12 s budget and the offline plan is a good answer.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>The longest <c>Retry-After</c> worth waiting for; a longer one means the offline plan now beats an AI
    /// plan later, so the call fails at once.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sampling temperature: low, because the plan must follow hard rules rather than be creative.</summary>
    public float Temperature { get; set; } = 0.2f;

    /// <summary>True when there is enough configuration to call the service.</summary>
    public bool IsConfigured => ConfigurationProblem() is null;

    /// <summary>Why the AI path cannot be used, in the words a plan's record shows; null when it can.</summary>
    public string? ConfigurationProblem()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            return "no AI service configured";
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            return $"AI service misconfigured: {Section}:Endpoint is not an absolute http(s) URL";
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            return $"AI service misconfigured: {Section}:Deployment is not set";
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            return $"AI service misconfigured: {Section}:ApiKey is not set";
        }

        if (TimeBudget <= TimeSpan.Zero || MaxRetries < 0 || MaxRetryDelay < TimeSpan.Zero)
        {
            return $"AI service misconfigured: {Section}:TimeBudget must be positive and MaxRetries, MaxRetryDelay not negative";
        }

        return null;
    }
}
