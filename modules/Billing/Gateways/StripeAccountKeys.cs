using Microsoft.Extensions.Options;

namespace Derrimut.Billing.Gateways;

/// <summary>
/// The keys of the Stripe account a gym is paid through: its own, its franchise's, or the platform's.
/// <see cref="ToString"/> hides them so that a logged record never leaks a key.
/// </summary>
/// <param name="SecretKey">The secret API key; null under the simulated gateway, which calls no API.</param>
/// <param name="WebhookSecret">The signing secret of the gym's webhook endpoint (<c>whsec_…</c>).</param>
internal sealed record StripeAccountKeys(string? SecretKey, string WebhookSecret)
{
    /// <inheritdoc />
    public override string ToString() => $"StripeAccountKeys {{ SecretKey = {(SecretKey is null ? "none" : "***")}, WebhookSecret = *** }}";
}

/// <summary>
/// Finds the Stripe keys for a gym. The configuration-backed default serves every gym with the platform's keys;
/// per-gym keys (tenant settings, encrypted at rest, location → franchise → platform) replace it without changing
/// the gateways.
/// </summary>
internal interface IStripeKeyResolver
{
    /// <summary>The keys for <paramref name="tenantId"/>.</summary>
    /// <exception cref="PaymentGatewayException">No keys are configured for the gym (<see cref="PaymentGatewayFailure.Misconfigured"/>).</exception>
    ValueTask<StripeAccountKeys> ResolveAsync(Guid tenantId, CancellationToken cancellationToken);
}

/// <summary>Every gym uses the platform's keys from <c>Billing:Stripe</c>.</summary>
internal sealed class ConfigurationStripeKeyResolver(IOptionsMonitor<BillingOptions> options) : IStripeKeyResolver
{
    /// <summary>
    /// The signing secret the simulated gateway uses when <c>Billing:Stripe:WebhookSecret</c> is not set, so that
    /// <c>dotnet run</c> works with nothing configured. It only guards simulated payments, which move no money, and
    /// every node of a cluster must agree on it (a node signs, any node verifies), so it is a constant, not random.
    /// </summary>
    public const string SimulatedWebhookSecret = "whsec_derrimut_simulated_development";

    /// <inheritdoc />
    public ValueTask<StripeAccountKeys> ResolveAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var stripe = options.CurrentValue.Stripe;
        var secretKey = string.IsNullOrWhiteSpace(stripe.SecretKey) ? null : stripe.SecretKey;
        var webhookSecret = string.IsNullOrWhiteSpace(stripe.WebhookSecret) ? null : stripe.WebhookSecret;
        if (webhookSecret is null && secretKey is not null)
        {
            throw new PaymentGatewayException(PaymentGatewayFailure.Misconfigured, "Billing:Stripe:WebhookSecret is not set.");
        }

        return ValueTask.FromResult(new StripeAccountKeys(secretKey, webhookSecret ?? SimulatedWebhookSecret));
    }
}
