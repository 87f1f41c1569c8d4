namespace Derrimut.Organizations.Domain;

/// <summary>Rules for the parts of a gym's profile its own admins edit that the platform's rules don't cover.</summary>
internal static class GymProfileRules
{
    public const int PhotoUrlMaxLength = 500;

    /// <summary>
    /// The photo is a link to an image the gym hosts: https only (the site is served over https, and a plain-http
    /// image would be mixed content), absolute, and no longer than the column.
    /// </summary>
    public static void ValidatePhotoUrl(string? value, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        errors.AddIf(value.Length > PhotoUrlMaxLength, field, $"At most {PhotoUrlMaxLength} characters.");
        errors.AddIf(!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps, field,
            "Give the photo's full https address, e.g. https://example.com.au/gym.jpg.");
    }
}
