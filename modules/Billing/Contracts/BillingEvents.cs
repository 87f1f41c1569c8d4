namespace Derrimut.Billing.Contracts;

/// <summary>
/// An integration event published by Billing after a verified Stripe webhook event (real or simulated). Stripe delivers
/// at least once and in no particular order, so a handler must be idempotent (the webhook inbox already drops exact
/// duplicates by <see cref="StripeEventId"/>) and must not move state backwards: compare
/// <see cref="StripeEventCreatedAt"/> with what it last applied, and for subscriptions prefer the carried state or
/// re-fetch it with <see cref="IPaymentGateway.GetSubscriptionAsync"/> when two events share a second.
/// </summary>
public interface IBillingEvent : Derrimut.BuildingBlocks.Events.IIntegrationEvent
{
    /// <summary>The Stripe event id (<c>evt_…</c>), unique per delivery source.</summary>
    string StripeEventId { get; }

    /// <summary>The Stripe event's <c>created</c> time (whole seconds): when the change happened at Stripe.</summary>
    DateTimeOffset StripeEventCreatedAt { get; }

    /// <summary>The gym location the money belongs to.</summary>
    Guid TenantId { get; }
}

/// <summary>How a checkout was set up.</summary>
public enum CheckoutMode
{
    /// <summary>Creates a recurring subscription.</summary>
    Subscription = 1,

    /// <summary>Takes one payment.</summary>
    Payment = 2,
}

/// <summary>Whether a completed checkout has been paid (Stripe's <c>payment_status</c>).</summary>
public enum CheckoutPaymentStatus
{
    /// <summary>Paid; fulfil now.</summary>
    Paid = 1,

    /// <summary>Not yet paid: a delayed payment method (e.g. BECS direct debit) settles later, with a second event.</summary>
    Unpaid = 2,

    /// <summary>Nothing was due (a free trial or a 100% discount).</summary>
    NoPaymentRequired = 3,
}

/// <summary>
/// A checkout finished (<c>checkout.session.completed</c>), or a delayed payment for it settled
/// (<c>checkout.session.async_payment_succeeded</c>, then with <see cref="PaymentStatus"/> Paid). Fulfil only when
/// <see cref="PaymentStatus"/> is not <see cref="CheckoutPaymentStatus.Unpaid"/>; the same session can arrive twice.
/// </summary>
/// <param name="StripeEventId">The Stripe event id.</param>
/// <param name="StripeEventCreatedAt">The Stripe event's creation time.</param>
/// <param name="TenantId">The gym.</param>
/// <param name="UserId">The member or payer.</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>.</param>
/// <param name="PlanCode">The plan, for subscription checkouts.</param>
/// <param name="Reference">The higher module's reference, for payment checkouts.</param>
/// <param name="CheckoutSessionId">The checkout session (<c>cs_…</c>).</param>
/// <param name="Mode">Subscription or one-off payment.</param>
/// <param name="PaymentStatus">Whether it is paid.</param>
/// <param name="CustomerId">The Stripe customer created or used.</param>
/// <param name="SubscriptionId">The subscription created (subscription mode).</param>
/// <param name="PaymentIntentId">The payment intent (payment mode).</param>
/// <param name="InvoiceId">The first invoice (subscription mode).</param>
/// <param name="AmountTotalCents">The total charged, GST included (a joining fee included).</param>
/// <param name="GstCents">The GST in <paramref name="AmountTotalCents"/>.</param>
/// <param name="Currency">ISO currency, lowercase (<c>aud</c>).</param>
public sealed record CheckoutCompleted(
    string StripeEventId,
    DateTimeOffset StripeEventCreatedAt,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string? PlanCode,
    string? Reference,
    string CheckoutSessionId,
    CheckoutMode Mode,
    CheckoutPaymentStatus PaymentStatus,
    string? CustomerId,
    string? SubscriptionId,
    string? PaymentIntentId,
    string? InvoiceId,
    long AmountTotalCents,
    long GstCents,
    string Currency) : IBillingEvent;

/// <summary>Which subscription event was received.</summary>
public enum SubscriptionChange
{
    /// <summary><c>customer.subscription.created</c>.</summary>
    Created = 1,

    /// <summary><c>customer.subscription.updated</c> (also <c>.paused</c> and <c>.resumed</c>): status, period, cancellation or freeze changed.</summary>
    Updated = 2,

    /// <summary><c>customer.subscription.deleted</c>: the subscription ended. Terminal; a later "updated" must not revive it.</summary>
    Deleted = 3,
}

/// <summary>A subscription was created, changed or ended at Stripe.</summary>
/// <param name="StripeEventId">The Stripe event id.</param>
/// <param name="StripeEventCreatedAt">The Stripe event's creation time: compare before applying.</param>
/// <param name="TenantId">The gym.</param>
/// <param name="UserId">The member.</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>.</param>
/// <param name="PlanCode">The plan the subscription was created for.</param>
/// <param name="Change">Created, updated or deleted.</param>
/// <param name="Subscription">The subscription's state carried by the event.</param>
/// <param name="PreviousStatus">The status before this change, when the status changed (Stripe's <c>previous_attributes</c>).</param>
public sealed record SubscriptionChanged(
    string StripeEventId,
    DateTimeOffset StripeEventCreatedAt,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string? PlanCode,
    SubscriptionChange Change,
    SubscriptionSnapshot Subscription,
    SubscriptionStatus? PreviousStatus) : IBillingEvent;

/// <summary>Why an invoice was raised (Stripe's <c>billing_reason</c>).</summary>
public enum InvoiceBillingReason
{
    /// <summary>Anything else (manual, threshold, upcoming…).</summary>
    Other = 0,

    /// <summary>The first invoice of a new subscription (includes any joining fee).</summary>
    SubscriptionCreate = 1,

    /// <summary>A renewal.</summary>
    SubscriptionCycle = 2,

    /// <summary>A change of plan or quantity.</summary>
    SubscriptionUpdate = 3,
}

/// <summary>
/// A subscription invoice was paid (<c>invoice.paid</c>, which also covers invoices marked paid outside Stripe): a
/// ledger line for the member. <see cref="PaymentIntentId"/> is known only when Stripe included the invoice's
/// <c>payments</c> (webhook payloads do not by default); refund by <see cref="InvoiceId"/> instead.
/// </summary>
/// <param name="StripeEventId">The Stripe event id.</param>
/// <param name="StripeEventCreatedAt">The Stripe event's creation time.</param>
/// <param name="TenantId">The gym.</param>
/// <param name="UserId">The member.</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="InvoiceId">The invoice (<c>in_…</c>).</param>
/// <param name="SubscriptionId">The subscription billed.</param>
/// <param name="CustomerId">The Stripe customer.</param>
/// <param name="PaymentIntentId">The payment, when the payload carried it.</param>
/// <param name="BillingReason">First charge, renewal or other.</param>
/// <param name="AmountPaidCents">The amount paid, GST included.</param>
/// <param name="GstCents">The GST in <paramref name="AmountPaidCents"/>.</param>
/// <param name="Currency">ISO currency, lowercase.</param>
/// <param name="ServicePeriodStart">Start of the period paid for (from the invoice lines, not the invoice's own period).</param>
/// <param name="ServicePeriodEnd">End of the period paid for.</param>
public sealed record PaymentSucceeded(
    string StripeEventId,
    DateTimeOffset StripeEventCreatedAt,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string? PlanCode,
    string InvoiceId,
    string? SubscriptionId,
    string? CustomerId,
    string? PaymentIntentId,
    InvoiceBillingReason BillingReason,
    long AmountPaidCents,
    long GstCents,
    string Currency,
    DateTimeOffset? ServicePeriodStart,
    DateTimeOffset? ServicePeriodEnd) : IBillingEvent;

/// <summary>Where a payment failed.</summary>
public enum PaymentFailureStage
{
    /// <summary>A subscription invoice could not be collected (<c>invoice.payment_failed</c>); Stripe retries.</summary>
    Invoice = 1,

    /// <summary>The checkout was abandoned or declined until it expired (<c>checkout.session.expired</c>).</summary>
    CheckoutExpired = 2,

    /// <summary>A delayed payment method failed after checkout (<c>checkout.session.async_payment_failed</c>).</summary>
    CheckoutAsyncPayment = 3,
}

/// <summary>A payment failed: a declined renewal, or a checkout that never got paid.</summary>
/// <param name="StripeEventId">The Stripe event id.</param>
/// <param name="StripeEventCreatedAt">The Stripe event's creation time.</param>
/// <param name="TenantId">The gym.</param>
/// <param name="UserId">The member or payer.</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>.</param>
/// <param name="PlanCode">The plan, for memberships.</param>
/// <param name="Reference">The higher module's reference, for one-off payments.</param>
/// <param name="Stage">Where it failed.</param>
/// <param name="CheckoutSessionId">The checkout, for checkout stages.</param>
/// <param name="InvoiceId">The invoice, for <see cref="PaymentFailureStage.Invoice"/>.</param>
/// <param name="SubscriptionId">The subscription, when there is one.</param>
/// <param name="AmountDueCents">The amount that was not collected, GST included.</param>
/// <param name="GstCents">The GST in <paramref name="AmountDueCents"/>.</param>
/// <param name="Currency">ISO currency, lowercase.</param>
/// <param name="AttemptCount">Collection attempts so far (invoices).</param>
/// <param name="NextPaymentAttempt">When Stripe tries again, if it will.</param>
public sealed record PaymentFailed(
    string StripeEventId,
    DateTimeOffset StripeEventCreatedAt,
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string? PlanCode,
    string? Reference,
    PaymentFailureStage Stage,
    string? CheckoutSessionId,
    string? InvoiceId,
    string? SubscriptionId,
    long AmountDueCents,
    long GstCents,
    string Currency,
    long AttemptCount,
    DateTimeOffset? NextPaymentAttempt) : IBillingEvent;

/// <summary>
/// A charge was refunded in full or in part (<c>charge.refunded</c>). Amounts are cumulative for the charge, so a
/// repeated or late event never double-counts. Charges of one-off checkouts carry the payer and reference (Stripe copies
/// the payment intent's metadata onto its charge); subscription charges do not, so <see cref="UserId"/>,
/// <see cref="Purpose"/> and <see cref="Reference"/> may be null: match the ledger by <see cref="ChargeId"/> or
/// <see cref="PaymentIntentId"/>.
/// </summary>
/// <param name="StripeEventId">The Stripe event id.</param>
/// <param name="StripeEventCreatedAt">The Stripe event's creation time.</param>
/// <param name="TenantId">The gym whose webhook endpoint received it.</param>
/// <param name="UserId">The payer, when the charge carried it.</param>
/// <param name="Purpose">The purpose, when the charge carried it.</param>
/// <param name="Reference">The higher module's reference, when the charge carried it.</param>
/// <param name="ChargeId">The charge (<c>ch_…</c>).</param>
/// <param name="PaymentIntentId">Its payment intent.</param>
/// <param name="ChargeAmountCents">The original charge, GST included.</param>
/// <param name="AmountRefundedCents">Refunded so far in total, GST included.</param>
/// <param name="RefundedGstCents">The GST in <paramref name="AmountRefundedCents"/>.</param>
/// <param name="FullyRefunded">The whole charge has been refunded.</param>
/// <param name="Currency">ISO currency, lowercase.</param>
public sealed record RefundIssued(
    string StripeEventId,
    DateTimeOffset StripeEventCreatedAt,
    Guid TenantId,
    Guid? UserId,
    string? Purpose,
    string? Reference,
    string ChargeId,
    string? PaymentIntentId,
    long ChargeAmountCents,
    long AmountRefundedCents,
    long RefundedGstCents,
    bool FullyRefunded,
    string Currency) : IBillingEvent;
