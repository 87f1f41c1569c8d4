using System.Text.Json.Serialization;
using Derrimut.BuildingBlocks.Data;

namespace Derrimut.Billing.Data;

/// <summary>What became of a Stripe event received by a gym's webhook endpoint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookEventState>))]
internal enum WebhookEventState
{
    /// <summary>Handled: its effects committed together with this record.</summary>
    [JsonStringEnumMemberName("processed")]
    Processed = 1,

    /// <summary>Verified and recorded, but nothing in Derrimut reacts to it (an unknown type, another gym's object).</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored = 2,

    /// <summary>A handler failed; Stripe's retry (or an admin) will try again.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 3,

    /// <summary>Failed too often: no longer processed on delivery, waiting for an admin to retry it.</summary>
    [JsonStringEnumMemberName("parked")]
    Parked = 4,

    /// <summary>
    /// Verified and stored, acknowledged to Stripe, waiting for the queue to process it (only when the gym's installation
    /// acknowledges after storing: <c>Billing:Webhooks:AcknowledgeAfter=Storing</c>, decision 0082).
    /// </summary>
    [JsonStringEnumMemberName("received")]
    Received = 5,
}

/// <summary>
/// The webhook inbox: one row per Stripe event per gym, unique on (<see cref="TenantId"/>, <see cref="StripeEventId"/>).
/// Written in the same transaction as the handlers' effects, so an event is either recorded and applied, or neither;
/// a redelivery finds the row and does nothing.
/// </summary>
internal sealed class WebhookInboxEvent : ILocationOwned, IVersioned
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>Stripe's event id (<c>evt_…</c>).</summary>
    public string StripeEventId { get; set; } = "";

    /// <summary>The event type, e.g. <c>invoice.paid</c>.</summary>
    public string Type { get; set; } = "";

    public WebhookEventState State { get; set; }

    /// <summary>Processing attempts so far (successful or not).</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, for admins (exception type and message).</summary>
    public string? LastError { get; set; }

    /// <summary>Why the event was ignored, when it was.</summary>
    public string? IgnoredReason { get; set; }

    /// <summary>The verified raw body, kept so a parked event can be retried after Stripe has stopped delivering it.</summary>
    public string Payload { get; set; } = "";

    /// <summary>Stripe's <c>created</c> time of the event.</summary>
    public DateTimeOffset StripeCreatedAt { get; set; }

    /// <summary>When the first delivery arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When it was last attempted.</summary>
    public DateTimeOffset LastAttemptAt { get; set; }

    /// <summary>When it was processed (or ignored).</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <inheritdoc />
    public long Version { get; set; }
}

/// <summary>The Stripe account of a gym or franchise: keys encrypted with ASP.NET Core Data Protection.</summary>
internal abstract class StripeAccountSettings : IVersioned, IAuditable
{
    public Guid Id { get; set; }

    /// <summary>The secret API key, protected (never stored or returned in clear).</summary>
    public string? ProtectedSecretKey { get; set; }

    /// <summary>The last four characters of the secret key, to show which key is set.</summary>
    public string? SecretKeyHint { get; set; }

    /// <summary>The publishable key (public by design: it is sent to browsers).</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The webhook signing secret, protected.</summary>
    public string? ProtectedWebhookSecret { get; set; }

    /// <summary>The last four characters of the webhook secret.</summary>
    public string? WebhookSecretHint { get; set; }

    /// <inheritdoc />
    public long Version { get; set; }

    /// <inheritdoc />
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True when the row holds an account (a secret key or a webhook secret).</summary>
    public bool HasAccount => ProtectedSecretKey is not null || ProtectedWebhookSecret is not null;
}

/// <summary>A location's own Stripe account (at most one row per location).</summary>
internal sealed class LocationStripeAccount : StripeAccountSettings, ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }
}

/// <summary>A franchise's Stripe account, used by its locations that have none of their own.</summary>
internal sealed class FranchiseStripeAccount : StripeAccountSettings, IFranchiseOwned
{
    public Guid FranchiseId { get; set; }
}

/// <summary>
/// A record of the simulated gateway (a checkout, subscription or payment) as a JSON document, so that simulated
/// subscriptions survive restarts and are shared by every node. Saved with optimistic concurrency on
/// <see cref="Version"/>, exactly as the in-memory store's versions work.
/// </summary>
internal sealed class SimulatedBillingRecord : ILocationOwned
{
    public string Kind { get; set; } = "";

    public string Key { get; set; } = "";

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public int Version { get; set; }

    /// <summary>Checkouts: the idempotency key they were created with (unique per gym).</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Payments: the charge id, so a refund can name the charge.</summary>
    public string? ChargeId { get; set; }

    /// <summary>Payments: the invoice id, so a refund can name the invoice.</summary>
    public string? InvoiceId { get; set; }

    public string Document { get; set; } = "";
}

/// <summary>The Billing module's tables, in schema <c>billing</c>.</summary>
internal static class BillingModel
{
    public const string Schema = "billing";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookInboxEvent>(b =>
        {
            b.ToTable("webhook_events", Schema);
            b.HasKey(e => e.Id);
            b.Property(e => e.StripeEventId).HasMaxLength(255).IsRequired();
            // The inbox's guarantee: one row per event per gym, decided by the database even under concurrent deliveries.
            b.HasIndex(e => new { e.TenantId, e.StripeEventId }).IsUnique();
            b.HasIndex(e => new { e.TenantId, e.State, e.ReceivedAt });
            // The queue's look across gyms for events stored and waiting (decision 0082).
            b.HasIndex(e => new { e.State, e.Id });
            b.Property(e => e.Type).HasMaxLength(100).IsRequired();
            b.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.LastError).HasMaxLength(WebhookInboxEvent.MaxErrorLength);
            b.Property(e => e.IgnoredReason).HasMaxLength(500);
            b.Property(e => e.Payload).IsRequired();
        });

        modelBuilder.Entity<LocationStripeAccount>(b =>
        {
            b.ToTable("location_stripe_accounts", Schema);
            ConfigureAccount(b);
            b.HasIndex(a => a.TenantId).IsUnique();
        });

        modelBuilder.Entity<FranchiseStripeAccount>(b =>
        {
            b.ToTable("franchise_stripe_accounts", Schema);
            ConfigureAccount(b);
            b.HasIndex(a => a.FranchiseId).IsUnique();
        });

        modelBuilder.Entity<SimulatedBillingRecord>(b =>
        {
            b.ToTable("simulated_records", Schema);
            b.HasKey(r => new { r.Kind, r.Key });
            b.Property(r => r.Kind).HasMaxLength(16);
            b.Property(r => r.Key).HasMaxLength(64);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.Property(r => r.IdempotencyKey).HasMaxLength(255);
            b.Property(r => r.ChargeId).HasMaxLength(64);
            b.Property(r => r.InvoiceId).HasMaxLength(64);
            b.Property(r => r.Document).IsRequired();
            b.HasIndex(r => new { r.TenantId, r.Kind, r.IdempotencyKey }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.ChargeId });
            b.HasIndex(r => new { r.TenantId, r.InvoiceId });
        });

        Accounts.StripeAccountAudit.Configure(modelBuilder);
    }

    private static void ConfigureAccount<T>(EntityTypeBuilder<T> b)
        where T : StripeAccountSettings
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.ProtectedSecretKey).HasMaxLength(2000);
        b.Property(a => a.ProtectedWebhookSecret).HasMaxLength(2000);
        b.Property(a => a.SecretKeyHint).HasMaxLength(8);
        b.Property(a => a.WebhookSecretHint).HasMaxLength(8);
        b.Property(a => a.PublishableKey).HasMaxLength(255);
        b.Ignore(a => a.HasAccount);
    }
}
