namespace Derrimut.Organizations.Domain;

/// <summary>
/// The Australian Business Number check (ABR "How to check an ABN"): subtract 1 from the first digit, weight the
/// 11 digits by 10, 1, 3, 5, …, 19, and the sum must divide by 89. Catches most typos before a payslip carries one.
/// </summary>
internal static class AbnRules
{
    private static readonly int[] Weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

    /// <summary>The 11 digits (spaces removed), or null with a message when the input is not an ABN.</summary>
    public static string? Normalise(string input, out string? error)
    {
        var digits = input.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            error = "An ABN is 11 digits, e.g. 51 824 753 556.";
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += ((digits[i] - '0') - (i == 0 ? 1 : 0)) * Weights[i];
        }

        error = sum % 89 == 0 ? null : "This is not a valid ABN (its check digits do not match); check it on abr.business.gov.au.";
        return error is null ? digits : null;
    }
}
