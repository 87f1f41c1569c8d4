using Stripe;

namespace Derrimut.Billing.Tests.Support;

/// <summary>Webhook bodies as Stripe sends them for API version 2026-10-28.endive, and their signatures.</summary>
internal static class StripeEvents
{
    public static readonly long Created = TestData.Now.ToUnixTimeSeconds();

    public static string Envelope(string type, string dataObject, string previousAttributes = "", string apiVersion = "2026-10-28.endive", string id = "evt_1QvR4bL8dE4fG5hIa1b2c3d4") => $$"""
        {"id":"{{id}}","object":"event","api_version":"{{apiVersion}}","created":{{Created}},"type":"{{type}}","livemode":false,"pending_webhooks":1,
         "request":{"id":null,"idempotency_key":null},
         "data":{"object":{{dataObject}}{{(previousAttributes.Length > 0 ? ",\"previous_attributes\":" + previousAttributes : "")}} } }
        """;

    public static string Metadata(Guid? tenantId = null, Guid? userId = null, string purpose = "membership", string plan = "no-lock-in") => $$"""
        {"plan":"{{plan}}","purpose":"{{purpose}}","tenant_id":"{{tenantId ?? TestData.StAlbans}}","user_id":"{{userId ?? TestData.Priya}}"}
        """;

    public static string Subscription(string status = "active", string? metadata = null, string items = "") => $$"""
        {"id":"sub_1QvR2xL8dE4fG5hI","object":"subscription","status":"{{status}}","customer":"cus_RqT5uV6wX7yZ8a",
         "cancel_at":null,"cancel_at_period_end":false,"canceled_at":null,"ended_at":null,"pause_collection":null,
         "metadata":{{metadata ?? Metadata()}},
         "items":{"object":"list","data":[{{(items.Length > 0 ? items : Item("si_1", Created, Created + 1_209_600))}}] } }
        """;

    public static string Item(string id, long start, long end) => $$"""
        {"id":"{{id}}","object":"subscription_item","current_period_start":{{start}},"current_period_end":{{end}},"price":{"id":"price_1","object":"price"},"quantity":1}
        """;

    public static string SubscriptionUpdated(string status = "past_due", string previousStatus = "active") =>
        Envelope("customer.subscription.updated", Subscription(status), $$"""{"status":"{{previousStatus}}"}""");

    /// <summary>The <c>Stripe-Signature</c> header Stripe would send, signed <paramref name="secondsAgo"/> before now.</summary>
    public static string Sign(string body, string secret = TestData.StAlbansWebhookSecret, long secondsAgo = 0) =>
        EventUtility.GenerateSignatureHeader(body, secret, Created - secondsAgo);
}
