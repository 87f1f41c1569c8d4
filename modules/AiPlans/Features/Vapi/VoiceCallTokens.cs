using System.Globalization;
using System.Security.Cryptography;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.DataProtection;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>
/// The voice call token: the only thing that tells the Vapi webhook which member a call acts for (decision 0060).
/// Derrimut issues it to a signed-in member when their page starts a call; the page hands it to Vapi as an assistant
/// variable (<c>call_token</c>) and Vapi echoes it in every tool call's <c>call.assistantOverrides.variableValues</c>.
/// It is protected (encrypted and authenticated) by Data Protection under a purpose naming this use and the location,
/// so a browser can carry it but not make one, change it or use one from another gym; it expires after
/// <see cref="Lifetime"/>.
/// </summary>
internal sealed class VoiceCallTokens(IDataProtectionProvider protection, ICurrentTenant tenant, TimeProvider time)
{
    /// <summary>The assistant variable (and metadata key) the token travels in.</summary>
    public const string VariableName = "call_token";

    /// <summary>
    /// Long enough for a consultation (Vapi ends a call after 10 minutes unless the assistant says otherwise; the plan
    /// is asked for at the end), short enough that a token copied out of a browser is soon useless.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private const string Version = "v1";

    /// <summary>A token for <paramref name="memberId"/> at the current location, and when it stops working.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid memberId)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("Voice call tokens belong to a location.");
        var expiresAt = time.GetUtcNow() + Lifetime;
        return (Protect(protection, tenantId, memberId, expiresAt), expiresAt);
    }

    /// <summary>
    /// The member a token was issued for at the current location, or null for anything else: not a token, made with
    /// another key, another purpose or another location, changed, or expired. Callers answer every null alike.
    /// </summary>
    public Guid? MemberOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024 || tenant.Id is not { } tenantId)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector(protection, tenantId).Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        // The payload repeats the location although the purpose already binds it: a reader sees what was issued.
        var parts = payload.Split('|');
        if (parts.Length != 5 || parts[0] != Version
            || !Guid.TryParseExact(parts[1], "N", out var issuedAt) || issuedAt != tenantId
            || !Guid.TryParseExact(parts[2], "N", out var memberId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        return memberId;
    }

    /// <summary>The token for a member, location and expiry (also how a test makes a genuine but expired one).</summary>
    internal static string Protect(IDataProtectionProvider protection, Guid tenantId, Guid memberId, DateTimeOffset expiresAt)
    {
        // A random part makes every token distinct, so two calls' tokens never compare equal in logs.
        var payload = string.Join('|', Version, tenantId.ToString("N"), memberId.ToString("N"),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        return Protector(protection, tenantId).Protect(payload);
    }

    // Versioned purpose, bound to the location: a token issued at one gym does not even decrypt at another.
    private static IDataProtector Protector(IDataProtectionProvider protection, Guid tenantId) =>
        protection.CreateProtector("Derrimut.AiPlans.VoiceCallToken.v1", tenantId.ToString("N"));
}
