using System.Globalization;

namespace Derrimut.Billing.Gateways;

/// <summary>
/// The metadata keys Derrimut writes on Stripe objects, and reads back from webhook events to know whose money it is.
/// Stripe does not copy a Checkout Session's metadata anywhere, so the same values also go on the subscription
/// (<c>subscription_data.metadata</c>, snapshotted onto its invoices as <c>parent.subscription_details.metadata</c>)
/// and on the payment intent (<c>payment_intent_data.metadata</c>, copied onto its charge when confirmed).
/// </summary>
internal static class BillingMetadata
{
    public const string TenantId = "tenant_id";
    public const string UserId = "user_id";
    public const string Purpose = "purpose";
    public const string Plan = "plan";
    public const string Reference = "reference";

    /// <summary>The metadata for a checkout: tenant, user and purpose always; plan and reference when given.</summary>
    public static Dictionary<string, string> For(Guid tenantId, Guid? userId, string purpose, string? plan = null, string? reference = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TenantId] = tenantId.ToString("D", CultureInfo.InvariantCulture),
            [Purpose] = purpose,
        };
        if (userId is { } user)
        {
            metadata[UserId] = user.ToString("D", CultureInfo.InvariantCulture);
        }

        if (plan is not null)
        {
            metadata[Plan] = plan;
        }

        if (reference is not null)
        {
            metadata[Reference] = reference;
        }

        return metadata;
    }
}
