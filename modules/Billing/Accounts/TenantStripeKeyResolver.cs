using System.Collections.Concurrent;
using Derrimut.Billing.Data;
using Derrimut.Billing.Gateways;
using Microsoft.AspNetCore.DataProtection;

namespace Derrimut.Billing.Accounts;

/// <summary>
/// Encrypts and decrypts a Stripe account's secrets with ASP.NET Core Data Protection. The purpose chain includes the
/// owner's id, so a ciphertext copied onto another gym's row does not decrypt there.
/// </summary>
internal sealed class StripeSecretProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Derrimut.Billing.StripeAccount.v1";

    public string Protect(Guid ownerId, string field, string secret) => Protector(ownerId, field).Protect(secret);

    public string Unprotect(Guid ownerId, string field, string protectedSecret) => Protector(ownerId, field).Unprotect(protectedSecret);

    /// <summary>The last four characters: enough for an admin to recognise a key, useless to anyone else.</summary>
    public static string Hint(string secret) => secret.Length <= 4 ? "" : secret[^4..];

    private IDataProtector Protector(Guid ownerId, string field) => provider.CreateProtector(Purpose, ownerId.ToString("N"), field);
}

/// <summary>
/// Finds a gym's Stripe account: its own (location), else its franchise's, else the platform's configuration
/// (<c>Billing:Stripe:*</c>, through <see cref="ConfigurationStripeKeyResolver"/>). An account is taken whole from the
/// first level that has one, never mixed across levels: a location's secret key with its franchise's webhook secret
/// would belong to two different Stripe accounts.
/// </summary>
internal sealed class TenantStripeKeyResolver(
    IDbContextFactory<DerrimutDbContext> contexts,
    ITenantCatalog tenants,
    StripeSecretProtector protector,
    ConfigurationStripeKeyResolver platform) : IStripeKeyResolver
{
    public const string SecretKeyField = "secret-key";
    public const string WebhookSecretField = "webhook-secret";

    /// <summary>
    /// How long a gym's keys read from the database are reused. Every webhook delivery needs them; without this each
    /// cost the catalogue lookup, two queries on a second pooled connection and two Data Protection decryptions
    /// (decision 0069). A change saved on this node clears them at once (<see cref="Forget"/>); a change saved on
    /// another node is seen here within this bound, like Stripe's own secret rolling, which keeps the old secret
    /// valid for a while too.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(15);

    // Real elapsed time (not the app's TimeProvider): a frozen test clock must not make keys live for ever.
    private readonly ConcurrentDictionary<Guid, (StripeAccountKeys? Keys, long Until)> recent = new();

    /// <inheritdoc />
    public async ValueTask<StripeAccountKeys> ResolveAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        StripeAccountKeys? account;
        if (recent.TryGetValue(tenantId, out var kept) && kept.Until > now)
        {
            account = kept.Keys;
        }
        else
        {
            // A gym without an account of its own (null) is kept too: most gyms bill on the platform's account.
            account = await FindAsync(tenantId, cancellationToken);
            recent[tenantId] = (account, now + (long)KeptFor.TotalMilliseconds);
        }

        // The platform's configuration is read every time: options reload on their own.
        return account ?? await platform.ResolveAsync(tenantId, cancellationToken);
    }

    /// <summary>
    /// Drops every kept account after a change of any gym's or franchise's keys (a franchise's change reaches all its
    /// gyms, so all go).
    /// </summary>
    public void Forget() => recent.Clear();

    /// <summary>Where the gym's account comes from: <c>location</c>, <c>franchise</c> or <c>platform</c>.</summary>
    public async Task<(string Level, StripeAccountSettings? Row)> SourceAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            return ("platform", null);
        }

        // A context of its own from the pool: key lookups must never share (or flush) a caller's unit of work.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (tenant.IsLocation)
        {
            var own = await db.Set<LocationStripeAccount>().IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(a => a.TenantId == tenant.Id, cancellationToken);
            if (own is { HasAccount: true })
            {
                return ("location", own);
            }
        }

        var franchise = await db.Set<FranchiseStripeAccount>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(a => a.FranchiseId == tenant.FranchiseId, cancellationToken);
        return franchise is { HasAccount: true } ? ("franchise", franchise) : ("platform", null);
    }

    private async Task<StripeAccountKeys?> FindAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var (_, row) = await SourceAsync(tenantId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var ownerId = row switch
        {
            LocationStripeAccount l => l.TenantId,
            FranchiseStripeAccount f => f.FranchiseId,
            _ => throw new InvalidOperationException("Unknown account row."),
        };
        var secretKey = row.ProtectedSecretKey is { } sk ? Unprotect(ownerId, SecretKeyField, sk) : null;
        var webhookSecret = row.ProtectedWebhookSecret is { } ws ? Unprotect(ownerId, WebhookSecretField, ws) : null;
        if (webhookSecret is null)
        {
            // Validation refuses to save a secret key without a webhook secret; this guards rows edited by hand.
            throw new PaymentGatewayException(PaymentGatewayFailure.Misconfigured, "This gym's Stripe account has no webhook secret.");
        }

        return new StripeAccountKeys(secretKey, webhookSecret);
    }

    private string Unprotect(Guid ownerId, string field, string value)
    {
        try
        {
            return protector.Unprotect(ownerId, field, value);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The key ring lost the key (or the row was copied from another gym): say so rather than fail obscurely.
            throw new PaymentGatewayException(PaymentGatewayFailure.Misconfigured, "This gym's Stripe keys cannot be decrypted; set them again.", innerException: e);
        }
    }
}
