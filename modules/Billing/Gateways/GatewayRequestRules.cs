namespace Derrimut.Billing.Gateways;

/// <summary>
/// Checks gateway requests before either gateway acts, so Stripe and the simulated gateway refuse the same things
/// (and a bad request never costs a Stripe round trip). Field names are the requests' JSON names.
/// </summary>
internal static class GatewayRequestRules
{
    /// <summary>Stripe's smallest charge in AUD is $0.50 (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).</summary>
    public const long MinimumChargeCents = 50;

    /// <summary>Stripe's limit on line items in one checkout session.</summary>
    public const int MaxCheckoutLines = 100;

    /// <summary>Stripe rejects idempotency keys longer than 255 characters.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>Stripe caps metadata values at 500 characters; ours are far shorter.</summary>
    public const int MaxMetadataValueLength = 500;

    public static void Validate(SubscriptionCheckoutRequest request)
    {
        var errors = new ValidationErrors();
        Owner(errors, request.TenantId, request.UserId);
        errors.Required(request.Plan.Code, "plan.code", 100)
            .Required(request.Plan.Name, "plan.name", 250)
            .AddIf(request.Plan.PriceCents < MinimumChargeCents, "plan.priceCents", $"A plan must cost at least {Aud.Format(MinimumChargeCents)}.")
            .AddIf(request.Plan.JoiningFeeCents < 0, "plan.joiningFeeCents", "A joining fee cannot be negative.")
            .AddIf(!IsValidInterval(request.Plan.Interval), "plan.interval", "Stripe bills at most every three years (156 weeks, 36 months or 3 years), and at least every 1 unit.")
            .MaxLength(request.Plan.StripePriceId, "plan.stripePriceId", 255);
        Checkout(errors, request.Purpose, request.IdempotencyKey, request.SuccessUrl, request.CancelUrl);
        errors.ThrowIfAny();
    }

    public static void Validate(PaymentCheckoutRequest request)
    {
        var errors = new ValidationErrors();
        Owner(errors, request.TenantId, request.UserId);
        errors.Required(request.Reference, "reference", MaxMetadataValueLength)
            .Required(request.Description, "description", 250)
            .AddIf(request.AmountCents < MinimumChargeCents, "amountCents", $"A payment must be at least {Aud.Format(MinimumChargeCents)}.");
        Lines(errors, request.Lines, request.AmountCents);
        Checkout(errors, request.Purpose, request.IdempotencyKey, request.SuccessUrl, request.CancelUrl);
        errors.ThrowIfAny();
    }

    /// <summary>Stripe takes at most 100 line items per session, each with a name and a whole positive quantity.</summary>
    private static void Lines(ValidationErrors errors, IReadOnlyList<CheckoutLine>? lines, long amountCents)
    {
        if (lines is null || lines.Count == 0)
        {
            return;
        }

        errors.AddIf(lines.Count > MaxCheckoutLines, "lines", $"A checkout takes at most {MaxCheckoutLines} lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            errors.Required(line.Name, $"lines[{i}].name", 250)
                .AddIf(line.UnitAmountCents < 0, $"lines[{i}].unitAmountCents", "A line's price cannot be negative.")
                .AddIf(line.Quantity < 1, $"lines[{i}].quantity", "A line's quantity must be at least 1.");
        }

        errors.AddIf(lines.Sum(l => l.TotalCents) != amountCents, "lines", "The lines must add up to the amount charged.");
    }

    public static void Validate(CancelSubscriptionRequest request, DateTimeOffset now)
    {
        var errors = Subscription(request.TenantId, request.SubscriptionId, request.IdempotencyKey);
        if (request.Timing == CancellationTiming.AtDate)
        {
            errors.AddIf(request.CancelAt is null, "cancelAt", "A date is required to cancel at a date.")
                .AddIf(request.CancelAt <= now, "cancelAt", "The cancellation date must be in the future.");
        }
        else if (!Enum.IsDefined(request.Timing))
        {
            errors.Add("timing", "Unknown cancellation timing.");
        }
        else
        {
            errors.AddIf(request.CancelAt is not null, "cancelAt", "A date is only given to cancel at a date.");
        }

        errors.ThrowIfAny();
    }

    public static void Validate(PauseCollectionRequest request, DateTimeOffset now)
    {
        var errors = Subscription(request.TenantId, request.SubscriptionId, request.IdempotencyKey);
        errors.AddIf(request.ResumesAt <= now, "resumesAt", "A freeze must end in the future.");
        errors.ThrowIfAny();
    }

    public static void ValidateSubscriptionLookup(Guid tenantId, string subscriptionId) =>
        SubscriptionOfGym(tenantId, subscriptionId).ThrowIfAny();

    public static void Validate(ResumeCollectionRequest request) =>
        Subscription(request.TenantId, request.SubscriptionId, request.IdempotencyKey).ThrowIfAny();

    public static void Validate(RefundRequest request)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.TenantId == Guid.Empty, "tenantId", "A gym is required.")
            .Required(request.IdempotencyKey, "idempotencyKey", MaxIdempotencyKeyLength)
            .AddIf(PaymentKindOf(request.PaymentId) is null, "paymentId", "A payment intent (pi_…), charge (ch_… or py_…) or invoice (in_…) id is required.")
            .AddIf(request.AmountCents <= 0, "amountCents", "A refund must be more than $0.00.")
            .AddIf(!Enum.IsDefined(request.Reason), "reason", "Unknown refund reason.")
            .MaxLength(request.Reference, "reference", MaxMetadataValueLength);
        errors.ThrowIfAny();
    }

    /// <summary>What a payment id names, by Stripe's stable id prefixes; null when it is none of them.</summary>
    public static RefundTargetKind? PaymentKindOf(string? paymentId) => paymentId switch
    {
        null => null,
        _ when paymentId.Length <= 3 => null,
        _ when paymentId.StartsWith("pi_", StringComparison.Ordinal) => RefundTargetKind.PaymentIntent,
        _ when paymentId.StartsWith("ch_", StringComparison.Ordinal) || paymentId.StartsWith("py_", StringComparison.Ordinal) => RefundTargetKind.Charge,
        _ when paymentId.StartsWith("in_", StringComparison.Ordinal) => RefundTargetKind.Invoice,
        _ => null,
    };

    private static bool IsValidInterval(BillingInterval interval) => interval.Count >= 1 && interval.Unit switch
    {
        BillingIntervalUnit.Week => interval.Count <= 156,
        BillingIntervalUnit.Month => interval.Count <= 36,
        BillingIntervalUnit.Year => interval.Count <= 3,
        _ => false,
    };

    private static void Owner(ValidationErrors errors, Guid tenantId, Guid userId) => errors
        .AddIf(tenantId == Guid.Empty, "tenantId", "A gym is required.")
        .AddIf(userId == Guid.Empty, "userId", "A member is required.");

    private static void Checkout(ValidationErrors errors, string purpose, string idempotencyKey, string successUrl, string cancelUrl) => errors
        .Required(purpose, "purpose", 50)
        .Required(idempotencyKey, "idempotencyKey", MaxIdempotencyKeyLength)
        .AddIf(!IsAbsoluteWebUrl(successUrl), "successUrl", "An absolute http(s) URL is required.")
        .AddIf(!IsAbsoluteWebUrl(cancelUrl), "cancelUrl", "An absolute http(s) URL is required.");

    private static ValidationErrors Subscription(Guid tenantId, string subscriptionId, string idempotencyKey) =>
        SubscriptionOfGym(tenantId, subscriptionId).Required(idempotencyKey, "idempotencyKey", MaxIdempotencyKeyLength);

    private static ValidationErrors SubscriptionOfGym(Guid tenantId, string subscriptionId) => new ValidationErrors()
        .AddIf(tenantId == Guid.Empty, "tenantId", "A gym is required.")
        .AddIf(string.IsNullOrWhiteSpace(subscriptionId) || !subscriptionId.StartsWith("sub_", StringComparison.Ordinal), "subscriptionId", "A subscription id (sub_…) is required.");

    private static bool IsAbsoluteWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>What a refund's payment id names.</summary>
internal enum RefundTargetKind
{
    PaymentIntent = 1,
    Charge = 2,
    Invoice = 3,
}
