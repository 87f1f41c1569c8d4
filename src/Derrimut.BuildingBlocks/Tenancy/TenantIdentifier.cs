using System.Text.RegularExpressions;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>Rules for a tenant identifier: a DNS label that can serve as the location's subdomain.</summary>
public static partial class TenantIdentifier
{
    /// <summary>Labels that are never tenants: they serve the platform itself.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "www", "api", "auth", "admin", "static", "platform", "mail", "login", "account", "cdn", "assets", "status", "health",
    };

    /// <summary>Labels that, as a subdomain, mean the platform scope (like the bare root domain).</summary>
    public static readonly IReadOnlySet<string> PlatformLabels = new HashSet<string>(StringComparer.Ordinal) { "admin", "www" };

    /// <summary>Maximum length of a DNS label.</summary>
    public const int MaxLength = 63;

    /// <summary>Returns an error message, or null when <paramref name="value"/> is a valid identifier.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "The identifier is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"The identifier must be at most {MaxLength} characters.";
        }

        if (!LabelPattern().IsMatch(value))
        {
            return "The identifier must be lowercase letters, digits and hyphens, starting and ending with a letter or digit.";
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            // "xn--" style double hyphens are reserved for punycode labels.
            return "The identifier must not contain two hyphens in a row.";
        }

        return Reserved.Contains(value) ? $"'{value}' is reserved for the platform." : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
