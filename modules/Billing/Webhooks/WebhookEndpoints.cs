using Derrimut.Billing.Data;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Derrimut.Billing.Webhooks;

/// <summary>A webhook event as admins see it in the inbox.</summary>
internal sealed record WebhookEventDto(
    Guid Id,
    string StripeEventId,
    string Type,
    WebhookEventState State,
    int Attempts,
    string? LastError,
    string? IgnoredReason,
    DateTimeOffset StripeCreatedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastAttemptAt,
    DateTimeOffset? ProcessedAt,
    string? Attention = null)
{
    public static WebhookEventDto From(WebhookInboxEvent e) => new(
        e.Id, e.StripeEventId, e.Type, e.State, e.Attempts, e.LastError, e.IgnoredReason,
        e.StripeCreatedAt, e.ReceivedAt, e.LastAttemptAt, e.ProcessedAt, AttentionOf(e));

    /// <summary>
    /// An invoice event Billing does not handle may be a renewal the ledger never saw (an endpoint set up for other
    /// events than the ones the payments page lists): say so where the admin looks.
    /// </summary>
    private static string? AttentionOf(WebhookInboxEvent e) =>
        e.State == WebhookEventState.Ignored && e.Type.StartsWith("invoice.", StringComparison.Ordinal)
            && (e.IgnoredReason ?? "").StartsWith("Billing does not handle", StringComparison.Ordinal)
            ? $"An unhandled invoice event: if renewals are missing from members' ledgers, enable {string.Join(", ", StripeWebhookEvents.ToEnable)} on this gym's Stripe endpoint."
            : null;
}

/// <summary>The Stripe events a gym's webhook endpoint must send (the payments page lists them).</summary>
internal static class StripeWebhookEvents
{
    public static readonly IReadOnlyList<string> ToEnable =
    [
        "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
        "checkout.session.expired", "customer.subscription.created", "customer.subscription.updated",
        "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed", "charge.refunded",
    ];
}

/// <summary>What retrying every parked and failed event did.</summary>
/// <param name="Tried">Events retried.</param>
/// <param name="Processed">Now processed (or ignored as not ours).</param>
/// <param name="StillFailing">Failed again (their errors are on the list).</param>
internal sealed record WebhookRetrySummary(int Tried, int Processed, int StillFailing);

/// <summary>One page of webhook events, newest first.</summary>
internal sealed record WebhookEventPage(IReadOnlyList<WebhookEventDto> Items, int Total, int Page, int PageSize);

/// <summary>What the webhook endpoint answers Stripe (Stripe only reads the status code; people read the rest).</summary>
internal sealed record WebhookAcknowledgement(string EventId, WebhookReceiptKind Result);

/// <summary>
/// <c>POST /webhooks/stripe</c> on a location's own site, and the admin's view of its inbox under
/// <c>/api/billing/webhook-events</c>.
/// </summary>
internal static class WebhookEndpoints
{
    /// <summary>The problem type for a delivery whose signature, age or shape is refused.</summary>
    public const string InvalidWebhookProblem = "https://derrimut.com.au/problems/invalid-webhook";

    public const string Path = "/webhooks/stripe";

    public static void MapReceiver(IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync)
            .AllowAnonymous() // Stripe authenticates with the signature, checked against the gym's own secret.
            .RequireLocation()
            .RequireRateLimiting(RateLimitPolicies.Webhooks)
            .DisableAntiforgery()
            .WithTags("Billing")
            .WithName("ReceiveStripeWebhook")
            .WithSummary("Stripe's webhook endpoint for this gym: signed events, recorded once, processed with their effects (or queued, when the installation acknowledges after storing).");

    public static void MapInbox(RouteGroupBuilder billing)
    {
        var group = billing.MapGroup("/webhook-events").RequireLocation().RequireAuthorization(BillingPermissions.ManageBilling);
        group.MapGet("/", ListAsync).WithName("ListWebhookEvents").WithSummary("This gym's received Stripe events, filtered by state, type and date, newest first.");
        group.MapPost("/{id:guid}/retry", RetryAsync).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("RetryWebhookEvent").WithSummary("Processes a parked (or failed) event again from its stored payload.");
        group.MapPost("/retry-all", RetryAllAsync).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("RetryAllWebhookEvents").WithSummary("Processes every parked and failed event again, oldest first (at most 100 a call).");
    }

    internal static async Task<IResult> ReceiveAsync(HttpRequest request, WebhookInbox inbox, IOptionsMonitor<WebhookOptions> options, CancellationToken ct)
    {
        // The raw bytes, untouched: the signature covers them exactly. The kernel caps bodies at 1 MiB.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var signature = request.Headers["Stripe-Signature"].Count == 1 ? request.Headers["Stripe-Signature"].ToString() : null;
        var receipt = await inbox.ReceiveAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), signature, options.CurrentValue.AcknowledgeAfter, ct);
        return ToResult(receipt);
    }

    internal static IResult ToResult(WebhookReceipt receipt) => receipt.Kind switch
    {
        WebhookReceiptKind.Rejected => TypedResults.Problem(
            statusCode: 400,
            type: receipt.Rejection == WebhookVerificationOutcome.MalformedPayload ? ProblemTypes.MalformedRequest : InvalidWebhookProblem,
            title: receipt.Rejection switch
            {
                WebhookVerificationOutcome.MissingSignature => "Missing Stripe-Signature header.",
                WebhookVerificationOutcome.MalformedSignatureHeader => "Unreadable Stripe-Signature header.",
                WebhookVerificationOutcome.BadSignature => "Invalid signature.",
                WebhookVerificationOutcome.StaleTimestamp => "Signature too old.",
                WebhookVerificationOutcome.FutureTimestamp => "Signature from the future.",
                WebhookVerificationOutcome.UnsupportedApiVersion => "Unsupported Stripe API version.",
                _ => "Malformed event.",
            },
            detail: receipt.Detail,
            extensions: new Dictionary<string, object?> { ["reason"] = receipt.Rejection?.ToString() }),
        WebhookReceiptKind.Failed => TypedResults.Problem(
            statusCode: 500, type: ProblemTypes.ServerError, title: "Processing failed; retry later.",
            detail: $"Event {receipt.EventId} could not be processed; nothing was changed. Stripe retries it."),
        WebhookReceiptKind.Busy => TypedResults.Problem(
            statusCode: 409, type: ProblemTypes.Conflict, title: "Being processed.", detail: receipt.Detail),
        _ => TypedResults.Ok(new WebhookAcknowledgement(receipt.EventId ?? "", receipt.Kind)),
    };

    internal static async Task<Ok<WebhookEventPage>> ListAsync(
        DerrimutDbContext db, string? state, int? page, int? pageSize, CancellationToken ct, string? type = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var errors = new ValidationErrors();
        WebhookEventState? filter = null;
        if (state is not null)
        {
            if (Enum.TryParse<WebhookEventState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(state, out _))
            {
                filter = parsed;
            }
            else
            {
                errors.Add("state", "The state must be 'processed', 'ignored', 'failed' or 'parked'.");
            }
        }

        var pageNumber = page ?? 1;
        var size = pageSize ?? 50;
        errors.Page(pageNumber, size);
        errors.MaxLength(type, "type", 100);
        errors.AddIf(from is not null && to is not null && to < from, "to", "The end of the range is before its start.");
        errors.ThrowIfAny();

        var query = db.Set<WebhookInboxEvent>().AsNoTracking();
        if (filter is { } f)
        {
            query = query.Where(e => e.State == f);
        }

        if (!string.IsNullOrWhiteSpace(type))
        {
            // A prefix: "invoice." finds every invoice event.
            var prefix = type.Trim();
            query = query.Where(e => e.Type.StartsWith(prefix));
        }

        if (from is { } start)
        {
            query = query.Where(e => e.ReceivedAt >= start);
        }

        if (to is { } end)
        {
            query = query.Where(e => e.ReceivedAt < end);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new WebhookEventPage(items.Select(WebhookEventDto.From).ToList(), total, pageNumber, size));
    }

    internal static async Task<Ok<WebhookRetrySummary>> RetryAllAsync(DerrimutDbContext db, WebhookInbox inbox, CancellationToken ct)
    {
        var ids = await db.Set<WebhookInboxEvent>().AsNoTracking()
            .Where(e => e.State == WebhookEventState.Failed || e.State == WebhookEventState.Parked)
            .OrderBy(e => e.StripeCreatedAt).Select(e => e.Id).Take(100).ToListAsync(ct);
        var processed = 0;
        var stillFailing = 0;
        foreach (var id in ids)
        {
            try
            {
                var receipt = await inbox.RetryAsync(id, ct);
                if (receipt.Record?.State is WebhookEventState.Processed or WebhookEventState.Ignored)
                {
                    processed++;
                }
                else
                {
                    stillFailing++;
                }
            }
            catch (ConflictException)
            {
                // Another retry (the job, a second admin) got to it first: nothing left to do for this one.
            }
        }

        return TypedResults.Ok(new WebhookRetrySummary(ids.Count, processed, stillFailing));
    }

    internal static async Task<Ok<WebhookEventDto>> RetryAsync(Guid id, WebhookInbox inbox, CancellationToken ct)
    {
        var receipt = await inbox.RetryAsync(id, ct);
        return receipt.Record is { } record
            ? TypedResults.Ok(WebhookEventDto.From(record))
            : throw new ConflictException(receipt.Detail);
    }
}
