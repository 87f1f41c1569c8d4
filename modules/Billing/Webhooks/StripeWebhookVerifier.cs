using System.Globalization;
using System.Text;
using System.Text.Json;
using Stripe;

namespace Derrimut.Billing.Webhooks;

/// <summary>Why a webhook delivery was, or was not, accepted.</summary>
internal enum WebhookVerificationOutcome
{
    /// <summary>Genuine, fresh and readable.</summary>
    Verified = 0,

    /// <summary>No <c>Stripe-Signature</c> header.</summary>
    MissingSignature = 1,

    /// <summary>The header is not <c>t=…,v1=…</c>.</summary>
    MalformedSignatureHeader = 2,

    /// <summary>No signature matches the gym's secret: tampered, forged, or signed for another gym.</summary>
    BadSignature = 3,

    /// <summary>Signed more than the tolerance ago: possibly a replay.</summary>
    StaleTimestamp = 4,

    /// <summary>Signed more than the tolerance in the future: a clock problem or a forgery.</summary>
    FutureTimestamp = 5,

    /// <summary>Genuinely signed, but not a readable Stripe event.</summary>
    MalformedPayload = 6,

    /// <summary>Genuinely signed, but for an API version whose objects Stripe.net 53 may misread.</summary>
    UnsupportedApiVersion = 7,
}

/// <summary>The verdict on one webhook delivery.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Event">The parsed event, when <see cref="WebhookVerificationOutcome.Verified"/>.</param>
/// <param name="Detail">Why, for the log (never contains the secret).</param>
internal sealed record WebhookVerification(WebhookVerificationOutcome Outcome, Event? Event, string Detail)
{
    /// <summary>True when the event can be processed.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsVerified => Outcome == WebhookVerificationOutcome.Verified;

    public static WebhookVerification Rejected(WebhookVerificationOutcome outcome, string detail) => new(outcome, null, detail);
}

/// <summary>
/// Checks a Stripe webhook delivery against a gym's signing secret and parses it, without ever throwing for anything
/// the sender controls. The checks run in Stripe.net's order (signature, then age, then API version), each named so
/// the endpoint can answer and log precisely; the signature is Stripe.net's
/// <see cref="EventUtility.ValidateSignature(string, string, string, long, long)"/> and the final parse its own
/// <see cref="EventUtility.ParseEvent(string, bool)"/>.
/// </summary>
internal static class StripeWebhookVerifier
{
    /// <summary>Stripe's tolerance, applied both ways: 300 seconds.</summary>
    public const long ToleranceSeconds = EventUtility.DefaultTimeTolerance;

    // Stripe signs the exact bytes it sent, as UTF-8; bytes that are not UTF-8 cannot have been signed by Stripe.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Verifies a delivery given the raw request body bytes.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header, or null.</param>
    /// <param name="secret">The gym's webhook signing secret (<c>whsec_…</c>; the whole string is the HMAC key).</param>
    /// <param name="time">The clock.</param>
    public static WebhookVerification Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret, TimeProvider time)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.BadSignature, "The body is not UTF-8, so Stripe cannot have signed it.");
        }

        return Verify(text, signatureHeader, secret, time);
    }

    /// <summary>Verifies a delivery given the raw request body, decoded as UTF-8 without any other change.</summary>
    /// <param name="body">The request body exactly as received; re-serialized JSON fails the signature.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header, or null.</param>
    /// <param name="secret">The gym's webhook signing secret.</param>
    /// <param name="time">The clock.</param>
    /// <exception cref="ArgumentException">The secret is blank: a configuration error, not the sender's. With an empty
    /// HMAC key anyone could sign, so this throws and the endpoint fails with a 5xx, which Stripe retries until the
    /// secret is configured.</exception>
    public static WebhookVerification Verify(string body, string? signatureHeader, string secret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        ArgumentNullException.ThrowIfNull(body);

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.MissingSignature, "The Stripe-Signature header is missing.");
        }

        if (!TryReadTimestamp(signatureHeader, out var signedAt))
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedSignatureHeader, "The Stripe-Signature header is not 't=<seconds>,v1=<hex>'.");
        }

        try
        {
            // Judged against the header's own timestamp, only the signature can fail here; the age is checked next, so
            // that a stale genuine event and a forged one are told apart.
            EventUtility.ValidateSignature(body, signatureHeader, secret, ToleranceSeconds, signedAt);
        }
        catch (StripeException)
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.BadSignature, "No v1 signature matches this gym's webhook secret.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (now - signedAt > ToleranceSeconds)
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.StaleTimestamp, $"Signed {now - signedAt} s ago; the tolerance is {ToleranceSeconds} s.");
        }

        if (signedAt - now > ToleranceSeconds)
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.FutureTimestamp, $"Signed {signedAt - now} s in the future; the tolerance is {ToleranceSeconds} s.");
        }

        if (CheckEnvelope(body) is { } rejected)
        {
            return rejected;
        }

        try
        {
            // The signature and the age were checked above, so Stripe.net's ConstructEvent would only compute the HMAC a
            // second time before this same parse (decision 0069: one HMAC a delivery).
            var stripeEvent = EventUtility.ParseEvent(body, throwOnApiVersionMismatch: true);
            return new WebhookVerification(WebhookVerificationOutcome.Verified, stripeEvent, $"{stripeEvent.Type} {stripeEvent.Id}");
        }
        catch (Exception e)
        {
            // Everything above has been checked, so only Stripe.net's object parsing can fail here; it throws several
            // types for bad shapes (JsonException, InvalidOperationException, even NullReferenceException).
            return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedPayload, $"Stripe.net could not read the event: {e.GetType().Name}.");
        }
    }

    /// <summary>
    /// Reads <c>t</c> the way Stripe.net does (comma-separated items, each split at its first <c>=</c>, the first
    /// <c>t</c> wins) and requires at least one <c>v1</c>. Other schemes (<c>v0</c>) are allowed and ignored.
    /// </summary>
    private static bool TryReadTimestamp(string header, out long signedAt)
    {
        signedAt = 0;
        string? timestamp = null;
        var hasV1 = false;
        foreach (var item in header.Split(','))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return false; // Stripe.net throws "The signature header format is unexpected." here.
            }

            var key = item[..equals];
            timestamp ??= key == "t" ? item[(equals + 1)..] : null;
            hasV1 |= key == "v1" && equals < item.Length - 1;
        }

        return hasV1 && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out signedAt);
    }

    /// <summary>
    /// The envelope Stripe.net needs before it can parse: a JSON object of type <c>event</c> (a v2 "thin" event makes
    /// it throw), with an id, a type, a creation time, a data object, and an API version of the release train Stripe.net
    /// 53 pins (<c>*.endive</c>). Stripe.net throws a NullReferenceException on a missing version and checks it only
    /// after the signature, so the check is made here, where it can be named.
    /// </summary>
    private static WebhookVerification? CheckEnvelope(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedPayload, "The body is not a JSON object.");
            }

            if (!IsString(root, "object", out var objectType) || objectType != "event")
            {
                return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedPayload, $"The body is not a snapshot event (object '{objectType}').");
            }

            if (!IsString(root, "id", out _) || !IsString(root, "type", out _)
                || !root.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("object", out var dataObject) || dataObject.ValueKind != JsonValueKind.Object)
            {
                return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedPayload, "The event lacks an id, type, created time or data object.");
            }

            if (!IsString(root, "api_version", out var apiVersion) || !EventUtility.IsCompatibleApiVersion(apiVersion))
            {
                return WebhookVerification.Rejected(
                    WebhookVerificationOutcome.UnsupportedApiVersion,
                    $"The event has API version '{apiVersion}', but Stripe.net {StripeConfiguration.StripeNetVersion} reads only '*.{StripeConfiguration.MajorApiVersion}'; pin the webhook endpoint's API version.");
            }

            return null;
        }
        catch (JsonException)
        {
            return WebhookVerification.Rejected(WebhookVerificationOutcome.MalformedPayload, "The body is not valid JSON.");
        }
    }

    private static bool IsString(JsonElement element, string name, [NotNullWhen(true)] out string? value)
    {
        value = element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        return value is not null;
    }
}
