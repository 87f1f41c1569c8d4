namespace Derrimut.Billing.Contracts;

/// <summary>
/// Drives the simulated gateway the way a member's browser and Stripe's billing cycle would: pay a checkout, bill a
/// renewal. The resulting Stripe-shaped events go through the webhook inbox like any delivery. Registered only when
/// the simulated gateway runs (never with Stripe); Development demo data uses it so that demo memberships are real
/// simulated subscriptions which can be cancelled, frozen and refunded like any other.
/// </summary>
public interface ISimulatedPayments
{
    /// <summary>Pays a simulated checkout (the "Pay" button of its page).</summary>
    Task PayCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken);

    /// <summary>Bills the subscription's next period now, successfully or with a declined payment.</summary>
    Task BillRenewalAsync(Guid tenantId, string subscriptionId, bool paymentSucceeds, CancellationToken cancellationToken);
}
