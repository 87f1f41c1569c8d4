using System.Diagnostics.CodeAnalysis;

namespace Derrimut.Payroll.Domain.BankFiles;

/// <summary>A bank-state-branch number: six digits, written "NNN-NNN" in ABA files and on screen.</summary>
internal sealed record Bsb
{
    private Bsb(string digits) => Digits = digits;

    /// <summary>The six digits, without the dash.</summary>
    public string Digits { get; }

    /// <summary>Accepts "062000" or "062-000" (surrounding spaces ignored).</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Bsb? bsb, [NotNullWhen(false)] out string? error)
    {
        bsb = null;
        var value = input?.Trim() ?? string.Empty;
        if (value.Length == 7 && value[3] == '-')
        {
            value = string.Concat(value.AsSpan(0, 3), value.AsSpan(4));
        }

        if (value.Length == 0)
        {
            error = "A BSB is required.";
            return false;
        }

        if (value.Length != 6 || !value.All(char.IsAsciiDigit))
        {
            error = $"A BSB is 6 digits, optionally written NNN-NNN; got \"{input}\".";
            return false;
        }

        bsb = new Bsb(value);
        error = null;
        return true;
    }

    /// <exception cref="InvalidBankDetailsException">The input is not a BSB.</exception>
    public static Bsb Parse(string? input) =>
        TryParse(input, out var bsb, out var error) ? bsb : throw new InvalidBankDetailsException("bsb", error);

    /// <summary>"NNN-NNN", the ABA and display format.</summary>
    public override string ToString() => $"{Digits[..3]}-{Digits[3..]}";
}
