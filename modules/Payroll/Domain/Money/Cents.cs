namespace Derrimut.Payroll.Domain.Money;

/// <summary>
/// AUD amounts as whole cents (<see cref="long"/>) and the one cents-rounding rule payroll uses.
/// </summary>
internal static class Cents
{
    /// <summary>
    /// Rounds an amount expressed in (fractional) cents to a whole cent, half away from zero
    /// (0.5c → 1c). This is the rule for super guarantee contributions and for award hourly
    /// rates and hours × rate: the ATO and Fair Work publish figures to the cent and, for the
    /// positive amounts payroll deals with, half away from zero never short-pays by the half cent.
    /// </summary>
    public static long RoundToWholeCents(decimal cents) =>
        (long)decimal.Round(cents, 0, MidpointRounding.AwayFromZero);

    /// <summary>Converts dollars with at most two decimal places to cents; refuses fractions of a cent.</summary>
    public static long FromDollars(decimal dollars)
    {
        var cents = dollars * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException(
                $"An amount of money has at most two decimal places (cents); got {dollars.ToString(CultureInfo.InvariantCulture)}.",
                nameof(dollars));
        }

        return (long)cents;
    }

    public static decimal ToDollars(long cents) => cents / 100m;

    /// <summary>Formats cents as "$1,234.50" (the en-AU display; written invariantly so it never depends on the server's culture).</summary>
    public static string Format(long cents) => FormatDollars(ToDollars(cents));

    public static string FormatDollars(decimal dollars) =>
        dollars < 0
            ? "-$" + (-dollars).ToString("#,0.00", CultureInfo.InvariantCulture)
            : "$" + dollars.ToString("#,0.00", CultureInfo.InvariantCulture);
}
