using System.Security.Claims;
using Derrimut.Billing.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Billing.Accounts;

/// <summary>
/// One change to a Stripe account's settings: who, when and what. Never a secret: a replaced secret key is recorded
/// by its last four characters (which the page shows anyway), a webhook secret only as "replaced". Written in the same
/// unit of work as the change (decision 0050), so a refused or failed save leaves no entry behind.
/// </summary>
internal abstract class StripeAccountAuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The person who made the change (null for an integration client).</summary>
    public Guid? ActorId { get; set; }

    /// <summary>The person's name and sign-in email at the time, so the history reads the same after they leave.</summary>
    public string ActorName { get; set; } = "";

    /// <summary><c>keys-set</c>, <c>keys-changed</c> or <c>keys-removed</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What changed, in words an admin reads (never a secret value).</summary>
    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>A change to a location's own Stripe account.</summary>
internal sealed class LocationStripeAccountAuditEntry : StripeAccountAuditEntry, ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }
}

/// <summary>A change to a franchise's Stripe account.</summary>
internal sealed class FranchiseStripeAccountAuditEntry : StripeAccountAuditEntry, IFranchiseOwned
{
    public Guid FranchiseId { get; set; }
}

/// <summary>One line of a Stripe account's history as the payments page shows it.</summary>
/// <param name="At">When.</param>
/// <param name="ActorId">Who (their user id).</param>
/// <param name="ActorName">Who (their name and sign-in email when they made the change).</param>
/// <param name="Action"><c>keys-set</c>, <c>keys-changed</c> or <c>keys-removed</c>.</param>
/// <param name="Detail">What changed.</param>
internal sealed record StripeAccountChangeDto(DateTimeOffset At, Guid? ActorId, string ActorName, string Action, string Detail);

/// <summary>
/// The Stripe account's audit trail: <see cref="Record"/> compares the row before and after a save and adds one entry
/// to the same unit of work; <see cref="ListAsync"/> reads the current tenant's latest entries (the tenant filters keep
/// a location to its own rows and a franchise to its own).
/// </summary>
internal static class StripeAccountAudit
{
    public const int Latest = 20;

    /// <summary>What an audit compares: the row's settings without its ciphertexts.</summary>
    internal sealed record Snapshot(bool HasSecretKey, string? SecretKeyHint, string? PublishableKey, bool HasWebhookSecret, bool HasAccount)
    {
        public static Snapshot Of(StripeAccountSettings? row) => row is null
            ? new Snapshot(false, null, null, false, false)
            : new Snapshot(row.ProtectedSecretKey is not null, row.SecretKeyHint, row.PublishableKey, row.ProtectedWebhookSecret is not null, row.HasAccount);
    }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LocationStripeAccountAuditEntry>(b =>
        {
            b.ToTable("location_stripe_account_audit_entries", BillingModel.Schema);
            ConfigureEntry(b);
            b.HasIndex(e => new { e.TenantId, e.At });
        });
        modelBuilder.Entity<FranchiseStripeAccountAuditEntry>(b =>
        {
            b.ToTable("franchise_stripe_account_audit_entries", BillingModel.Schema);
            ConfigureEntry(b);
            b.HasIndex(e => new { e.FranchiseId, e.At });
        });
    }

    /// <summary>
    /// Adds the entry describing <paramref name="before"/> → <paramref name="row"/> to <paramref name="db"/> (not saved:
    /// the caller's save writes it with the change). Adds nothing when nothing changed.
    /// </summary>
    /// <param name="secretKeyReplaced">A secret key was sent (a replacement of the same key still counts as a change).</param>
    /// <param name="webhookSecretReplaced">A webhook secret was sent.</param>
    public static async Task RecordAsync(
        DerrimutDbContext db, TenantInfo tenant, ClaimsPrincipal actor, IPeopleReadModel people, TimeProvider time, Snapshot before, StripeAccountSettings row,
        bool secretKeyReplaced, bool webhookSecretReplaced, CancellationToken cancellationToken)
    {
        var after = Snapshot.Of(row);
        var changes = new List<string>();
        if (secretKeyReplaced && after.HasSecretKey)
        {
            changes.Add($"secret key {(before.HasSecretKey ? "replaced" : "set")}, ends …{after.SecretKeyHint}");
        }
        else if (before.HasSecretKey && !after.HasSecretKey)
        {
            changes.Add("secret key removed");
        }

        if (webhookSecretReplaced && after.HasWebhookSecret)
        {
            changes.Add(before.HasWebhookSecret ? "webhook secret replaced" : "webhook secret set");
        }
        else if (before.HasWebhookSecret && !after.HasWebhookSecret)
        {
            changes.Add("webhook secret removed");
        }

        // The publishable key is public by design (browsers get it), so its values are history worth keeping.
        if (!string.Equals(before.PublishableKey, after.PublishableKey, StringComparison.Ordinal))
        {
            changes.Add($"publishable key {before.PublishableKey ?? "(none)"} → {after.PublishableKey ?? "(none)"}");
        }

        if (before.HasAccount != after.HasAccount)
        {
            changes.Add(tenant.IsLocation
                ? after.HasAccount ? "members now pay into this gym's own account" : "members now pay into the franchise's (or the platform's) account"
                : after.HasAccount ? "locations without keys of their own now pay into the franchise's account" : "locations without keys of their own now pay into the platform's account");
        }

        if (changes.Count == 0)
        {
            return;
        }

        StripeAccountAuditEntry entry = tenant.IsLocation ? new LocationStripeAccountAuditEntry() : new FranchiseStripeAccountAuditEntry();
        entry.ActorId = actor.FindUserId();
        entry.ActorName = Truncate(await ActorNameAsync(actor, people, cancellationToken), 256);
        entry.Action = !before.HasAccount && before.PublishableKey is null ? "keys-set" : after.HasAccount || after.PublishableKey is not null ? "keys-changed" : "keys-removed";
        entry.Detail = Truncate(char.ToUpperInvariant(changes[0][0]) + string.Join("; ", changes)[1..] + ".", 2000);
        entry.At = time.GetUtcNow();
        db.Add(entry);
    }

    /// <summary>The current tenant's latest changes, newest first.</summary>
    public static async Task<IReadOnlyList<StripeAccountChangeDto>> ListAsync(TenantInfo tenant, DerrimutDbContext db, CancellationToken cancellationToken)
    {
        // Both sets are tenant-filtered; the explicit owner condition says the same for the reader.
        IQueryable<StripeAccountAuditEntry> rows = tenant.IsLocation
            ? db.Set<LocationStripeAccountAuditEntry>().AsNoTracking().Where(e => e.TenantId == tenant.Id)
            : db.Set<FranchiseStripeAccountAuditEntry>().AsNoTracking().Where(e => e.FranchiseId == tenant.Id);
        var list = await rows.Select(e => new StripeAccountChangeDto(e.At, e.ActorId, e.ActorName, e.Action, e.Detail)).ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return list.OrderByDescending(e => e.At).Take(Latest).ToList();
    }

    /// <summary>
    /// The person's name and sign-in email as Identity has them now (a page call's principal carries only the id), so
    /// the history still says who it was after they change their name or leave.
    /// </summary>
    internal static async Task<string> ActorNameAsync(ClaimsPrincipal actor, IPeopleReadModel people, CancellationToken cancellationToken)
    {
        if (actor.FindUserId() is not { } id)
        {
            return actor.Identity?.Name ?? "an integration client";
        }

        var person = await people.People.Where(p => p.UserId == id).Select(p => new { p.DisplayName, p.Email }).FirstOrDefaultAsync(cancellationToken);
        return person is null ? id.ToString() : $"{person.DisplayName} ({person.Email})";
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static void ConfigureEntry<T>(EntityTypeBuilder<T> b)
        where T : StripeAccountAuditEntry
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        b.Property(e => e.Action).HasMaxLength(50).IsRequired();
        b.Property(e => e.Detail).HasMaxLength(2000).IsRequired();
    }
}

/// <summary><c>GET /api/billing/stripe-account/changes</c>: who changed this gym's (or franchise's) Stripe account, and what.</summary>
internal static class StripeAccountAuditEndpoint
{
    public static void Map(RouteGroupBuilder billing) =>
        billing.MapGet("/stripe-account/changes", ListAsync)
            .RequireTenant()
            .RequireAuthorization(BillingPermissions.ManageBilling)
            .WithName("ListStripeAccountChanges").WithSummary("Who changed this gym's Stripe account, and what (never the secrets), newest first.");

    internal static async Task<Ok<IReadOnlyList<StripeAccountChangeDto>>> ListAsync(ICurrentTenant tenant, DerrimutDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await StripeAccountAudit.ListAsync(tenant.Tenant!, db, ct));
}
