namespace Derrimut.Billing.Gateways;

/// <summary>The <c>Billing</c> configuration section.</summary>
internal sealed class BillingOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Billing";

    /// <summary>
    /// <c>Stripe</c> or <c>Simulated</c>; when unset, Stripe if <c>Billing:Stripe:SecretKey</c> is set, else Simulated
    /// (but never Simulated by default in Production, see <see cref="GatewaySelection"/>).
    /// </summary>
    public string? Gateway { get; set; }

    /// <summary>The <c>Billing:Stripe</c> section.</summary>
    public StripeOptions Stripe { get; set; } = new();
}

/// <summary>The <c>Billing:Stripe</c> section: the platform's Stripe account, the fallback for every gym.</summary>
internal sealed class StripeOptions
{
    /// <summary>Stripe's API, which Stripe.net appends <c>/v1/…</c> to.</summary>
    public const string DefaultApiBase = "https://api.stripe.com";

    /// <summary>The secret API key (<c>sk_live_…</c>, <c>sk_test_…</c> or a restricted <c>rk_…</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is; tests and local tools point it at a fake (no trailing slash).</summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>
    /// Stripe.net's own retries of connection errors, 409s and 5xx (with the same idempotency key, so they are safe);
    /// 0 in tests so that a fake's error is seen once.
    /// </summary>
    public int MaxNetworkRetries { get; set; } = 2;
}

/// <summary>Which gateway the platform runs, decided once at startup from configuration.</summary>
internal static class GatewaySelection
{
    /// <summary>Chooses the gateway, or explains why the configuration is unusable.</summary>
    /// <param name="options">The bound <c>Billing</c> section.</param>
    /// <param name="isProduction">Whether the host runs in the Production environment.</param>
    public static PaymentGatewayKind Choose(BillingOptions options, bool isProduction)
    {
        var hasSecretKey = !string.IsNullOrWhiteSpace(options.Stripe.SecretKey);
        var kind = options.Gateway switch
        {
            null or "" => hasSecretKey ? PaymentGatewayKind.Stripe : PaymentGatewayKind.Simulated,
            var g when g.Equals("Stripe", StringComparison.OrdinalIgnoreCase) => PaymentGatewayKind.Stripe,
            var g when g.Equals("Simulated", StringComparison.OrdinalIgnoreCase) => PaymentGatewayKind.Simulated,
            var g => throw new InvalidOperationException($"Billing:Gateway must be 'Stripe' or 'Simulated', not '{g}'."),
        };

        if (kind == PaymentGatewayKind.Stripe)
        {
            if (!hasSecretKey)
            {
                throw new InvalidOperationException("Billing:Gateway is 'Stripe' but Billing:Stripe:SecretKey is not set.");
            }

            // Without the signing secret no webhook can be verified, so no payment would ever be recorded.
            if (string.IsNullOrWhiteSpace(options.Stripe.WebhookSecret))
            {
                throw new InvalidOperationException("Billing:Stripe:WebhookSecret is required when Billing:Stripe:SecretKey is set.");
            }

            if (!Uri.TryCreate(options.Stripe.ApiBase, UriKind.Absolute, out _))
            {
                throw new InvalidOperationException($"Billing:Stripe:ApiBase must be an absolute URL, not '{options.Stripe.ApiBase}'.");
            }
        }
        else if (isProduction && string.IsNullOrEmpty(options.Gateway))
        {
            // A production deployment that merely forgot its Stripe key would otherwise hand out memberships for the
            // simulated "Pay" button. A demo site can still opt in explicitly.
            throw new InvalidOperationException(
                "No Stripe secret key is configured (Billing:Stripe:SecretKey). Set it, or set Billing:Gateway to 'Simulated' to run a demo without payments.");
        }

        return kind;
    }
}
