using System.Text;
using QRCoder;

namespace Derrimut.Web.Account;

/// <summary>What an authenticator app needs: the shared key (readable) and the otpauth URI as a QR code.</summary>
internal static class AuthenticatorSetup
{
    public const string Issuer = "Derrimut";

    /// <summary>The key in groups of four, lowercase, as people type it into an app.</summary>
    public static string FormatKey(string unformattedKey)
    {
        var result = new StringBuilder();
        for (var i = 0; i < unformattedKey.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(unformattedKey.AsSpan(i, Math.Min(4, unformattedKey.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI Format apps read (issuer as label prefix and parameter, 6 digits, 30 s, SHA-1).</summary>
    public static string AuthenticatorUri(string email, string unformattedKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={unformattedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The URI as a QR code in an SVG data URI, rendered on the server: no script, no third-party service.</summary>
    public static string QrCodeDataUri(string authenticatorUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(authenticatorUri, QRCodeGenerator.ECCLevel.Q);
        using var svg = new SvgQRCode(data);
        var markup = svg.GetGraphic(6, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(markup));
    }
}
