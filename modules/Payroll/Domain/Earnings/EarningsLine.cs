namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>
/// One line of an employee's gross pay, in whole cents. Hours-based lines also carry the hours, the
/// base hourly rate, the multiplier and the resulting hourly rate, so a payslip can show them.
/// </summary>
internal sealed record EarningsLine(
    EarningsKind Kind,
    string Description,
    long AmountCents,
    decimal? Hours = null,
    long? BaseRateCents = null,
    decimal? Multiplier = null,
    long? RateCents = null)
{
    /// <summary>Ordinary time earnings attract the super guarantee; overtime does not.</summary>
    public bool IsOrdinaryTimeEarnings => Kind != EarningsKind.Overtime;

    public static EarningsLine Commission(string description, long amountCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountCents);
        return new EarningsLine(EarningsKind.Commission, description, amountCents);
    }
}
