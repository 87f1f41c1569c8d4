using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Derrimut.Billing.Contracts;
using Derrimut.Billing.Data;
using Stripe;

namespace Derrimut.Web.Tests.Billing;

/// <summary>
/// What the test-only handler saw. <see cref="Invocations"/> counts handler calls (a loser of a race must never call
/// one); the durable effect is a row written by the handler in the webhook's own transaction.
/// </summary>
public sealed class BillingEffects
{
    public const string EffectKind = "test-effect";

    public ConcurrentDictionary<string, int> Invocations { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> FailFor { get; } = new(StringComparer.Ordinal);

    /// <summary>How many more times the handler loses an optimistic-concurrency check on an event (as when two of a
    /// subscription's events update one membership at once).</summary>
    public ConcurrentDictionary<string, int> ConflictsFor { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<IBillingEvent> Seen { get; } = new();
}

/// <summary>
/// A test-only <see cref="IIntegrationEventHandler{TEvent}"/> standing in for Memberships: it writes one row per event it
/// applies on the request's <see cref="DerrimutDbContext"/> (so the row commits or rolls back with the inbox record),
/// and throws for the events it is told to fail.
/// </summary>
internal sealed class RecordingBillingHandler(DerrimutDbContext db, BillingEffects effects)
    : IIntegrationEventHandler<CheckoutCompleted>, IIntegrationEventHandler<SubscriptionChanged>, IIntegrationEventHandler<PaymentSucceeded>,
        IIntegrationEventHandler<PaymentFailed>, IIntegrationEventHandler<RefundIssued>
{
    public Task HandleAsync(CheckoutCompleted billingEvent, CancellationToken cancellationToken) => ApplyAsync(billingEvent, cancellationToken);

    public Task HandleAsync(SubscriptionChanged billingEvent, CancellationToken cancellationToken) => ApplyAsync(billingEvent, cancellationToken);

    public Task HandleAsync(PaymentSucceeded billingEvent, CancellationToken cancellationToken) => ApplyAsync(billingEvent, cancellationToken);

    public Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken) => ApplyAsync(billingEvent, cancellationToken);

    public Task HandleAsync(RefundIssued billingEvent, CancellationToken cancellationToken) => ApplyAsync(billingEvent, cancellationToken);

    private async Task ApplyAsync(IBillingEvent billingEvent, CancellationToken cancellationToken)
    {
        effects.Invocations.AddOrUpdate(billingEvent.StripeEventId, 1, (_, n) => n + 1);
        db.Add(new SimulatedBillingRecord { Kind = BillingEffects.EffectKind, Key = Guid.NewGuid().ToString("N"), Version = 1, Document = billingEvent.StripeEventId });
        await db.SaveChangesAsync(cancellationToken);
        if (effects.ConflictsFor.TryGetValue(billingEvent.StripeEventId, out var conflicts) && conflicts > 0)
        {
            effects.ConflictsFor[billingEvent.StripeEventId] = conflicts - 1;
            throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("Test handler lost a concurrency check.");
        }

        if (effects.FailFor.ContainsKey(billingEvent.StripeEventId))
        {
            // After the write, so the test also proves the write is rolled back.
            throw new InvalidOperationException($"Test handler told to fail {billingEvent.StripeEventId}.");
        }

        effects.Seen.Enqueue(billingEvent);
    }
}

/// <summary>An app with the recording handler registered, and two franchises of two locations each.</summary>
public abstract class BillingFixture : ProviderFixture
{
    public const int MaxAttempts = 3;

    private DerrimutWebFactory? _app;

    public BillingEffects Effects { get; } = new();

    public DerrimutWebFactory App => Ready(_app!);

    public TestTenant A1 { get; private set; } = null!;

    public TestTenant B1 { get; private set; } = null!;

    public TestTenant FranchiseA { get; private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database, settings: new Dictionary<string, string>
        {
            ["Billing:Webhooks:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Billing:SimulatedTools"] = "true",
        }, services: services =>
        {
            services.AddSingleton(Effects);
            services.AddScoped<RecordingBillingHandler>();
            services.AddScoped<IIntegrationEventHandler<CheckoutCompleted>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
            services.AddScoped<IIntegrationEventHandler<SubscriptionChanged>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
            services.AddScoped<IIntegrationEventHandler<PaymentSucceeded>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
            services.AddScoped<IIntegrationEventHandler<PaymentFailed>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
            services.AddScoped<IIntegrationEventHandler<RefundIssued>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
        }));
        await _app.StartAsync();
        TestTenant a2, fb, b2;
        (FranchiseA, A1, a2, fb, B1, b2) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }

    /// <summary>Durable effects of one event at one gym.</summary>
    public Task<int> EffectsOfAsync(TestTenant tenant, string eventId) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenant.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>()
                .CountAsync(r => r.Kind == BillingEffects.EffectKind && r.Document == eventId, ct));

    /// <summary>Inbox rows of one event at one gym.</summary>
    internal Task<List<WebhookInboxEvent>> InboxOfAsync(TestTenant tenant, string eventId) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenant.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<WebhookInboxEvent>().AsNoTracking().Where(e => e.StripeEventId == eventId).ToListAsync(ct));
}

public sealed class SqliteBillingFixture : BillingFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresBillingFixture : BillingFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>Stripe-shaped events (API 2026-10-28.endive), signed as Stripe signs them.</summary>
public static class SignedEvents
{
    /// <summary>The development signing secret every gym uses until it sets its own.</summary>
    public const string DevelopmentSecret = "whsec_derrimut_simulated_development";

    public static string NewEventId() => "evt_test_" + Guid.NewGuid().ToString("N");

    /// <summary>A <c>customer.subscription.updated</c> of a membership at <paramref name="tenantId"/>.</summary>
    public static string SubscriptionUpdated(string eventId, Guid tenantId, Guid userId, string status = "active", string type = "customer.subscription.updated", long? created = null)
    {
        var now = created ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = new JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = now,
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = "sub_test_1",
                    ["object"] = "subscription",
                    ["status"] = status,
                    ["customer"] = "cus_test_1",
                    ["cancel_at_period_end"] = false,
                    ["metadata"] = new JsonObject
                    {
                        ["tenant_id"] = tenantId.ToString(),
                        ["user_id"] = userId.ToString(),
                        ["purpose"] = "membership",
                        ["plan"] = "no-lock-in",
                    },
                    ["items"] = new JsonObject
                    {
                        ["object"] = "list",
                        ["data"] = new JsonArray(new JsonObject
                        {
                            ["id"] = "si_test_1",
                            ["object"] = "subscription_item",
                            ["current_period_start"] = now,
                            ["current_period_end"] = now + 14 * 86400,
                            ["price"] = new JsonObject { ["id"] = "price_test_1", ["object"] = "price" },
                            ["quantity"] = 1,
                        }),
                    },
                },
                ["previous_attributes"] = new JsonObject { ["status"] = "incomplete" },
            },
        };
        return body.ToJsonString();
    }

    public static string Sign(string body, string secret = DevelopmentSecret, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(body, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return client.SendAsync(request);
    }
}
