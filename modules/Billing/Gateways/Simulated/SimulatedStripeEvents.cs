using System.Globalization;
using System.Text.Json.Nodes;
using Derrimut.Billing.Gateways.Stripe;
using Stripe;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>One Stripe-shaped event, before signing.</summary>
/// <param name="Id">The event id (<c>evt_sim_…</c>).</param>
/// <param name="Type">The event type, e.g. <c>invoice.paid</c>.</param>
/// <param name="CreatedAt">The event's <c>created</c> time (whole seconds).</param>
/// <param name="Payload">The JSON body exactly as it will be delivered and signed.</param>
internal sealed record SimulatedStripeEvent(string Id, string Type, DateTimeOffset CreatedAt, string Payload);

/// <summary>
/// The API request that caused an event. Stripe fills an event's <c>request</c> for changes made through the API and
/// leaves it null for its own (renewals, retries, expiry), which is how a handler can tell them apart.
/// </summary>
internal sealed record SimulatedApiRequest(string RequestId, string? IdempotencyKey)
{
    public static SimulatedApiRequest For(string? idempotencyKey) => new(SimulatedIds.New("req"), idempotencyKey);
}

/// <summary>A simulated subscription invoice, only ever seen inside an event.</summary>
internal sealed record SimulatedInvoice(
    string Id,
    SimulatedSubscription Subscription,
    string Status,
    string BillingReason,
    long AmountDueCents,
    long AmountPaidCents,
    long AttemptCount,
    DateTimeOffset? NextPaymentAttempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    IReadOnlyList<SimulatedInvoiceLine> Lines);

/// <summary>A line of a simulated invoice: the plan for its service period, or a one-off joining fee.</summary>
internal sealed record SimulatedInvoiceLine(string Id, string Description, long AmountCents, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);

/// <summary>
/// Builds events in the exact JSON shape Stripe sends for API version <c>2026-10-28.endive</c> (the one Stripe.net 53.1
/// pins, so <c>EventUtility.ConstructEvent</c> accepts them): billing periods on subscription items, invoices linked to
/// their subscription through <c>parent.subscription_details</c>, amounts in cents, times in Unix seconds.
/// </summary>
internal static class SimulatedStripeEvents
{
    /// <summary>Wraps an object in an event envelope.</summary>
    public static SimulatedStripeEvent Create(
        string type,
        JsonObject dataObject,
        DateTimeOffset createdAt,
        JsonObject? previousAttributes = null,
        SimulatedApiRequest? request = null)
    {
        var id = SimulatedIds.New("evt");
        var data = new JsonObject { ["object"] = dataObject };
        if (previousAttributes is { Count: > 0 })
        {
            data["previous_attributes"] = previousAttributes;
        }

        var envelope = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = Unix(createdAt),
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = request?.RequestId, ["idempotency_key"] = request?.IdempotencyKey },
            ["type"] = type,
        };
        return new SimulatedStripeEvent(id, type, createdAt, envelope.ToJsonString());
    }

    /// <summary>A <c>checkout.session</c> object.</summary>
    public static JsonObject CheckoutSession(SimulatedCheckout checkout) => new()
    {
        ["id"] = checkout.Id,
        ["object"] = "checkout.session",
        ["amount_subtotal"] = checkout.AmountCents,
        ["amount_total"] = checkout.AmountCents,
        ["cancel_url"] = checkout.CancelUrl,
        ["client_reference_id"] = Text(checkout.UserId),
        ["created"] = Unix(checkout.CreatedAt),
        ["currency"] = Aud.StripeCurrency,
        ["customer"] = checkout.CustomerId,
        ["customer_email"] = checkout.CustomerEmail,
        ["expires_at"] = Unix(checkout.ExpiresAt),
        ["invoice"] = checkout.InvoiceId,
        ["livemode"] = false,
        ["metadata"] = Metadata(BillingMetadata.For(checkout.TenantId, checkout.UserId, checkout.Purpose, checkout.Plan?.Code, checkout.Reference)),
        ["mode"] = checkout.Mode == CheckoutMode.Subscription ? "subscription" : "payment",
        ["payment_intent"] = checkout.PaymentIntentId,
        ["payment_status"] = checkout.Status == SimulatedCheckoutStatus.Complete ? "paid" : "unpaid",
        ["status"] = checkout.Status switch
        {
            SimulatedCheckoutStatus.Complete => "complete",
            SimulatedCheckoutStatus.Expired => "expired",
            _ => "open",
        },
        ["subscription"] = checkout.SubscriptionId,
        ["success_url"] = checkout.SuccessUrl,
        // Stripe clears the hosted page's URL once the session is complete or expired.
        ["url"] = null,
    };

    /// <summary>A <c>subscription</c> object.</summary>
    public static JsonObject Subscription(SimulatedSubscription subscription) => new()
    {
        ["id"] = subscription.Id,
        ["object"] = "subscription",
        ["billing_cycle_anchor"] = Unix(subscription.CreatedAt),
        ["cancel_at"] = Unix(subscription.CancelAt),
        ["cancel_at_period_end"] = subscription.CancelAtPeriodEnd,
        ["canceled_at"] = Unix(subscription.CanceledAt),
        ["collection_method"] = "charge_automatically",
        ["created"] = Unix(subscription.CreatedAt),
        ["currency"] = Aud.StripeCurrency,
        ["customer"] = subscription.CustomerId,
        ["ended_at"] = Unix(subscription.EndedAt),
        ["items"] = SubscriptionItems(subscription),
        ["latest_invoice"] = subscription.LatestInvoiceId,
        ["livemode"] = false,
        ["metadata"] = Metadata(BillingMetadata.For(subscription.TenantId, subscription.UserId, subscription.Purpose, subscription.Plan.Code)),
        ["pause_collection"] = PauseCollection(subscription),
        ["start_date"] = Unix(subscription.CreatedAt),
        ["status"] = StripeObjectMapping.StripeStatusOf(subscription.Status),
    };

    /// <summary>
    /// Stripe's <c>previous_attributes</c> for a subscription change: the old values of the fields that changed.
    /// </summary>
    public static JsonObject SubscriptionChanges(SimulatedSubscription before, SimulatedSubscription after)
    {
        var changes = new JsonObject();
        if (before.Status != after.Status)
        {
            changes["status"] = StripeObjectMapping.StripeStatusOf(before.Status);
        }

        if (before.CancelAtPeriodEnd != after.CancelAtPeriodEnd)
        {
            changes["cancel_at_period_end"] = before.CancelAtPeriodEnd;
        }

        if (before.CancelAt != after.CancelAt)
        {
            changes["cancel_at"] = Unix(before.CancelAt);
        }

        if (before.CanceledAt != after.CanceledAt)
        {
            changes["canceled_at"] = Unix(before.CanceledAt);
        }

        if (before.EndedAt != after.EndedAt)
        {
            changes["ended_at"] = Unix(before.EndedAt);
        }

        if (before.CollectionPaused != after.CollectionPaused || before.CollectionResumesAt != after.CollectionResumesAt)
        {
            changes["pause_collection"] = PauseCollection(before);
        }

        if (before.CurrentPeriodStart != after.CurrentPeriodStart || before.CurrentPeriodEnd != after.CurrentPeriodEnd)
        {
            changes["items"] = SubscriptionItems(before);
        }

        if (before.LatestInvoiceId != after.LatestInvoiceId)
        {
            changes["latest_invoice"] = before.LatestInvoiceId;
        }

        return changes;
    }

    /// <summary>An <c>invoice</c> object of a subscription.</summary>
    public static JsonObject Invoice(SimulatedInvoice invoice)
    {
        var subscription = invoice.Subscription;
        var lines = new JsonArray();
        foreach (var line in invoice.Lines)
        {
            lines.Add(new JsonObject
            {
                ["id"] = line.Id,
                ["object"] = "line_item",
                ["amount"] = line.AmountCents,
                ["currency"] = Aud.StripeCurrency,
                ["description"] = line.Description,
                ["livemode"] = false,
                ["metadata"] = new JsonObject(),
                ["period"] = new JsonObject { ["end"] = Unix(line.PeriodEnd), ["start"] = Unix(line.PeriodStart) },
                ["quantity"] = 1,
            });
        }

        var total = invoice.Lines.Sum(l => l.AmountCents);
        return new JsonObject
        {
            ["id"] = invoice.Id,
            ["object"] = "invoice",
            ["amount_due"] = invoice.AmountDueCents,
            ["amount_paid"] = invoice.AmountPaidCents,
            ["amount_remaining"] = invoice.AmountDueCents - invoice.AmountPaidCents,
            ["attempt_count"] = invoice.AttemptCount,
            ["attempted"] = invoice.AttemptCount > 0,
            ["billing_reason"] = invoice.BillingReason,
            ["collection_method"] = "charge_automatically",
            ["created"] = Unix(invoice.CreatedAt),
            ["currency"] = Aud.StripeCurrency,
            ["customer"] = subscription.CustomerId,
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = lines,
                ["has_more"] = false,
                ["total_count"] = invoice.Lines.Count,
                ["url"] = $"/v1/invoices/{invoice.Id}/lines",
            },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["next_payment_attempt"] = Unix(invoice.NextPaymentAttempt),
            // Since API 2025-03-31.basil the subscription and a snapshot of its metadata are here, not on the invoice.
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["quote_details"] = null,
                ["subscription_details"] = new JsonObject
                {
                    ["metadata"] = Metadata(BillingMetadata.For(subscription.TenantId, subscription.UserId, subscription.Purpose, subscription.Plan.Code)),
                    ["subscription"] = subscription.Id,
                },
            },
            // An invoice's own period is the one *before* it (for a renewal, the period just ended); what was paid
            // for is in the lines' periods.
            ["period_end"] = Unix(invoice.PeriodEnd),
            ["period_start"] = Unix(invoice.PeriodStart),
            ["status"] = invoice.Status,
            ["status_transitions"] = new JsonObject
            {
                ["finalized_at"] = Unix(invoice.CreatedAt),
                ["paid_at"] = invoice.Status == "paid" ? Unix(invoice.CreatedAt) : null,
            },
            ["subtotal"] = total,
            ["total"] = total,
        };
    }

    /// <summary>A <c>charge</c> object.</summary>
    public static JsonObject Charge(SimulatedPayment payment) => new()
    {
        ["id"] = payment.ChargeId,
        ["object"] = "charge",
        ["amount"] = payment.AmountCents,
        ["amount_captured"] = payment.AmountCents,
        ["amount_refunded"] = payment.AmountRefundedCents,
        ["captured"] = true,
        ["created"] = Unix(payment.CreatedAt),
        ["currency"] = Aud.StripeCurrency,
        ["customer"] = payment.CustomerId,
        ["livemode"] = false,
        ["metadata"] = payment.ChargeCarriesMetadata
            ? Metadata(BillingMetadata.For(payment.TenantId, payment.UserId, payment.Purpose, payment.PlanCode, payment.Reference))
            : new JsonObject(),
        ["paid"] = true,
        ["payment_intent"] = payment.PaymentIntentId,
        ["refunded"] = payment.AmountRefundedCents == payment.AmountCents,
        ["status"] = "succeeded",
    };

    /// <summary>Stripe's <c>previous_attributes</c> for a refund: the old refunded amount (and flag, if it flipped).</summary>
    public static JsonObject ChargeChanges(SimulatedPayment before, SimulatedPayment after)
    {
        var changes = new JsonObject { ["amount_refunded"] = before.AmountRefundedCents };
        var wasRefunded = before.AmountRefundedCents == before.AmountCents;
        if (wasRefunded != (after.AmountRefundedCents == after.AmountCents))
        {
            changes["refunded"] = wasRefunded;
        }

        return changes;
    }

    /// <summary>Unix seconds, Stripe's only time format.</summary>
    public static long Unix(DateTimeOffset value) => value.ToUnixTimeSeconds();

    private static long? Unix(DateTimeOffset? value) => value?.ToUnixTimeSeconds();

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static JsonObject? PauseCollection(SimulatedSubscription subscription) => subscription.CollectionPaused
        ? new JsonObject { ["behavior"] = "void", ["resumes_at"] = Unix(subscription.CollectionResumesAt) }
        : null;

    private static JsonObject SubscriptionItems(SimulatedSubscription subscription) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject
        {
            ["id"] = subscription.ItemId,
            ["object"] = "subscription_item",
            ["created"] = Unix(subscription.CreatedAt),
            ["current_period_end"] = Unix(subscription.CurrentPeriodEnd),
            ["current_period_start"] = Unix(subscription.CurrentPeriodStart),
            ["metadata"] = new JsonObject(),
            ["price"] = new JsonObject
            {
                ["id"] = subscription.PriceId,
                ["object"] = "price",
                ["active"] = true,
                ["currency"] = Aud.StripeCurrency,
                ["livemode"] = false,
                ["nickname"] = subscription.Plan.Name,
                ["product"] = subscription.ProductId,
                ["recurring"] = new JsonObject
                {
                    ["interval"] = StripeObjectMapping.IntervalOf(subscription.Plan.Interval.Unit),
                    ["interval_count"] = subscription.Plan.Interval.Count,
                    ["usage_type"] = "licensed",
                },
                ["tax_behavior"] = "inclusive",
                ["type"] = "recurring",
                ["unit_amount"] = subscription.Plan.PriceCents,
            },
            ["quantity"] = 1,
            ["subscription"] = subscription.Id,
        }),
        ["has_more"] = false,
        ["total_count"] = 1,
        ["url"] = $"/v1/subscription_items?subscription={subscription.Id}",
    };

    private static JsonObject Metadata(Dictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
