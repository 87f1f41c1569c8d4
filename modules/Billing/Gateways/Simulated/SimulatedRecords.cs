using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>A record of the simulated gateway: saved by key, each change a new version.</summary>
internal interface ISimulatedRecord
{
    /// <summary>The record's id.</summary>
    string Key { get; }

    /// <summary>1 when new; incremented by every change.</summary>
    int Version { get; }
}

/// <summary>Where a simulated checkout is.</summary>
internal enum SimulatedCheckoutStatus
{
    /// <summary>Waiting for the payer to press Pay or Decline.</summary>
    Open = 1,

    /// <summary>Paid.</summary>
    Complete = 2,

    /// <summary>Declined or abandoned.</summary>
    Expired = 3,
}

/// <summary>
/// A simulated Checkout Session. Records are immutable; every change is saved as a new <see cref="Version"/> so that
/// two presses of "Pay" cannot both succeed (see <see cref="ISimulatedBillingStore"/>).
/// </summary>
internal sealed record SimulatedCheckout(
    string Id,
    int Version,
    Guid TenantId,
    Guid UserId,
    CheckoutMode Mode,
    string Purpose,
    CheckoutPlan? Plan,
    string? Reference,
    string Description,
    long AmountCents,
    string IdempotencyKey,
    string SuccessUrl,
    string CancelUrl,
    string? CustomerEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    SimulatedCheckoutStatus Status,
    string? CustomerId = null,
    string? SubscriptionId = null,
    string? PaymentIntentId = null,
    string? InvoiceId = null,
    IReadOnlyList<CheckoutLine>? Lines = null) : ISimulatedRecord
{
    /// <inheritdoc />
    public string Key => Id;

    /// <summary>Stripe Checkout sessions expire 24 hours after creation unless told otherwise.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>What the checkout page charges now (the first payment, joining fee included), GST included.</summary>
    public GstInclusive Amount => new(AmountCents);

    /// <summary>The success URL with Stripe's <c>{CHECKOUT_SESSION_ID}</c> placeholder filled in, as Stripe does.</summary>
    public string CompletedRedirectUrl => SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);

    /// <summary>Whether another request with the same idempotency key asked for the same thing (Stripe refuses a key reused with other parameters).</summary>
    public bool IsSameRequestAs(SimulatedCheckout other) =>
        UserId == other.UserId && Mode == other.Mode && Purpose == other.Purpose && Plan == other.Plan && Reference == other.Reference
        && Description == other.Description && AmountCents == other.AmountCents && SuccessUrl == other.SuccessUrl
        && CancelUrl == other.CancelUrl && CustomerEmail == other.CustomerEmail;
}

/// <summary>A simulated subscription; its billing period is one item's, as on Stripe since API 2025-03-31.</summary>
internal sealed record SimulatedSubscription(
    string Id,
    int Version,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    CheckoutPlan Plan,
    string CheckoutId,
    string CustomerId,
    string ItemId,
    string PriceId,
    string ProductId,
    SubscriptionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset CurrentPeriodStart,
    DateTimeOffset CurrentPeriodEnd,
    string LatestInvoiceId,
    bool CancelAtPeriodEnd = false,
    DateTimeOffset? CancelAt = null,
    DateTimeOffset? CanceledAt = null,
    DateTimeOffset? EndedAt = null,
    bool CollectionPaused = false,
    DateTimeOffset? CollectionResumesAt = null) : ISimulatedRecord
{
    /// <inheritdoc />
    public string Key => Id;

    /// <summary>The state as the gateway contract reports it.</summary>
    public SubscriptionSnapshot ToSnapshot() => new(
        Id, CustomerId, Status, CurrentPeriodStart, CurrentPeriodEnd, CancelAtPeriodEnd, CancelAt, CanceledAt, EndedAt,
        CollectionPaused, CollectionResumesAt);

    /// <summary>Whether billing goes on (not canceled or expired).</summary>
    public bool IsLive => !ToSnapshot().IsTerminal;
}

/// <summary>A refund of a simulated payment.</summary>
internal sealed record SimulatedRefund(string RefundId, string IdempotencyKey, long AmountCents, DateTimeOffset CreatedAt);

/// <summary>
/// A simulated successful payment: a payment intent and its one charge, for a one-off checkout or a subscription
/// invoice (<see cref="InvoiceId"/> set).
/// </summary>
internal sealed record SimulatedPayment(
    string PaymentIntentId,
    int Version,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string? PlanCode,
    string? Reference,
    string ChargeId,
    string CustomerId,
    string? InvoiceId,
    string? SubscriptionId,
    string? CheckoutId,
    long AmountCents,
    long AmountRefundedCents,
    DateTimeOffset CreatedAt,
    ImmutableList<SimulatedRefund> Refunds) : ISimulatedRecord
{
    /// <inheritdoc />
    public string Key => PaymentIntentId;

    /// <summary>What can still be refunded.</summary>
    public long RefundableCents => AmountCents - AmountRefundedCents;

    /// <summary>
    /// Stripe copies a payment intent's metadata onto its charge; only one-off checkouts put metadata on the payment
    /// intent (<c>payment_intent_data.metadata</c>). An invoice's payment intent carries none.
    /// </summary>
    public bool ChargeCarriesMetadata => InvoiceId is null;
}

/// <summary>Ids shaped like Stripe's (<c>prefix_…</c>), marked <c>sim</c> so nobody mistakes them for real ones.</summary>
internal static class SimulatedIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new id, e.g. <c>New("sub")</c> → <c>sub_sim_…</c>. Stripe's own prefixes matter: refunds tell a
    /// payment intent from a charge or an invoice by them.</summary>
    public static string New(string prefix) => $"{prefix}_sim_{RandomNumberGenerator.GetString(Alphabet, 24)}";
}
