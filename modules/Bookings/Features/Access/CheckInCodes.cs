using System.Security.Cryptography;
using Derrimut.Bookings.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace Derrimut.Bookings.Features.Access;

/// <summary>
/// Members' personal check-in codes (decision 0032): the member's id and franchise, signed and encrypted with the
/// app's Data Protection keys (kept in the database, so every node and every gym of the franchise reads them) and
/// valid for <see cref="Lifetime"/>. The member's page fetches a fresh one well before expiry and shows it as a QR
/// code; a phone that goes offline keeps showing the last one, which works until it expires.
/// </summary>
internal sealed class CheckInCodes(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long a code works: long enough for a phone without signal at the door, short enough that a screenshot is useless tomorrow.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string Prefix = "DM1.";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Derrimut.Bookings.CheckInCode.v1").ToTimeLimitedDataProtector();

    public CheckInCodeDto Issue(Guid personId, Guid franchiseId)
    {
        var expires = time.GetUtcNow() + Lifetime;
        return new CheckInCodeDto(Prefix + Protector.Protect($"{personId:N}|{franchiseId:N}", expires), expires);
    }

    /// <summary>The person and franchise a code names, or null when it is not ours, tampered with or expired.</summary>
    public (Guid PersonId, Guid FranchiseId)? Read(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !code.StartsWith(Prefix, StringComparison.Ordinal) || code.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(code[Prefix.Length..]).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var person) && Guid.TryParseExact(parts[1], "N", out var franchise)
                ? (person, franchise)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
