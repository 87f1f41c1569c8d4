namespace Derrimut.Billing.Contracts;

/// <summary>What a checkout pays for; higher modules pick one, and it travels in the gateway's metadata.</summary>
public static class CheckoutPurposes
{
    /// <summary>A recurring gym membership.</summary>
    public const string Membership = "membership";

    /// <summary>A session with a personal trainer.</summary>
    public const string TrainerBooking = "trainer_booking";

    /// <summary>An order from the gym's shop.</summary>
    public const string ShopOrder = "shop_order";

    /// <summary>A one-off visit.</summary>
    public const string DayPass = "day_pass";
}

/// <summary>The unit of a billing interval, as Stripe's <c>recurring.interval</c> has it.</summary>
public enum BillingIntervalUnit
{
    /// <summary>Every N weeks (most Australian gyms bill fortnightly).</summary>
    Week = 1,

    /// <summary>Every N months.</summary>
    Month = 2,

    /// <summary>Every N years (an upfront annual membership).</summary>
    Year = 3,
}

/// <summary>How often a plan bills, e.g. every 2 weeks.</summary>
/// <param name="Unit">Week, month or year.</param>
/// <param name="Count">How many units between charges (1 or more).</param>
public sealed record BillingInterval(BillingIntervalUnit Unit, int Count)
{
    /// <summary>Weekly.</summary>
    public static BillingInterval Weekly { get; } = new(BillingIntervalUnit.Week, 1);

    /// <summary>Fortnightly.</summary>
    public static BillingInterval Fortnightly { get; } = new(BillingIntervalUnit.Week, 2);

    /// <summary>Monthly.</summary>
    public static BillingInterval Monthly { get; } = new(BillingIntervalUnit.Month, 1);

    /// <summary>Yearly.</summary>
    public static BillingInterval Yearly { get; } = new(BillingIntervalUnit.Year, 1);

    /// <summary>The start of the next period after one starting at <paramref name="periodStart"/>.</summary>
    public DateTimeOffset After(DateTimeOffset periodStart) => Unit switch
    {
        BillingIntervalUnit.Week => periodStart.AddDays(7 * Count),
        BillingIntervalUnit.Month => periodStart.AddMonths(Count),
        BillingIntervalUnit.Year => periodStart.AddYears(Count),
        _ => throw new InvalidOperationException($"Unknown billing interval unit {Unit}."),
    };
}

/// <summary>A plan as the gateway needs it.</summary>
/// <param name="Code">The plan's stable code, e.g. <c>no-lock-in</c>; travels in metadata as <c>plan</c>.</param>
/// <param name="Name">What the member sees on the checkout page and their statement.</param>
/// <param name="PriceCents">The recurring price in cents, GST included.</param>
/// <param name="Interval">How often it bills.</param>
/// <param name="JoiningFeeCents">A one-off fee added to the first charge, GST included; 0 for none.</param>
/// <param name="StripePriceId">The Stripe price to bill, when the gym created one; otherwise the price is sent inline.</param>
public sealed record CheckoutPlan(
    string Code,
    string Name,
    long PriceCents,
    BillingInterval Interval,
    long JoiningFeeCents = 0,
    string? StripePriceId = null);

/// <summary>Starts a subscription checkout.</summary>
/// <param name="TenantId">The gym location the member joins.</param>
/// <param name="UserId">The member (also Stripe's <c>client_reference_id</c>).</param>
/// <param name="Plan">The plan to subscribe to.</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>, usually <see cref="CheckoutPurposes.Membership"/>.</param>
/// <param name="IdempotencyKey">
/// The same key for a retry of the same request (at most 255 characters): the gateway then returns the same checkout
/// instead of a second one.
/// </param>
/// <param name="SuccessUrl">Absolute URL the member returns to after paying; may contain <c>{CHECKOUT_SESSION_ID}</c>.</param>
/// <param name="CancelUrl">Absolute URL the member returns to when they back out.</param>
/// <param name="CustomerEmail">Prefills the checkout's email field.</param>
public sealed record SubscriptionCheckoutRequest(
    Guid TenantId,
    Guid UserId,
    CheckoutPlan Plan,
    string Purpose,
    string IdempotencyKey,
    string SuccessUrl,
    string CancelUrl,
    string? CustomerEmail = null);

/// <summary>Starts a one-off payment checkout.</summary>
/// <param name="TenantId">The gym location being paid.</param>
/// <param name="UserId">The payer (also Stripe's <c>client_reference_id</c>).</param>
/// <param name="Purpose">One of <see cref="CheckoutPurposes"/>.</param>
/// <param name="Reference">The higher module's id for what is bought (a booking or order id); travels in metadata.</param>
/// <param name="Description">What the payer sees, e.g. "PT session with Sam, Tue 4 Nov 6:00 pm".</param>
/// <param name="AmountCents">The amount in cents, GST included.</param>
/// <param name="IdempotencyKey">The same key for a retry of the same request (at most 255 characters).</param>
/// <param name="SuccessUrl">Absolute URL after paying; may contain <c>{CHECKOUT_SESSION_ID}</c>.</param>
/// <param name="CancelUrl">Absolute URL when the payer backs out.</param>
/// <param name="CustomerEmail">Prefills the checkout's email field.</param>
/// <param name="Lines">
/// What is bought, one line each as the payer sees it (Stripe's <c>line_items</c>): a shop order's cart lines and its
/// shipping. Their total must equal <paramref name="AmountCents"/>. Null or empty: one line of
/// <paramref name="Description"/> for the whole amount.
/// </param>
public sealed record PaymentCheckoutRequest(
    Guid TenantId,
    Guid UserId,
    string Purpose,
    string Reference,
    string Description,
    long AmountCents,
    string IdempotencyKey,
    string SuccessUrl,
    string CancelUrl,
    string? CustomerEmail = null,
    IReadOnlyList<CheckoutLine>? Lines = null);

/// <summary>One line of a payment checkout (a Stripe checkout line item with inline price data).</summary>
/// <param name="Name">What the payer sees, e.g. "Whey protein 1 kg, Chocolate".</param>
/// <param name="UnitAmountCents">The price of one, GST included (where GST applies).</param>
/// <param name="Quantity">How many (1 or more).</param>
public sealed record CheckoutLine(string Name, long UnitAmountCents, int Quantity)
{
    /// <summary>The line's total in cents.</summary>
    public long TotalCents => UnitAmountCents * Quantity;
}

/// <summary>A checkout the payer can now be sent to.</summary>
/// <param name="CheckoutId">The gateway's checkout session id (<c>cs_…</c>).</param>
/// <param name="Url">Where to redirect the payer.</param>
/// <param name="ExpiresAt">When the checkout stops accepting payment.</param>
public sealed record StartedCheckout(string CheckoutId, string Url, DateTimeOffset ExpiresAt);

/// <summary>When a cancellation takes effect.</summary>
public enum CancellationTiming
{
    /// <summary>At the end of the period already paid for (the member keeps access until then).</summary>
    AtPeriodEnd = 1,

    /// <summary>At <see cref="CancelSubscriptionRequest.CancelAt"/>, e.g. the end of a minimum term.</summary>
    AtDate = 2,

    /// <summary>Now (staff action, e.g. after a refund).</summary>
    Immediately = 3,
}

/// <summary>Cancels a subscription.</summary>
/// <param name="TenantId">The gym the subscription belongs to.</param>
/// <param name="SubscriptionId">The gateway's subscription id (<c>sub_…</c>).</param>
/// <param name="Timing">When it takes effect.</param>
/// <param name="CancelAt">The date, required for <see cref="CancellationTiming.AtDate"/> and in the future; otherwise null.</param>
/// <param name="IdempotencyKey">The same key for a retry of the same request.</param>
public sealed record CancelSubscriptionRequest(
    Guid TenantId,
    string SubscriptionId,
    CancellationTiming Timing,
    DateTimeOffset? CancelAt,
    string IdempotencyKey);

/// <summary>Freezes a membership until a date.</summary>
/// <param name="TenantId">The gym the subscription belongs to.</param>
/// <param name="SubscriptionId">The gateway's subscription id.</param>
/// <param name="ResumesAt">When collection resumes by itself (in the future).</param>
/// <param name="IdempotencyKey">The same key for a retry of the same request.</param>
public sealed record PauseCollectionRequest(Guid TenantId, string SubscriptionId, DateTimeOffset ResumesAt, string IdempotencyKey);

/// <summary>Ends a freeze early.</summary>
/// <param name="TenantId">The gym the subscription belongs to.</param>
/// <param name="SubscriptionId">The gateway's subscription id.</param>
/// <param name="IdempotencyKey">The same key for a retry of the same request.</param>
public sealed record ResumeCollectionRequest(Guid TenantId, string SubscriptionId, string IdempotencyKey);

/// <summary>Why money goes back, in Stripe's terms.</summary>
public enum RefundReason
{
    /// <summary>The member asked (the usual case).</summary>
    RequestedByCustomer = 1,

    /// <summary>The member was charged twice.</summary>
    Duplicate = 2,

    /// <summary>The charge was fraudulent (Stripe adds the card to its block lists).</summary>
    Fraudulent = 3,
}

/// <summary>Refunds a payment in full or in part.</summary>
/// <param name="TenantId">The gym that took the payment.</param>
/// <param name="PaymentId">
/// A payment intent (<c>pi_…</c>), a charge (<c>ch_…</c> or <c>py_…</c>), or a paid invoice (<c>in_…</c>, whose payment
/// is refunded; subscription charges are known by their invoice).
/// </param>
/// <param name="AmountCents">The amount to refund in cents, GST included; null refunds whatever is left.</param>
/// <param name="Reason">Why.</param>
/// <param name="IdempotencyKey">The same key for a retry of the same request: one refund, however often it is sent.</param>
/// <param name="UserId">The member refunded, recorded on the refund.</param>
/// <param name="Reference">The higher module's id for what is refunded (a ledger line), recorded on the refund.</param>
public sealed record RefundRequest(
    Guid TenantId,
    string PaymentId,
    long? AmountCents,
    RefundReason Reason,
    string IdempotencyKey,
    Guid? UserId = null,
    string? Reference = null);

/// <summary>A refund the gateway accepted.</summary>
/// <param name="RefundId">The gateway's refund id (<c>re_…</c>).</param>
/// <param name="ChargeId">The charge refunded.</param>
/// <param name="PaymentIntentId">The payment intent refunded.</param>
/// <param name="AmountCents">The amount of this refund, GST included.</param>
/// <param name="Status">The gateway's status, e.g. <c>succeeded</c> or <c>pending</c>.</param>
public sealed record IssuedRefund(string RefundId, string? ChargeId, string? PaymentIntentId, long AmountCents, string Status)
{
    /// <summary>The GST component of the refund (for the adjustment note).</summary>
    public long GstCents => Gst.ComponentOf(AmountCents);
}

/// <summary>A membership plan's recurring price, created on the gym's own gateway account.</summary>
/// <param name="TenantId">The gym whose account the price belongs to.</param>
/// <param name="PlanCode">The plan's code, recorded on the price as metadata <c>plan</c>.</param>
/// <param name="PlanName">The product name members see on their receipts.</param>
/// <param name="PriceCents">The recurring amount, GST included.</param>
/// <param name="Interval">How often it is charged.</param>
/// <param name="IdempotencyKey">Makes a retried create return the same price.</param>
public sealed record PlanPriceRequest(Guid TenantId, string PlanCode, string PlanName, long PriceCents, BillingInterval Interval, string IdempotencyKey);

/// <summary>A subscription moving to its plan's new price from the next invoice.</summary>
/// <param name="TenantId">The gym the subscription belongs to.</param>
/// <param name="SubscriptionId">The gateway's subscription id.</param>
/// <param name="Plan">The plan as it is now: its price (and Stripe price id when the gym's account holds one).</param>
/// <param name="IdempotencyKey">The same key for a retry of the same change.</param>
public sealed record SubscriptionPriceChangeRequest(Guid TenantId, string SubscriptionId, CheckoutPlan Plan, string IdempotencyKey);
