using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Derrimut.Web.Account;

/// <summary>
/// Identity's tokens travel in links as base64url of their UTF-8 bytes — the same encoding the invitation emails of
/// the Identity module use, so an invitation link opens the same reset page.
/// </summary>
internal static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when the link was mangled (a mail client cutting it short, a hand edit).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
