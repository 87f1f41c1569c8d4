using System.Security.Claims;
using Derrimut.Billing.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Derrimut.Billing.Accounts;

/// <summary>A Stripe account as an admin sees it: secrets only as their last four characters.</summary>
/// <param name="Source">Whose account the gym uses now: <c>location</c>, <c>franchise</c> or <c>platform</c>.</param>
/// <param name="Own">What is set at this tenant itself (null when nothing is).</param>
/// <param name="WebhookUrl">The endpoint URL to paste into Stripe's dashboard (a location's own site; null on a franchise).</param>
/// <param name="EventsToEnable">The events that endpoint must send.</param>
internal sealed record StripeAccountDto(string Source, StripeAccountKeysDto? Own, string? WebhookUrl = null, IReadOnlyList<string>? EventsToEnable = null);

/// <summary>The keys set at one level.</summary>
/// <param name="SecretKeyEndsWith">The secret key's last four characters, when set.</param>
/// <param name="PublishableKey">The publishable key (public by design).</param>
/// <param name="WebhookSecretEndsWith">The webhook secret's last four characters, when set.</param>
/// <param name="Version">For optimistic concurrency on the next change.</param>
/// <param name="UpdatedAt">When they were last changed.</param>
internal sealed record StripeAccountKeysDto(string? SecretKeyEndsWith, string? PublishableKey, string? WebhookSecretEndsWith, long Version, DateTimeOffset UpdatedAt);

/// <summary>
/// Sets the tenant's Stripe account. Secrets are write-only: send a value to replace one, leave it out (null) to keep
/// it, send an empty string to remove it.
/// </summary>
/// <param name="SecretKey"><c>sk_live_…</c>, <c>sk_test_…</c> or a restricted <c>rk_…</c> key.</param>
/// <param name="PublishableKey"><c>pk_live_…</c> or <c>pk_test_…</c>.</param>
/// <param name="WebhookSecret">The signing secret of this gym's webhook endpoint, <c>whsec_…</c>.</param>
internal sealed record SetStripeAccountRequest(string? SecretKey, string? PublishableKey, string? WebhookSecret);

/// <summary>
/// <c>/api/billing/stripe-account</c>: a gym's (or a franchise's) own Stripe keys, encrypted at rest. A location
/// without keys uses its franchise's, then the platform's.
/// </summary>
internal static class StripeAccountEndpoints
{
    public static void Map(RouteGroupBuilder billing)
    {
        var group = billing.MapGroup("/stripe-account")
            .RequireTenant()
            .RequireAuthorization(BillingPermissions.ManageBilling);
        group.MapGet("/", GetAsync).WithName("GetStripeAccount").WithSummary("Which Stripe account this gym uses, with secrets masked.");
        group.MapPut("/", SetAsync).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("SetStripeAccount").WithSummary("Sets this gym's (or franchise's) Stripe keys; secrets are encrypted and never returned.");
    }

    internal static async Task<Ok<StripeAccountDto>> GetAsync(
        ICurrentTenant tenant, DerrimutDbContext db, TenantStripeKeyResolver resolver, ISiteAddresses sites, CancellationToken ct)
    {
        var own = await FindOwnAsync(tenant.Tenant!, db, ct);
        var (source, _) = await resolver.SourceAsync(tenant.Tenant!.Id, ct);
        return TypedResults.Ok(WithWebhook(new StripeAccountDto(source, own is { } row && (row.HasAccount || row.PublishableKey is not null) ? ToDto(row) : null), tenant.Tenant!, sites));
    }

    private static StripeAccountDto WithWebhook(StripeAccountDto dto, TenantInfo tenant, ISiteAddresses sites) => dto with
    {
        WebhookUrl = tenant.IsLocation ? StripeWebhookUrls.For(tenant, sites) : null,
        EventsToEnable = Webhooks.StripeWebhookEvents.ToEnable,
    };

    internal static async Task<Ok<StripeAccountDto>> SetAsync(
        SetStripeAccountRequest request, ICurrentTenant tenant, DerrimutDbContext db, StripeSecretProtector protector, TenantStripeKeyResolver resolver,
        ISiteAddresses sites, ClaimsPrincipal user, IPeopleReadModel people, TimeProvider time, IStepUp stepUp, CancellationToken ct)
    {
        var current = tenant.Tenant!;
        var errors = new ValidationErrors();
        CheckPrefix(errors, request.SecretKey, "secretKey", ["sk_live_", "sk_test_", "rk_live_", "rk_test_"]);
        CheckPrefix(errors, request.PublishableKey, "publishableKey", ["pk_live_", "pk_test_"]);
        CheckPrefix(errors, request.WebhookSecret, "webhookSecret", ["whsec_"]);
        errors.ThrowIfAny();

        var row = await FindOwnAsync(current, db, ct, tracking: true);
        if (row is null && request is { SecretKey: null or "", PublishableKey: null or "", WebhookSecret: null or "" })
        {
            return await GetAsync(tenant, db, resolver, sites, ct); // Nothing to set, nothing to remove.
        }

        // Whoever holds a session must also know the password (or hold the phone) to redirect the gym's money (0059).
        await stepUp.RequireRecentAsync(user.FindUserId(), "change the Stripe keys", ct);
        var before = StripeAccountAudit.Snapshot.Of(row);
        if (row is null)
        {
            row = current.IsLocation ? new LocationStripeAccount { Id = Guid.CreateVersion7() } : new FranchiseStripeAccount { Id = Guid.CreateVersion7() };
            db.Add(row);
        }

        var ownerId = current.Id;
        if (request.SecretKey is { } secretKey)
        {
            row.ProtectedSecretKey = secretKey.Length == 0 ? null : protector.Protect(ownerId, TenantStripeKeyResolver.SecretKeyField, secretKey.Trim());
            row.SecretKeyHint = secretKey.Length == 0 ? null : StripeSecretProtector.Hint(secretKey.Trim());
        }

        if (request.WebhookSecret is { } webhookSecret)
        {
            row.ProtectedWebhookSecret = webhookSecret.Length == 0 ? null : protector.Protect(ownerId, TenantStripeKeyResolver.WebhookSecretField, webhookSecret.Trim());
            row.WebhookSecretHint = webhookSecret.Length == 0 ? null : StripeSecretProtector.Hint(webhookSecret.Trim());
        }

        if (request.PublishableKey is { } publishableKey)
        {
            row.PublishableKey = publishableKey.Length == 0 ? null : publishableKey.Trim();
        }

        StripeAccountRules.RequireOwnSecretKeyForWebhookSecret(row, request);

        // Without its signing secret no webhook of the account could be verified, so no payment would ever be recorded.
        if (row.ProtectedSecretKey is not null && row.ProtectedWebhookSecret is null)
        {
            throw new ValidationException("webhookSecret", "A Stripe account needs its webhook signing secret (whsec_…) as well as its secret key.");
        }

        // The audit entry is saved with the change itself: both or neither (decision 0050).
        await StripeAccountAudit.RecordAsync(db, current, user, people, time, before, row, request.SecretKey is { Length: > 0 }, request.WebhookSecret is { Length: > 0 }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolations.In(exception))
        {
            // Two first saves racing: the unique index on the owner decides.
            throw new ConflictException("The Stripe keys were changed by someone else at the same time; reload and try again.");
        }

        // The next webhook (or API call) of this gym, or of any gym of this franchise, uses the new keys.
        resolver.Forget();

        var (source, _) = await resolver.SourceAsync(current.Id, ct);
        return TypedResults.Ok(WithWebhook(new StripeAccountDto(source, ToDto(row)), current, sites));
    }

    private static async Task<StripeAccountSettings?> FindOwnAsync(TenantInfo tenant, DerrimutDbContext db, CancellationToken ct, bool tracking = false)
    {
        // The tenant filters scope both queries: a location sees its own row, a franchise its own.
        if (tenant.IsLocation)
        {
            var locations = tracking ? db.Set<LocationStripeAccount>() : db.Set<LocationStripeAccount>().AsNoTracking();
            return await locations.FirstOrDefaultAsync(a => a.TenantId == tenant.Id, ct);
        }

        var franchises = tracking ? db.Set<FranchiseStripeAccount>() : db.Set<FranchiseStripeAccount>().AsNoTracking();
        return await franchises.FirstOrDefaultAsync(a => a.FranchiseId == tenant.Id, ct);
    }

    private static StripeAccountKeysDto ToDto(StripeAccountSettings row) =>
        new(row.ProtectedSecretKey is null ? null : row.SecretKeyHint, row.PublishableKey, row.ProtectedWebhookSecret is null ? null : row.WebhookSecretHint,
            row.Version, row.UpdatedAt);

    private static void CheckPrefix(ValidationErrors errors, string? value, string field, string[] prefixes)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var trimmed = value.Trim();
        errors.AddIf(!prefixes.Any(p => trimmed.StartsWith(p, StringComparison.Ordinal)) || trimmed.Length < 12 || trimmed.Length > 255
                || trimmed.Any(char.IsWhiteSpace),
            field, $"Expected a key starting with {string.Join(" or ", prefixes)}.");
    }
}
