using Stripe;
using StripeSubscription = Stripe.Subscription;

namespace Derrimut.Billing.Gateways.Stripe;

/// <summary>Reads Stripe.net objects into Billing's contracts; shared by the gateway and the webhook translator.</summary>
internal static class StripeObjectMapping
{
    /// <summary>The subscription's state. Stripe.net types never leave the module.</summary>
    public static SubscriptionSnapshot ToSnapshot(StripeSubscription subscription)
    {
        // Since API 2025-03-31.basil (Stripe.net 48) the billing period lives on each item, not on the subscription;
        // with several items, the subscription is paid up to the latest item's end.
        var items = subscription.Items?.Data ?? [];
        var periodStarts = items.Select(i => Instant(i.CurrentPeriodStart)).OfType<DateTimeOffset>().ToList();
        var periodEnds = items.Select(i => Instant(i.CurrentPeriodEnd)).OfType<DateTimeOffset>().ToList();

        // Stripe only sets pause_collection while collection is paused; "resuming" sends it back to null.
        var pause = subscription.PauseCollection;
        return new SubscriptionSnapshot(
            subscription.Id,
            subscription.CustomerId ?? "",
            StatusOf(subscription.Status),
            periodStarts.Count > 0 ? periodStarts.Min() : null,
            periodEnds.Count > 0 ? periodEnds.Max() : null,
            subscription.CancelAtPeriodEnd,
            Instant(subscription.CancelAt),
            Instant(subscription.CanceledAt),
            Instant(subscription.EndedAt),
            pause is not null,
            Instant(pause?.ResumesAt));
    }

    /// <summary>Stripe's status string as the contract's enum; a status added by Stripe later is <see cref="SubscriptionStatus.Unknown"/>.</summary>
    public static SubscriptionStatus StatusOf(string? status) => status switch
    {
        SubscriptionStatuses.Incomplete => SubscriptionStatus.Incomplete,
        SubscriptionStatuses.IncompleteExpired => SubscriptionStatus.IncompleteExpired,
        SubscriptionStatuses.Trialing => SubscriptionStatus.Trialing,
        SubscriptionStatuses.Active => SubscriptionStatus.Active,
        SubscriptionStatuses.PastDue => SubscriptionStatus.PastDue,
        SubscriptionStatuses.Canceled => SubscriptionStatus.Canceled,
        SubscriptionStatuses.Unpaid => SubscriptionStatus.Unpaid,
        SubscriptionStatuses.Paused => SubscriptionStatus.Paused,
        _ => SubscriptionStatus.Unknown,
    };

    /// <summary>The contract's enum back as Stripe's status string.</summary>
    public static string StripeStatusOf(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Incomplete => SubscriptionStatuses.Incomplete,
        SubscriptionStatus.IncompleteExpired => SubscriptionStatuses.IncompleteExpired,
        SubscriptionStatus.Trialing => SubscriptionStatuses.Trialing,
        SubscriptionStatus.Active => SubscriptionStatuses.Active,
        SubscriptionStatus.PastDue => SubscriptionStatuses.PastDue,
        SubscriptionStatus.Canceled => SubscriptionStatuses.Canceled,
        SubscriptionStatus.Unpaid => SubscriptionStatuses.Unpaid,
        SubscriptionStatus.Paused => SubscriptionStatuses.Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No Stripe status for this value."),
    };

    /// <summary>
    /// A Stripe timestamp as an instant. Stripe.net deserializes Unix seconds to UTC <see cref="DateTime"/>s and leaves
    /// absent ones at their default, which is not a real Stripe time, so anything at or before the Unix epoch is "none".
    /// </summary>
    public static DateTimeOffset? Instant(DateTime? value) =>
        value is { } v && v > DateTime.UnixEpoch ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    /// <summary>Stripe.net takes timestamps as UTC <see cref="DateTime"/>s and sends whole Unix seconds.</summary>
    public static DateTime ToStripe(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>The Stripe string for a billing interval unit.</summary>
    public static string IntervalOf(BillingIntervalUnit unit) => unit switch
    {
        BillingIntervalUnit.Week => "week",
        BillingIntervalUnit.Month => "month",
        BillingIntervalUnit.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown billing interval unit."),
    };

    /// <summary>The Stripe string for a refund reason.</summary>
    public static string ReasonOf(RefundReason reason) => reason switch
    {
        RefundReason.RequestedByCustomer => "requested_by_customer",
        RefundReason.Duplicate => "duplicate",
        RefundReason.Fraudulent => "fraudulent",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refund reason."),
    };
}
