using System.Security.Claims;
using System.Security.Cryptography;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>
/// The current location's Vapi webhook secret: stored per location, encrypted at rest with ASP.NET Core Data
/// Protection (so a database dump alone does not reveal it), set by the location's admin. In Development only, a
/// location without one falls back to configuration <c>AiPlans:Vapi:Secret</c>, so a local voice assistant works
/// without the admin step; elsewhere a location without a secret refuses every call.
/// </summary>
internal sealed class VapiSecrets(
    DerrimutDbContext db, IDataProtectionProvider protection, ICurrentTenant tenant, IConfiguration configuration, IHostEnvironment environment,
    VoiceAssistantAudit audit)
{
    public const string ConfigurationKey = "AiPlans:Vapi:Secret";
    public const int MinLength = 24;
    public const int MaxLength = 256;

    // Versioned purpose: a new scheme gets a new purpose and old secrets stay readable through the old one. Bound to
    // the location (as Billing binds Stripe secrets to their owner): a ciphertext copied into another location's row
    // does not decrypt there.
    private IDataProtector Protector => protection.CreateProtector(
        "Derrimut.AiPlans.VapiWebhookSecret.v1",
        (tenant.Id ?? throw new InvalidOperationException("Vapi secrets belong to a location.")).ToString("N"));

    /// <summary>When the location's voice settings (its secret among them) last changed, or null when it has no secret.</summary>
    public async Task<DateTimeOffset?> StoredSinceAsync(CancellationToken cancellationToken) =>
        // The row also holds the public key and assistant id, which may be set before any secret.
        await db.Set<VoiceAssistantSettings>().AsNoTracking().Where(s => s.ProtectedSecret != "").Select(s => (DateTimeOffset?)s.UpdatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>True when the development fallback would be used for this location.</summary>
    public bool HasDevelopmentFallback => environment.IsDevelopment() && !string.IsNullOrEmpty(configuration[ConfigurationKey]);

    /// <summary>Sets (or replaces) the location's secret.</summary>
    public async Task SetAsync(string secret, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var changedBy = actor.RequireUserId();
        var settings = await db.Set<VoiceAssistantSettings>().FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new VoiceAssistantSettings();
            db.Add(settings);
        }

        // The history says a secret was set or replaced, never which (decision 0050); saved with the secret itself.
        await audit.RecordSecretAsync(actor, replaced: settings.ProtectedSecret.Length > 0, cancellationToken);
        settings.ProtectedSecret = Protector.Protect(secret);
        settings.ChangedBy = changedBy;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            throw new Derrimut.BuildingBlocks.Errors.ConflictException("The secret was changed by someone else at the same time; set it again.", "secret");
        }
    }

    /// <summary>True when <paramref name="presented"/> is this location's secret (compared in constant time).</summary>
    public async Task<bool> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var expected = await CurrentAsync(cancellationToken);
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        // Hash both so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>The secret Vapi must present here (the voice settings' test call signs with it), or null when none is set.</summary>
    internal async Task<string?> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<VoiceAssistantSettings>().AsNoTracking().Select(s => s.ProtectedSecret).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(stored))
        {
            try
            {
                return Protector.Unprotect(stored);
            }
            catch (CryptographicException)
            {
                // Keys lost or rotated away: refuse rather than fail open; the admin sets the secret again.
                return null;
            }
        }

        return environment.IsDevelopment() ? configuration[ConfigurationKey] : null;
    }
}
