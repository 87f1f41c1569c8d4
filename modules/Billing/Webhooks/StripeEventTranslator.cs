using System.Globalization;
using System.Text.Json;
using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Stripe;
using Newtonsoft.Json.Linq;
using Stripe;
using Stripe.Checkout;
using StripeSubscription = Stripe.Subscription;

namespace Derrimut.Billing.Webhooks;

/// <summary>What became of one Stripe event: an integration event to publish, or a reason to ignore it.</summary>
internal sealed record StripeEventTranslation
{
    private StripeEventTranslation()
    {
    }

    /// <summary>The integration event, when there is one.</summary>
    public IBillingEvent? Event { get; private init; }

    /// <summary>Why the event is ignored, when it is.</summary>
    public string? IgnoredBecause { get; private init; }

    public static StripeEventTranslation Publish(IBillingEvent billingEvent) => new() { Event = billingEvent };

    public static StripeEventTranslation Ignore(string reason) => new() { IgnoredBecause = reason };
}

/// <summary>
/// Turns a verified Stripe event into Billing's integration event. Pure: it reads only the event. Whose money it is
/// comes from the metadata Derrimut wrote (on the session, the subscription, the invoice's
/// <c>parent.subscription_details</c> snapshot, or the charge); an object of another gym that shares the Stripe account
/// (every endpoint of an account receives every event) or one not created by Derrimut is ignored, not an error.
/// </summary>
internal static class StripeEventTranslator
{
    /// <summary>Translates <paramref name="stripeEvent"/>, received on the endpoint of <paramref name="endpointTenantId"/>.</summary>
    public static StripeEventTranslation Translate(Event stripeEvent, Guid endpointTenantId)
    {
        var context = new EventContext(stripeEvent.Id, StripeObjectMapping.Instant(stripeEvent.Created) ?? DateTimeOffset.UnixEpoch, endpointTenantId);
        return (stripeEvent.Type, stripeEvent.Data?.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session session) => Completed(context, session),
            (EventTypes.CheckoutSessionExpired, Session session) => CheckoutFailed(context, session, PaymentFailureStage.CheckoutExpired),
            (EventTypes.CheckoutSessionAsyncPaymentFailed, Session session) => CheckoutFailed(context, session, PaymentFailureStage.CheckoutAsyncPayment),
            (EventTypes.CustomerSubscriptionCreated, StripeSubscription subscription) => Changed(context, subscription, SubscriptionChange.Created, stripeEvent.Data),
            (EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionPaused or EventTypes.CustomerSubscriptionResumed, StripeSubscription subscription) =>
                Changed(context, subscription, SubscriptionChange.Updated, stripeEvent.Data),
            (EventTypes.CustomerSubscriptionDeleted, StripeSubscription subscription) => Changed(context, subscription, SubscriptionChange.Deleted, stripeEvent.Data),
            // invoice.payment_succeeded is what the original design subscribed to; it fires for the same paid invoice
            // as invoice.paid (minus out-of-band payments), and the ledger is keyed by invoice, so an endpoint sending
            // either or both records each renewal once.
            (EventTypes.InvoicePaid or EventTypes.InvoicePaymentSucceeded, Invoice invoice) => InvoicePaid(context, invoice),
            (EventTypes.InvoicePaymentFailed, Invoice invoice) => InvoiceFailed(context, invoice),
            (EventTypes.ChargeRefunded, Charge charge) => Refunded(context, charge),
            (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded or EventTypes.CheckoutSessionExpired
                or EventTypes.CheckoutSessionAsyncPaymentFailed or EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated
                or EventTypes.CustomerSubscriptionPaused or EventTypes.CustomerSubscriptionResumed or EventTypes.CustomerSubscriptionDeleted
                or EventTypes.InvoicePaid or EventTypes.InvoicePaymentSucceeded or EventTypes.InvoicePaymentFailed or EventTypes.ChargeRefunded, var other) =>
                StripeEventTranslation.Ignore($"{stripeEvent.Type} carried a {other?.GetType().Name ?? "missing"} object."),
            _ => StripeEventTranslation.Ignore($"Billing does not handle {stripeEvent.Type} events."),
        };
    }

    private static StripeEventTranslation Completed(EventContext context, Session session)
    {
        if (ModeOf(session.Mode) is not { } mode)
        {
            return StripeEventTranslation.Ignore($"Checkout session {session.Id} is in {session.Mode} mode.");
        }

        if (!Owner.TryRead(session.Metadata, context, requireUser: true, out var owner, out var reason))
        {
            return StripeEventTranslation.Ignore($"Checkout session {session.Id} {reason}");
        }

        var amount = session.AmountTotal ?? 0;
        return StripeEventTranslation.Publish(new CheckoutCompleted(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId!.Value, owner.Purpose, owner.Plan, owner.Reference,
            session.Id, mode, PaymentStatusOf(session.PaymentStatus), session.CustomerId, session.SubscriptionId, session.PaymentIntentId,
            session.InvoiceId, amount, Gst.ComponentOf(amount), session.Currency ?? Aud.StripeCurrency));
    }

    private static StripeEventTranslation CheckoutFailed(EventContext context, Session session, PaymentFailureStage stage)
    {
        if (!Owner.TryRead(session.Metadata, context, requireUser: true, out var owner, out var reason))
        {
            return StripeEventTranslation.Ignore($"Checkout session {session.Id} {reason}");
        }

        var amount = session.AmountTotal ?? 0;
        return StripeEventTranslation.Publish(new PaymentFailed(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId!.Value, owner.Purpose, owner.Plan, owner.Reference,
            stage, session.Id, session.InvoiceId, session.SubscriptionId, amount, Gst.ComponentOf(amount),
            session.Currency ?? Aud.StripeCurrency, AttemptCount: 0, NextPaymentAttempt: null));
    }

    private static StripeEventTranslation Changed(EventContext context, StripeSubscription subscription, SubscriptionChange change, EventData data)
    {
        if (!Owner.TryRead(subscription.Metadata, context, requireUser: true, out var owner, out var reason))
        {
            return StripeEventTranslation.Ignore($"Subscription {subscription.Id} {reason}");
        }

        return StripeEventTranslation.Publish(new SubscriptionChanged(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId!.Value, owner.Purpose, owner.Plan, change,
            StripeObjectMapping.ToSnapshot(subscription), PreviousStatusOf(data)));
    }

    private static StripeEventTranslation InvoicePaid(EventContext context, Invoice invoice)
    {
        if (!TryReadSubscriptionInvoice(invoice, context, out var owner, out var subscriptionId, out var reason))
        {
            return StripeEventTranslation.Ignore($"Invoice {invoice.Id} {reason}");
        }

        // Invoice.Lines carry the service period; the invoice's own period_start/end describe the period *before* it.
        var periods = invoice.Lines?.Data?.Where(l => l.Period is not null).Select(l => l.Period).ToList() ?? [];
        var starts = periods.Select(p => StripeObjectMapping.Instant(p.Start)).OfType<DateTimeOffset>().ToList();
        var ends = periods.Select(p => StripeObjectMapping.Instant(p.End)).OfType<DateTimeOffset>().ToList();

        // The invoice's payments (basil+) are "includable": present only when expanded, so usually absent from webhooks.
        var paymentIntentId = invoice.Payments?.Data?
            .Where(p => p.Status == "paid")
            .Select(p => p.Payment?.PaymentIntentId)
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));
        return StripeEventTranslation.Publish(new PaymentSucceeded(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId!.Value, owner.Purpose, owner.Plan, invoice.Id, subscriptionId,
            invoice.CustomerId, paymentIntentId, BillingReasonOf(invoice.BillingReason), invoice.AmountPaid, Gst.ComponentOf(invoice.AmountPaid),
            invoice.Currency ?? Aud.StripeCurrency, starts.Count > 0 ? starts.Min() : null, ends.Count > 0 ? ends.Max() : null));
    }

    private static StripeEventTranslation InvoiceFailed(EventContext context, Invoice invoice)
    {
        if (!TryReadSubscriptionInvoice(invoice, context, out var owner, out var subscriptionId, out var reason))
        {
            return StripeEventTranslation.Ignore($"Invoice {invoice.Id} {reason}");
        }

        return StripeEventTranslation.Publish(new PaymentFailed(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId!.Value, owner.Purpose, owner.Plan, owner.Reference,
            PaymentFailureStage.Invoice, CheckoutSessionId: null, invoice.Id, subscriptionId, invoice.AmountDue, Gst.ComponentOf(invoice.AmountDue),
            invoice.Currency ?? Aud.StripeCurrency, invoice.AttemptCount, StripeObjectMapping.Instant(invoice.NextPaymentAttempt)));
    }

    private static StripeEventTranslation Refunded(EventContext context, Charge charge)
    {
        // A subscription's charges carry no metadata (only a one-off checkout's payment intent does, and Stripe copies
        // it onto the charge), so the tenant defaults to the endpoint's; a charge that names another gym is not ours.
        if (!Owner.TryRead(charge.Metadata, context, requireUser: false, out var owner, out var reason, tenantRequired: false))
        {
            return StripeEventTranslation.Ignore($"Charge {charge.Id} {reason}");
        }

        return StripeEventTranslation.Publish(new RefundIssued(
            context.EventId, context.CreatedAt, owner.TenantId, owner.UserId, owner.PurposeOrNull, owner.Reference, charge.Id,
            charge.PaymentIntentId, charge.Amount, charge.AmountRefunded, Gst.ComponentOf(charge.AmountRefunded),
            charge.Refunded || charge.AmountRefunded >= charge.Amount, charge.Currency ?? Aud.StripeCurrency));
    }

    private static bool TryReadSubscriptionInvoice(Invoice invoice, EventContext context, out Owner owner, out string subscriptionId, out string reason)
    {
        // Since API 2025-03-31.basil an invoice names its subscription, and a snapshot of the subscription's metadata,
        // only under parent.subscription_details.
        var details = invoice.Parent?.SubscriptionDetails;
        subscriptionId = details?.SubscriptionId ?? "";
        if (details is null || subscriptionId.Length == 0)
        {
            owner = default;
            reason = "is not a subscription invoice.";
            return false;
        }

        return Owner.TryRead(details.Metadata, context, requireUser: true, out owner, out reason);
    }

    /// <summary>
    /// The status before the change, from <c>data.previous_attributes.status</c>. Stripe.net exposes
    /// <see cref="EventData.PreviousAttributes"/> as an untyped object (a Newtonsoft <see cref="JObject"/> in 53.1), so
    /// both JSON object models are read.
    /// </summary>
    private static SubscriptionStatus? PreviousStatusOf(EventData data)
    {
        var status = data.PreviousAttributes switch
        {
            JObject json => json.TryGetValue("status", StringComparison.Ordinal, out var value) && value.Type == JTokenType.String ? value.Value<string>() : null,
            JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null,
            _ => null,
        };
        return status is null ? null : StripeObjectMapping.StatusOf(status);
    }

    private static CheckoutMode? ModeOf(string? mode) => mode switch
    {
        "subscription" => CheckoutMode.Subscription,
        "payment" => CheckoutMode.Payment,
        _ => null,
    };

    private static CheckoutPaymentStatus PaymentStatusOf(string? status) => status switch
    {
        "paid" => CheckoutPaymentStatus.Paid,
        "no_payment_required" => CheckoutPaymentStatus.NoPaymentRequired,
        _ => CheckoutPaymentStatus.Unpaid,
    };

    private static InvoiceBillingReason BillingReasonOf(string? reason) => reason switch
    {
        "subscription_create" => InvoiceBillingReason.SubscriptionCreate,
        "subscription_cycle" => InvoiceBillingReason.SubscriptionCycle,
        "subscription_update" => InvoiceBillingReason.SubscriptionUpdate,
        _ => InvoiceBillingReason.Other,
    };

    private readonly record struct EventContext(string EventId, DateTimeOffset CreatedAt, Guid EndpointTenantId);

    /// <summary>Whose an object is, from Derrimut's metadata.</summary>
    private readonly record struct Owner(Guid TenantId, Guid? UserId, string? PurposeOrNull, string? Plan, string? Reference)
    {
        public string Purpose => PurposeOrNull ?? "";

        public static bool TryRead(
            IReadOnlyDictionary<string, string>? metadata,
            EventContext context,
            bool requireUser,
            out Owner owner,
            out string reason,
            bool tenantRequired = true)
        {
            owner = default;
            reason = "";
            var tenantText = metadata?.GetValueOrDefault(BillingMetadata.TenantId);
            Guid tenantId;
            if (tenantText is null)
            {
                if (tenantRequired)
                {
                    reason = "carries no tenant_id metadata: it was not created by Derrimut.";
                    return false;
                }

                tenantId = context.EndpointTenantId;
            }
            else if (!Guid.TryParse(tenantText, CultureInfo.InvariantCulture, out tenantId))
            {
                reason = "has a tenant_id that is not a tenant id.";
                return false;
            }

            if (tenantId != context.EndpointTenantId)
            {
                reason = "belongs to another gym sharing the Stripe account.";
                return false;
            }

            Guid? userId = null;
            if (metadata?.GetValueOrDefault(BillingMetadata.UserId) is { } userText)
            {
                if (!Guid.TryParse(userText, CultureInfo.InvariantCulture, out var parsed))
                {
                    reason = "has a user_id that is not a user id.";
                    return false;
                }

                userId = parsed;
            }

            var purpose = metadata?.GetValueOrDefault(BillingMetadata.Purpose);
            if (requireUser && (userId is null || string.IsNullOrEmpty(purpose)))
            {
                reason = "carries no user_id or purpose metadata.";
                return false;
            }

            owner = new Owner(tenantId, userId, purpose, metadata?.GetValueOrDefault(BillingMetadata.Plan), metadata?.GetValueOrDefault(BillingMetadata.Reference));
            return true;
        }
    }
}
