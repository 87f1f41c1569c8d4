namespace Derrimut.Billing.Contracts;

/// <summary>
/// Takes money for a gym: Stripe when the platform is configured with a Stripe secret key, otherwise the embedded
/// simulated gateway, which answers with the same shapes and delivers Stripe-shaped, Stripe-signed webhook events.
/// What actually happened to a payment is learnt from those events (as integration events, see
/// <see cref="IIntegrationEventHandler{TEvent}"/>), never from these calls' return values alone: Stripe delivers the truth
/// by webhook, at least once and in any order.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Which implementation this is (the UI marks simulated payments as such).</summary>
    PaymentGatewayKind Kind { get; }

    /// <summary>Starts a hosted checkout that creates a recurring subscription for a plan.</summary>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<StartedCheckout> CreateSubscriptionCheckoutAsync(SubscriptionCheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a hosted checkout for a one-off payment (a trainer booking, a shop order, a day pass).</summary>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<StartedCheckout> CreatePaymentCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a subscription now, at the end of the current period, or at a given date.</summary>
    /// <returns>The subscription as the gateway reports it after the change.</returns>
    Task<SubscriptionSnapshot> CancelSubscriptionAsync(CancelSubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Freezes a membership: stops collecting payments until a date, after which collection resumes by itself. Invoices
    /// falling due meanwhile are voided, so the member is never charged for the frozen weeks.
    /// </summary>
    Task<SubscriptionSnapshot> PauseCollectionAsync(PauseCollectionRequest request, CancellationToken cancellationToken);

    /// <summary>Ends a freeze early: collection resumes from the next invoice.</summary>
    Task<SubscriptionSnapshot> ResumeCollectionAsync(ResumeCollectionRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds a payment in full or in part.</summary>
    Task<IssuedRefund> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the recurring price of a membership plan on the gym's own account, so new joins are charged it (a
    /// price at the gateway is immutable: a new price is created for every price change, the old one stays with the
    /// members who hold it).
    /// </summary>
    /// <returns>The gateway's price id, or null when this gateway prices each checkout inline (the simulated one).</returns>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<string?> CreatePlanPriceAsync(PlanPriceRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The invoice a payment paid, if any: a refund made in Stripe's dashboard names only its charge and payment intent,
    /// and a renewal is known to the ledger by its invoice (since API 2025-03-31.basil neither a charge nor a payment
    /// intent names its invoice; the invoice's payments are looked up instead).
    /// </summary>
    /// <returns>The invoice id, or null when the payment paid no invoice (a one-off checkout) or is unknown.</returns>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<string?> FindInvoiceOfPaymentAsync(Guid tenantId, string paymentIntentId, CancellationToken cancellationToken);

    /// <summary>
    /// The subscription's current state at the gateway: the tie-breaker when webhook events arrive out of order.
    /// </summary>
    /// <exception cref="NotFoundException">The gateway knows no such subscription for this gym.</exception>
    Task<SubscriptionSnapshot> GetSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a subscription to a plan's new price from its next invoice on: no proration, nothing charged now (the
    /// member was given notice of the date; the charge on that date is the first at the new price).
    /// </summary>
    /// <returns>The subscription as the gateway reports it after the change.</returns>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    /// <exception cref="NotFoundException">The gateway knows no such subscription for this gym.</exception>
    Task<SubscriptionSnapshot> ChangeSubscriptionPriceAsync(SubscriptionPriceChangeRequest request, CancellationToken cancellationToken);
}

/// <summary>The implementation behind <see cref="IPaymentGateway"/>.</summary>
public enum PaymentGatewayKind
{
    /// <summary>Real payments through Stripe.</summary>
    Stripe = 1,

    /// <summary>The embedded simulated gateway: no money moves.</summary>
    Simulated = 2,
}
