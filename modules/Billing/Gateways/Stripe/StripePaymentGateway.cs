using System.Globalization;
using System.Net;
using Derrimut.BuildingBlocks.Errors;
using Stripe;
using Stripe.Checkout;
using StripeSubscription = Stripe.Subscription;

namespace Derrimut.Billing.Gateways.Stripe;

/// <summary>
/// <see cref="IPaymentGateway"/> on Stripe's API through Stripe.net 53 (API version <c>2026-10-28.endive</c>). One
/// shared <see cref="StripeClient"/> serves every gym; each call carries the gym's secret key in its
/// <see cref="RequestOptions"/>, so per-gym Stripe accounts need no client per gym.
/// </summary>
internal sealed class StripePaymentGateway(StripeClient client, IStripeKeyResolver keys, TimeProvider time) : IPaymentGateway
{
    /// <inheritdoc />
    public PaymentGatewayKind Kind => PaymentGatewayKind.Stripe;

    /// <inheritdoc />
    public async Task<StartedCheckout> CreateSubscriptionCheckoutAsync(SubscriptionCheckoutRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var plan = request.Plan;
        var lineItems = new List<SessionLineItemOptions> { PlanLineItem(plan) };
        if (plan.JoiningFeeCents > 0)
        {
            // A price without "recurring" in a subscription-mode session is billed once, on the first invoice.
            lineItems.Add(new SessionLineItemOptions
            {
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = Aud.StripeCurrency,
                    UnitAmount = plan.JoiningFeeCents,
                    TaxBehavior = "inclusive",
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Joining fee – {plan.Name}" },
                },
                Quantity = 1,
            });
        }

        var options = new SessionCreateOptions
        {
            Mode = "subscription",
            ClientReferenceId = request.UserId.ToString("D", CultureInfo.InvariantCulture),
            CustomerEmail = request.CustomerEmail,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            LineItems = lineItems,
            // The session's metadata stays on the session (checkout.session.* events); Stripe copies
            // subscription_data.metadata onto the subscription, whose customer.subscription.* and invoice.* events
            // are the ones that keep arriving for years.
            Metadata = BillingMetadata.For(request.TenantId, request.UserId, request.Purpose, plan: plan.Code),
            SubscriptionData = new SessionSubscriptionDataOptions
            {
                Metadata = BillingMetadata.For(request.TenantId, request.UserId, request.Purpose, plan: plan.Code),
            },
        };

        var session = await CallAsync(request.TenantId, request.IdempotencyKey, (requestOptions, ct) =>
            client.V1.Checkout.Sessions.CreateAsync(options, requestOptions, ct), cancellationToken);
        return Started(session);
    }

    /// <inheritdoc />
    public async Task<StartedCheckout> CreatePaymentCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.UserId.ToString("D", CultureInfo.InvariantCulture),
            CustomerEmail = request.CustomerEmail,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            // One line item per line bought (a shop order's cart lines and shipping), so Stripe's receipt and dashboard
            // show what was bought; without lines, the whole amount as one item.
            LineItems = request.Lines is { Count: > 0 } lines
                ? [.. lines.Select(line => LineItem(line.Name, line.UnitAmountCents, line.Quantity))]
                : [LineItem(request.Description, request.AmountCents, 1)],
            Metadata = BillingMetadata.For(request.TenantId, request.UserId, request.Purpose, reference: request.Reference),
            // Copied onto the payment intent, and from it onto the charge, so charge.refunded knows whose it was.
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = BillingMetadata.For(request.TenantId, request.UserId, request.Purpose, reference: request.Reference),
            },
        };

        var session = await CallAsync(request.TenantId, request.IdempotencyKey, (requestOptions, ct) =>
            client.V1.Checkout.Sessions.CreateAsync(options, requestOptions, ct), cancellationToken);
        return Started(session);
    }

    private static SessionLineItemOptions LineItem(string name, long unitAmountCents, int quantity) => new()
    {
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = Aud.StripeCurrency,
            UnitAmount = unitAmountCents,
            TaxBehavior = "inclusive",
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
        Quantity = quantity,
    };

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> CancelSubscriptionAsync(CancelSubscriptionRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request, time.GetUtcNow());
        var subscription = request.Timing switch
        {
            // DELETE /v1/subscriptions/{id}: ends it now; customer.subscription.deleted follows.
            CancellationTiming.Immediately => await CallAsync(request.TenantId, request.IdempotencyKey, (requestOptions, ct) =>
                client.V1.Subscriptions.CancelAsync(request.SubscriptionId, new SubscriptionCancelOptions(), requestOptions, ct), cancellationToken),
            CancellationTiming.AtPeriodEnd => await UpdateAsync(request.TenantId, request.SubscriptionId, request.IdempotencyKey,
                new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken),
            _ => await UpdateAsync(request.TenantId, request.SubscriptionId, request.IdempotencyKey,
                new SubscriptionUpdateOptions { CancelAt = StripeObjectMapping.ToStripe(request.CancelAt!.Value) }, cancellationToken),
        };
        return StripeObjectMapping.ToSnapshot(subscription);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> PauseCollectionAsync(PauseCollectionRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request, time.GetUtcNow());

        // "void" rather than "keep_as_draft" or "mark_uncollectible": invoices that fall due during a freeze are
        // voided, so the member never owes them and nothing is collected when the freeze ends. The status stays as it
        // is (Stripe's "paused" status is something else: a trial that ended without a payment method).
        var options = new SubscriptionUpdateOptions
        {
            PauseCollection = new SubscriptionPauseCollectionOptions
            {
                Behavior = "void",
                ResumesAt = StripeObjectMapping.ToStripe(request.ResumesAt),
            },
        };
        var subscription = await UpdateAsync(request.TenantId, request.SubscriptionId, request.IdempotencyKey, options, cancellationToken);
        return StripeObjectMapping.ToSnapshot(subscription);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> ResumeCollectionAsync(ResumeCollectionRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);

        // Stripe unsets a field when it is sent as an empty string ("pause_collection="); Stripe.net's typed options
        // cannot express that (a null property is simply not sent), hence the extra parameter.
        var options = new SubscriptionUpdateOptions();
        options.AddExtraParam("pause_collection", "");
        var subscription = await UpdateAsync(request.TenantId, request.SubscriptionId, request.IdempotencyKey, options, cancellationToken);
        return StripeObjectMapping.ToSnapshot(subscription);
    }

    /// <inheritdoc />
    public async Task<IssuedRefund> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        GatewayRequestRules.Validate(request);
        var options = new RefundCreateOptions
        {
            Amount = request.AmountCents,
            Reason = StripeObjectMapping.ReasonOf(request.Reason),
            Metadata = RefundMetadata(request),
        };
        switch (GatewayRequestRules.PaymentKindOf(request.PaymentId))
        {
            case RefundTargetKind.Charge:
                options.Charge = request.PaymentId;
                break;
            case RefundTargetKind.Invoice:
                // Since API 2025-03-31.basil an invoice no longer names its charge or payment intent; its payments are
                // listed separately (GET /v1/invoice_payments?invoice=…).
                options.PaymentIntent = await PaidPaymentIntentOfAsync(request.TenantId, request.PaymentId, cancellationToken);
                break;
            default:
                options.PaymentIntent = request.PaymentId;
                break;
        }

        var refund = await CallAsync(request.TenantId, request.IdempotencyKey, (requestOptions, ct) =>
            client.V1.Refunds.CreateAsync(options, requestOptions, ct), cancellationToken);
        return new IssuedRefund(refund.Id, refund.ChargeId, refund.PaymentIntentId, refund.Amount, refund.Status);
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> GetSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        GatewayRequestRules.ValidateSubscriptionLookup(tenantId, subscriptionId);
        var subscription = await CallAsync(tenantId, idempotencyKey: null, (requestOptions, ct) =>
            client.V1.Subscriptions.GetAsync(subscriptionId, null, requestOptions, ct), cancellationToken);

        // Gyms of one franchise may share a Stripe account, which then shows each of them every subscription; one
        // that names another gym is not this gym's to see.
        if (subscription.Metadata?.GetValueOrDefault(BillingMetadata.TenantId) is { } owner
            && owner != tenantId.ToString("D", CultureInfo.InvariantCulture))
        {
            throw new NotFoundException($"No such subscription: '{subscriptionId}'.");
        }

        return StripeObjectMapping.ToSnapshot(subscription);
    }

    /// <inheritdoc />
    public async Task<string?> CreatePlanPriceAsync(PlanPriceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PriceCents <= 0 || string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw new ArgumentException("A plan price needs a positive amount and an idempotency key.", nameof(request));
        }

        var options = new PriceCreateOptions
        {
            Currency = Aud.StripeCurrency,
            UnitAmount = request.PriceCents,
            // Australian consumer prices include GST.
            TaxBehavior = "inclusive",
            Recurring = new PriceRecurringOptions
            {
                Interval = StripeObjectMapping.IntervalOf(request.Interval.Unit),
                IntervalCount = request.Interval.Count,
            },
            ProductData = new PriceProductDataOptions { Name = request.PlanName },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [BillingMetadata.TenantId] = request.TenantId.ToString("D", CultureInfo.InvariantCulture),
                ["plan"] = request.PlanCode,
            },
        };
        var price = await CallAsync(request.TenantId, request.IdempotencyKey, (requestOptions, ct) =>
            client.V1.Prices.CreateAsync(options, requestOptions, ct), cancellationToken);
        return price.Id;
    }

    /// <inheritdoc />
    public async Task<SubscriptionSnapshot> ChangeSubscriptionPriceAsync(SubscriptionPriceChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Plan.PriceCents <= 0 || string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw new ArgumentException("A price change needs a positive amount and an idempotency key.", nameof(request));
        }

        // The item to re-price, read with the gym's key (and refused when the subscription names another gym).
        GatewayRequestRules.ValidateSubscriptionLookup(request.TenantId, request.SubscriptionId);
        var current = await CallAsync(request.TenantId, idempotencyKey: null, (requestOptions, ct) =>
            client.V1.Subscriptions.GetAsync(request.SubscriptionId, null, requestOptions, ct), cancellationToken);
        if (current.Metadata?.GetValueOrDefault(BillingMetadata.TenantId) is { } owner
            && owner != request.TenantId.ToString("D", CultureInfo.InvariantCulture))
        {
            throw new NotFoundException($"No such subscription: '{request.SubscriptionId}'.");
        }

        var item = current.Items?.Data?.FirstOrDefault()
            ?? throw new PaymentGatewayException(PaymentGatewayFailure.Rejected, $"Subscription {request.SubscriptionId} has no item to re-price.");
        var itemOptions = new SubscriptionItemOptions { Id = item.Id };
        if (request.Plan.StripePriceId is { Length: > 0 } priceId)
        {
            itemOptions.Price = priceId;
        }
        else
        {
            // A plan priced inline: a new inline price on the item's own product (Stripe wants a product id here).
            itemOptions.PriceData = new SubscriptionItemPriceDataOptions
            {
                Currency = Aud.StripeCurrency,
                Product = item.Price?.ProductId ?? throw new PaymentGatewayException(PaymentGatewayFailure.Rejected, $"Subscription {request.SubscriptionId}'s price names no product."),
                UnitAmount = request.Plan.PriceCents,
                TaxBehavior = "inclusive",
                Recurring = new SubscriptionItemPriceDataRecurringOptions
                {
                    Interval = StripeObjectMapping.IntervalOf(request.Plan.Interval.Unit),
                    IntervalCount = request.Plan.Interval.Count,
                },
            };
        }

        // "none": the member pays the old price up to the date they were told and the new one from it; prorating
        // would charge or credit the difference for days the notice promised at the old price.
        var options = new SubscriptionUpdateOptions { Items = [itemOptions], ProrationBehavior = "none" };
        var subscription = await UpdateAsync(request.TenantId, request.SubscriptionId, request.IdempotencyKey, options, cancellationToken);
        return StripeObjectMapping.ToSnapshot(subscription);
    }

    /// <inheritdoc />
    public async Task<string?> FindInvoiceOfPaymentAsync(Guid tenantId, string paymentIntentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        // GET /v1/invoice_payments?payment[type]=payment_intent&payment[payment_intent]=pi_…: the basil+ way from a
        // payment back to the invoice it paid.
        var payments = await CallAsync(tenantId, idempotencyKey: null, (requestOptions, ct) =>
            client.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions
            {
                Payment = new InvoicePaymentPaymentOptions { Type = "payment_intent", PaymentIntent = paymentIntentId },
            }, requestOptions, ct), cancellationToken);
        return payments.Data.Select(p => p.InvoiceId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
    }

    private static SessionLineItemOptions PlanLineItem(CheckoutPlan plan) => plan.StripePriceId is { Length: > 0 } priceId
        ? new SessionLineItemOptions { Price = priceId, Quantity = 1 }
        : new SessionLineItemOptions
        {
            // A plan without a Stripe price is priced inline; tax_behavior "inclusive" tells Stripe the amount already
            // includes GST, as Australian consumer prices must.
            PriceData = new SessionLineItemPriceDataOptions
            {
                Currency = Aud.StripeCurrency,
                UnitAmount = plan.PriceCents,
                TaxBehavior = "inclusive",
                ProductData = new SessionLineItemPriceDataProductDataOptions { Name = plan.Name },
                Recurring = new SessionLineItemPriceDataRecurringOptions
                {
                    Interval = StripeObjectMapping.IntervalOf(plan.Interval.Unit),
                    IntervalCount = plan.Interval.Count,
                },
            },
            Quantity = 1,
        };

    private static Dictionary<string, string> RefundMetadata(RefundRequest request)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BillingMetadata.TenantId] = request.TenantId.ToString("D", CultureInfo.InvariantCulture),
        };
        if (request.UserId is { } userId)
        {
            metadata[BillingMetadata.UserId] = userId.ToString("D", CultureInfo.InvariantCulture);
        }

        if (request.Reference is { } reference)
        {
            metadata[BillingMetadata.Reference] = reference;
        }

        return metadata;
    }

    private static StartedCheckout Started(Session session)
    {
        if (string.IsNullOrEmpty(session.Url))
        {
            // Only embedded or custom UI modes come back without a URL; Derrimut always asks for the hosted page.
            throw new PaymentGatewayException(PaymentGatewayFailure.Rejected, $"Stripe returned checkout session {session.Id} without a URL.");
        }

        return new StartedCheckout(session.Id, session.Url, StripeObjectMapping.Instant(session.ExpiresAt) ?? DateTimeOffset.MinValue);
    }

    private async Task<string> PaidPaymentIntentOfAsync(Guid tenantId, string invoiceId, CancellationToken cancellationToken)
    {
        var payments = await CallAsync(tenantId, idempotencyKey: null, (requestOptions, ct) =>
            client.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = invoiceId, Status = "paid" }, requestOptions, ct), cancellationToken);
        return payments.Data.Select(p => p.Payment?.PaymentIntentId).FirstOrDefault(id => !string.IsNullOrEmpty(id))
            ?? throw new ConflictException($"Invoice {invoiceId} has no paid payment to refund.", "paymentId");
    }

    private Task<StripeSubscription> UpdateAsync(Guid tenantId, string subscriptionId, string idempotencyKey, SubscriptionUpdateOptions options, CancellationToken cancellationToken) =>
        CallAsync(tenantId, idempotencyKey, (requestOptions, ct) =>
            client.V1.Subscriptions.UpdateAsync(subscriptionId, options, requestOptions, ct), cancellationToken);

    /// <summary>
    /// Calls Stripe with the gym's key and the caller's idempotency key (Stripe.net would otherwise invent one per
    /// call, which protects only its own retries, not ours), and turns Stripe's errors into the contract's.
    /// </summary>
    private async Task<T> CallAsync<T>(Guid tenantId, string? idempotencyKey, Func<RequestOptions, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var account = await keys.ResolveAsync(tenantId, cancellationToken);
        if (account.SecretKey is null)
        {
            throw new PaymentGatewayException(PaymentGatewayFailure.Misconfigured, "This gym has no Stripe secret key.");
        }

        var requestOptions = new RequestOptions { ApiKey = account.SecretKey, IdempotencyKey = idempotencyKey };
        try
        {
            return await call(requestOptions, cancellationToken);
        }
        catch (StripeException e)
        {
            throw Translate(e);
        }
        catch (HttpRequestException e)
        {
            // Stripe.net has already retried connection failures (MaxNetworkRetries) with the same idempotency key.
            throw new PaymentGatewayException(PaymentGatewayFailure.Unavailable, "Stripe could not be reached.", innerException: e);
        }
    }

    private static Exception Translate(StripeException e)
    {
        var error = e.StripeError;
        var message = error?.Message ?? e.Message;
        return e.HttpStatusCode switch
        {
            HttpStatusCode.NotFound => new NotFoundException(message),
            HttpStatusCode.PaymentRequired => new PaymentGatewayException(PaymentGatewayFailure.Declined, message, error?.DeclineCode ?? error?.Code, e),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new PaymentGatewayException(PaymentGatewayFailure.Misconfigured, "Stripe refused this gym's API key.", error?.Code, e),
            HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError or 0 =>
                new PaymentGatewayException(PaymentGatewayFailure.Unavailable, message, error?.Code, e),
            _ => new PaymentGatewayException(PaymentGatewayFailure.Rejected, message, error?.Code, e),
        };
    }
}
