using System.Text.Json;
using Derrimut.Billing.Data;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>
/// The simulated gateway's memory in the Billing schema, so that simulated subscriptions survive a restart (billing day
/// must still find them) and every node sees the same ones. Each operation runs in a tenant scope of its own, with its
/// own context: a simulated "Stripe" must never flush or join the calling module's unit of work. Versions are
/// concurrency tokens, so two presses of Pay cannot both succeed.
/// </summary>
internal sealed class DatabaseSimulatedBillingStore(ITenantScopeFactory scopes) : ISimulatedBillingStore
{
    private const string CheckoutKind = "checkout";
    private const string SubscriptionKind = "subscription";
    private const string PaymentKind = "payment";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public Task<SimulatedCheckout> AddCheckoutAsync(SimulatedCheckout checkout, CancellationToken cancellationToken) =>
        scopes.RunAsync(checkout.TenantId, async (services, ct) =>
        {
            var db = services.GetRequiredService<DerrimutDbContext>();
            if (await FindByIdempotencyKeyAsync(db, checkout, ct) is { } earlier)
            {
                return earlier;
            }

            if (checkout.Version != 1)
            {
                throw new InvalidOperationException($"Checkout {checkout.Id} is not new.");
            }

            db.Add(ToRecord(CheckoutKind, checkout.Id, checkout.Version, checkout, idempotencyKey: checkout.IdempotencyKey));
            try
            {
                await db.SaveChangesAsync(ct);
                return checkout;
            }
            catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
            {
                // The same key sent twice at once: the unique (tenant, kind, key) index kept one; answer with it.
                db.ChangeTracker.Clear();
                return await FindByIdempotencyKeyAsync(db, checkout, ct) ?? throw new ConflictException($"Checkout {checkout.Id} could not be saved; try again.");
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SimulatedCheckout?> FindCheckoutAsync(Guid tenantId, string checkoutId, CancellationToken cancellationToken) =>
        FindAsync<SimulatedCheckout>(tenantId, CheckoutKind, checkoutId, cancellationToken);

    /// <inheritdoc />
    public Task<SimulatedSubscription?> FindSubscriptionAsync(Guid tenantId, string subscriptionId, CancellationToken cancellationToken) =>
        FindAsync<SimulatedSubscription>(tenantId, SubscriptionKind, subscriptionId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SimulatedSubscription>> ListSubscriptionsAsync(Guid tenantId, CancellationToken cancellationToken) =>
        scopes.RunAsync<IReadOnlyList<SimulatedSubscription>>(tenantId, async (services, ct) =>
        {
            var documents = await services.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>().AsNoTracking()
                .Where(r => r.Kind == SubscriptionKind)
                .Select(r => r.Document)
                .ToListAsync(ct);
            return [.. documents.Select(Read<SimulatedSubscription>).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SimulatedPayment?> FindPaymentAsync(Guid tenantId, string paymentId, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async (services, ct) =>
        {
            var document = await services.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>().AsNoTracking()
                .Where(r => r.Kind == PaymentKind && (r.Key == paymentId || r.ChargeId == paymentId || r.InvoiceId == paymentId))
                .Select(r => r.Document)
                .FirstOrDefaultAsync(ct);
            return document is null ? null : Read<SimulatedPayment>(document);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TrySaveAsync(
        SimulatedCheckout? checkout = null,
        SimulatedSubscription? subscription = null,
        SimulatedPayment? payment = null,
        CancellationToken cancellationToken = default)
    {
        var tenantId = checkout?.TenantId ?? subscription?.TenantId ?? payment?.TenantId;
        if (tenantId is not { } tenant)
        {
            return true;
        }

        if ((checkout is not null && checkout.TenantId != tenant) || (subscription is not null && subscription.TenantId != tenant)
            || (payment is not null && payment.TenantId != tenant))
        {
            throw new InvalidOperationException("A simulated save spans two gyms.");
        }

        return await scopes.RunAsync(tenant, async (services, ct) =>
        {
            var db = services.GetRequiredService<DerrimutDbContext>();
            if (checkout is not null)
            {
                Stage(db, ToRecord(CheckoutKind, checkout.Id, checkout.Version, checkout, idempotencyKey: checkout.IdempotencyKey));
            }

            if (subscription is not null)
            {
                Stage(db, ToRecord(SubscriptionKind, subscription.Id, subscription.Version, subscription));
            }

            if (payment is not null)
            {
                Stage(db, ToRecord(PaymentKind, payment.PaymentIntentId, payment.Version, payment, chargeId: payment.ChargeId, invoiceId: payment.InvoiceId));
            }

            try
            {
                // One SaveChanges is one transaction: all records or none.
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
            {
                return false; // A version moved on meanwhile (or a "new" record exists): nothing was saved.
            }
        }, cancellationToken);
    }

    private static void Stage(DerrimutDbContext db, SimulatedBillingRecord record)
    {
        if (record.Version == 1)
        {
            db.Add(record);
            return;
        }

        // Replace version N-1 with version N: the original value is what the database must still hold.
        var entry = db.Attach(record);
        entry.Property(r => r.Version).OriginalValue = record.Version - 1;
        entry.State = EntityState.Modified;
        entry.Property(r => r.TenantId).IsModified = false;
        entry.Property(r => r.FranchiseId).IsModified = false;
    }

    private Task<T?> FindAsync<T>(Guid tenantId, string kind, string key, CancellationToken cancellationToken)
        where T : class =>
        scopes.RunAsync(tenantId, async (services, ct) =>
        {
            var document = await services.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>().AsNoTracking()
                .Where(r => r.Kind == kind && r.Key == key)
                .Select(r => r.Document)
                .FirstOrDefaultAsync(ct);
            return document is null ? null : Read<T>(document);
        }, cancellationToken);

    private static async Task<SimulatedCheckout?> FindByIdempotencyKeyAsync(DerrimutDbContext db, SimulatedCheckout checkout, CancellationToken ct)
    {
        var document = await db.Set<SimulatedBillingRecord>().AsNoTracking()
            .Where(r => r.Kind == CheckoutKind && r.IdempotencyKey == checkout.IdempotencyKey)
            .Select(r => r.Document)
            .FirstOrDefaultAsync(ct);
        return document is null ? null : Read<SimulatedCheckout>(document);
    }

    private static SimulatedBillingRecord ToRecord<T>(string kind, string key, int version, T value, string? idempotencyKey = null, string? chargeId = null, string? invoiceId = null)
        where T : ISimulatedRecord
    {
        // TenantId and FranchiseId are stamped from the scope on insert, and checked against it on update.
        var tenantId = value switch
        {
            SimulatedCheckout c => c.TenantId,
            SimulatedSubscription s => s.TenantId,
            SimulatedPayment p => p.TenantId,
            _ => Guid.Empty,
        };
        return new SimulatedBillingRecord
        {
            Kind = kind,
            Key = key,
            TenantId = tenantId,
            Version = version,
            IdempotencyKey = idempotencyKey,
            ChargeId = chargeId,
            InvoiceId = invoiceId,
            Document = JsonSerializer.Serialize(value, Json),
        };
    }

    private static T Read<T>(string document) =>
        JsonSerializer.Deserialize<T>(document, Json) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");
}
