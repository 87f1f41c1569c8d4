using Derrimut.Billing.Contracts;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>The public face of <see cref="SimulatedBilling"/>'s pay and renewal paths.</summary>
internal sealed class SimulatedPayments(SimulatedBilling billing) : ISimulatedPayments
{
    public Task PayCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken) =>
        billing.PayAsync(tenantId, checkoutId, cancellationToken);

    public Task BillRenewalAsync(Guid tenantId, string subscriptionId, bool paymentSucceeds, CancellationToken cancellationToken) =>
        billing.RenewAsync(tenantId, subscriptionId, paymentSucceeds, cancellationToken);
}
