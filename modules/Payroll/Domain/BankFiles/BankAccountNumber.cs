using System.Diagnostics.CodeAnalysis;

namespace Derrimut.Payroll.Domain.BankFiles;

/// <summary>An Australian bank account number as an ABA file carries it: 5 to 9 digits, leading zeros kept.</summary>
internal sealed record BankAccountNumber
{
    public const int MinimumDigits = 5;
    public const int MaximumDigits = 9;

    private BankAccountNumber(string digits) => Digits = digits;

    public string Digits { get; }

    /// <summary>Accepts digits only (surrounding spaces ignored): no dashes or inner spaces, which banks ask to be edited out.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out BankAccountNumber? account, [NotNullWhen(false)] out string? error)
    {
        account = null;
        var value = input?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            error = "An account number is required.";
            return false;
        }

        if (!value.All(char.IsAsciiDigit))
        {
            error = $"An account number has digits only (no spaces, dashes or letters); got \"{input}\".";
            return false;
        }

        if (value.Length is < MinimumDigits or > MaximumDigits)
        {
            error = $"An account number has {MinimumDigits} to {MaximumDigits} digits; got {value.Length}.";
            return false;
        }

        account = new BankAccountNumber(value);
        error = null;
        return true;
    }

    /// <exception cref="InvalidBankDetailsException">The input is not an account number.</exception>
    public static BankAccountNumber Parse(string? input) =>
        TryParse(input, out var account, out var error) ? account : throw new InvalidBankDetailsException("accountNumber", error);

    public override string ToString() => Digits;
}
