using Derrimut.Billing.Data;

namespace Derrimut.Billing.Accounts;

/// <summary>
/// Rules a gym's (or franchise's) own Stripe keys must keep, kept apart from the endpoint so each stays readable.
/// </summary>
internal static class StripeAccountRules
{
    /// <summary>
    /// A webhook signing secret is only ever the partner of the same level's own secret key. A row holding a webhook
    /// secret alone would make that level the "account" whose secret verifies webhooks, while its members are still
    /// charged on the franchise's or the platform's Stripe account: whoever knows the secret they typed in could then
    /// sign events ("this member paid") for charges that never happened. So a webhook secret needs the own secret key,
    /// checked on the row as it would be saved (a request may set one and remove the other). Decision 0056.
    /// </summary>
    public static void RequireOwnSecretKeyForWebhookSecret(StripeAccountSettings row, SetStripeAccountRequest request)
    {
        if (row.ProtectedWebhookSecret is null || row.ProtectedSecretKey is not null)
        {
            return;
        }

        // Name the field the request touched: removing the key is the mistake when the secret was left alone.
        var field = request.WebhookSecret is { Length: > 0 } ? "webhookSecret" : "secretKey";
        throw new ValidationException(field, field == "webhookSecret"
            ? "A webhook signing secret can only be set together with this gym's own Stripe secret key (sk_…): members billed on the franchise's or the platform's account are verified with that account's secret."
            : "This gym's webhook signing secret belongs to its own Stripe account: remove the webhook secret too (send it empty) when removing the secret key.");
    }
}
