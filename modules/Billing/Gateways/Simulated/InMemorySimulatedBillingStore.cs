namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>
/// The embedded store: process memory, lost on restart (as a test-mode Stripe account's data is worthless elsewhere).
/// One lock guards everything: simulated payments are clicked by people, and the lock makes every save trivially atomic.
/// </summary>
internal sealed class InMemorySimulatedBillingStore : ISimulatedBillingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedCheckout> _checkouts = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid TenantId, string Key), string> _checkoutsByIdempotencyKey = [];
    private readonly Dictionary<string, SimulatedSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedPayment> _payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paymentIntentByOtherId = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<SimulatedCheckout> AddCheckoutAsync(SimulatedCheckout checkout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_checkoutsByIdempotencyKey.TryGetValue((checkout.TenantId, checkout.IdempotencyKey), out var existingId))
            {
                return Task.FromResult(_checkouts[existingId]);
            }

            if (checkout.Version != 1 || !_checkouts.TryAdd(checkout.Id, checkout))
            {
                throw new InvalidOperationException($"Checkout {checkout.Id} is not new.");
            }

            _checkoutsByIdempotencyKey[(checkout.TenantId, checkout.IdempotencyKey)] = checkout.Id;
            return Task.FromResult(checkout);
        }
    }

    /// <inheritdoc />
    public Task<SimulatedCheckout?> FindCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkouts.GetValueOrDefault(checkoutId) is { } c && c.TenantId == tenantId ? c : null);
        }
    }

    /// <inheritdoc />
    public Task<SimulatedSubscription?> FindSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.GetValueOrDefault(subscriptionId) is { } s && s.TenantId == tenantId ? s : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SimulatedSubscription>> ListSubscriptionsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SimulatedSubscription> list = [.. _subscriptions.Values.Where(s => s.TenantId == tenantId).OrderBy(s => s.CreatedAt)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<SimulatedPayment?> FindPaymentAsync(Guid tenantId, string paymentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var paymentIntentId = _paymentIntentByOtherId.GetValueOrDefault(paymentId) ?? paymentId;
            return Task.FromResult(_payments.GetValueOrDefault(paymentIntentId) is { } p && p.TenantId == tenantId ? p : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> TrySaveAsync(
        SimulatedCheckout? checkout = null,
        SimulatedSubscription? subscription = null,
        SimulatedPayment? payment = null,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!CanSave(_checkouts, checkout) || !CanSave(_subscriptions, subscription) || !CanSave(_payments, payment))
            {
                return Task.FromResult(false);
            }

            if (checkout is not null)
            {
                _checkouts[checkout.Id] = checkout;
            }

            if (subscription is not null)
            {
                _subscriptions[subscription.Id] = subscription;
            }

            if (payment is not null)
            {
                _payments[payment.PaymentIntentId] = payment;
                _paymentIntentByOtherId[payment.ChargeId] = payment.PaymentIntentId;
                if (payment.InvoiceId is { } invoiceId)
                {
                    _paymentIntentByOtherId[invoiceId] = payment.PaymentIntentId;
                }
            }

            return Task.FromResult(true);
        }
    }

    private static bool CanSave<T>(Dictionary<string, T> records, T? record)
        where T : class, ISimulatedRecord
    {
        if (record is null)
        {
            return true;
        }

        var stored = records.GetValueOrDefault(record.Key);
        return record.Version == 1 ? stored is null : stored is not null && stored.Version == record.Version - 1;
    }
}
