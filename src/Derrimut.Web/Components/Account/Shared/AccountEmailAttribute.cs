using System.ComponentModel.DataAnnotations;

namespace Derrimut.Web.Components.Account.Shared;

/// <summary>
/// An email address that mail can actually reach: it parses as one address, equals its own parsed form (no display
/// name, no angle brackets) and has a dot in the domain. Stricter than [EmailAddress], which accepts "a@b".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AccountEmailAttribute : ValidationAttribute
{
    public AccountEmailAttribute()
        : base("Enter an email address like name@example.com.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text || text.Length == 0)
        {
            // [Required] reports a missing value.
            return true;
        }

        var trimmed = text.Trim();
        return System.Net.Mail.MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
    }
}
