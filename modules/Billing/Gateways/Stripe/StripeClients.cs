using Stripe;

namespace Derrimut.Billing.Gateways.Stripe;

/// <summary>Builds the one <see cref="StripeClient"/> the platform shares (it is thread-safe and owns an HttpClient).</summary>
internal static class StripeClients
{
    public static StripeClient Create(StripeOptions options) => new(new StripeClientOptions
    {
        // The platform's key is only a default: every call passes the gym's own key in its RequestOptions.
        ApiKey = string.IsNullOrWhiteSpace(options.SecretKey) ? null : options.SecretKey,
        ApiBase = options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(maxNetworkRetries: options.MaxNetworkRetries),
    });
}
