namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// The rounding rules of NAT 1004, each exactly as the ATO states it.
/// </summary>
internal static class AtoRounding
{
    private const decimal NinetyNineCents = 0.99m;

    /// <summary>
    /// "Rounded to the nearest dollar. Values ending in 50 cents are rounded to the next higher
    /// dollar. Do this rounding directly – that is, don't make a preliminary rounding to the nearest
    /// cent." Negative results are nil. Withholding amounts are never negative, so "next higher"
    /// and half-away-from-zero agree on every value this is used for.
    /// </summary>
    public static decimal ToNearestDollarNilIfNegative(decimal amount) =>
        amount <= 0m ? 0m : decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The weekly earnings x for a payment of <paramref name="grossCents"/> in <paramref name="period"/>:
    /// convert to a weekly figure, ignore cents, add 99 cents.
    /// Worked in whole cents with integer division, so "ignore cents" is exact (no decimal division).
    /// </summary>
    public static decimal WeeklyEarningsX(long grossCents, PayPeriod period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grossCents);
        var wholeWeeklyDollars = period switch
        {
            PayPeriod.Weekly => grossCents / 100,
            // Fortnightly: divide by 2, ignore cents.
            PayPeriod.Fortnightly => grossCents / 200,
            // Monthly: if the amount ends in 33 cents add 1 cent (so $4,333.33 — a third of $13,000 —
            // converts to $1,000 a week, not $999.99), then multiply by 3, divide by 13, ignore cents.
            PayPeriod.Monthly => (MonthlyCentsAfterThirtyThreeCentRule(grossCents) * 3) / 1300,
            // Quarterly: divide by 13, ignore cents.
            PayPeriod.Quarterly => grossCents / 1300,
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown pay period."),
        };
        return wholeWeeklyDollars + NinetyNineCents;
    }

    /// <summary>NAT 1004: "If the amount ends in 33 cents, add 1 cent."</summary>
    public static long MonthlyCentsAfterThirtyThreeCentRule(long monthlyCents) =>
        monthlyCents % 100 == 33 ? monthlyCents + 1 : monthlyCents;

    /// <summary>
    /// Converts the (already rounded) weekly withholding back to the pay period:
    /// fortnightly × 2; monthly × 13 ÷ 3 rounded to the nearest dollar; quarterly × 13.
    /// </summary>
    public static decimal WithholdingForPeriod(decimal weeklyWithholding, PayPeriod period) => period switch
    {
        PayPeriod.Weekly => weeklyWithholding,
        PayPeriod.Fortnightly => weeklyWithholding * 2m,
        PayPeriod.Monthly => ToNearestDollarNilIfNegative(weeklyWithholding * 13m / 3m),
        PayPeriod.Quarterly => weeklyWithholding * 13m,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown pay period."),
    };
}
