using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>
/// Super guarantee (SG) for one payment: rate by payment date × ordinary time earnings, with OTE
/// capped per quarter at the maximum super contribution base.
/// Cents rounding: SG = eligible OTE (cents) × rate, rounded to the nearest whole cent, half away
/// from zero (e.g. 11.5% of $1.00 = 11.5c → 12c), so the employee is never short by the half cent.
/// </summary>
internal static class SuperGuaranteeCalculator
{
    /// <param name="paidOn">The payment date; it decides the rate, the quarter and the cap.</param>
    /// <param name="earnings">The payment's earnings lines; overtime is excluded from OTE.</param>
    /// <param name="ordinaryTimeEarningsAlreadyPaidThisQuarterCents">
    /// OTE this employer already paid the employee in the same quarter (earlier pay runs), so that
    /// only the base remaining under the quarterly cap attracts SG.
    /// </param>
    /// <exception cref="Rules.PayrollRuleNotKnownException">No rate or no cap is known for the payment date.</exception>
    public static SuperGuaranteeResult Calculate(
        DateOnly paidOn,
        IReadOnlyCollection<EarningsLine> earnings,
        long ordinaryTimeEarningsAlreadyPaidThisQuarterCents = 0)
    {
        foreach (var line in earnings)
        {
            if (line.AmountCents < 0)
            {
                throw new ArgumentException($"Earnings line \"{line.Description}\" is negative; adjustments belong in an adjusting pay run.", nameof(earnings));
            }
        }

        var ote = earnings.Where(line => line.IsOrdinaryTimeEarnings).Sum(line => line.AmountCents);
        var excluded = earnings.Where(line => !line.IsOrdinaryTimeEarnings).Sum(line => line.AmountCents);
        return Calculate(paidOn, ote, excluded, ordinaryTimeEarningsAlreadyPaidThisQuarterCents);
    }

    /// <summary>SG on an amount already known to be ordinary time earnings (e.g. the calculator page).</summary>
    /// <exception cref="Rules.PayrollRuleNotKnownException">No rate or no cap is known for the payment date.</exception>
    public static SuperGuaranteeResult CalculateOnOrdinaryTimeEarnings(
        DateOnly paidOn,
        long ordinaryTimeEarningsCents,
        long ordinaryTimeEarningsAlreadyPaidThisQuarterCents = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinaryTimeEarningsCents);
        return Calculate(paidOn, ordinaryTimeEarningsCents, excludedCents: 0, ordinaryTimeEarningsAlreadyPaidThisQuarterCents);
    }

    private static SuperGuaranteeResult Calculate(DateOnly paidOn, long oteCents, long excludedCents, long alreadyPaidCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyPaidCents);

        var rate = SuperGuaranteeRates.RateFor(paidOn);
        var cap = SuperGuaranteeRates.QuarterlyMaximumContributionBaseCentsFor(paidOn);
        var quarter = SuperQuarter.Containing(paidOn);

        var remainingBase = Math.Max(0, cap - alreadyPaidCents);
        var eligible = Math.Min(oteCents, remainingBase);
        var exact = eligible * rate;
        var contribution = Cents.RoundToWholeCents(exact);

        var working = new List<string>
        {
            $"Payment date {paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: super guarantee rate {Percent(rate)}; quarter {quarter.Label} ({quarter.FinancialYear.Label}).",
            excludedCents > 0
                ? $"Ordinary time earnings {Cents.Format(oteCents)}; {Cents.Format(excludedCents)} of overtime is not ordinary time earnings and attracts no super guarantee."
                : $"Ordinary time earnings {Cents.Format(oteCents)}.",
            $"Maximum super contribution base for a {quarter.FinancialYear.Label} quarter: {Cents.Format(cap)}; already paid this quarter: {Cents.Format(alreadyPaidCents)}; remaining: {Cents.Format(remainingBase)}.",
            eligible < oteCents
                ? $"Only {Cents.Format(eligible)} of this payment's ordinary time earnings is under the quarterly cap."
                : $"All {Cents.Format(eligible)} is under the quarterly cap.",
            $"{Cents.Format(eligible)} × {Percent(rate)} = {(exact / 100m).ToString("#,0.####", CultureInfo.InvariantCulture)} dollars, rounded to the nearest cent (half away from zero): {Cents.Format(contribution)}.",
        };

        return new SuperGuaranteeResult(contribution, rate, oteCents, excludedCents, alreadyPaidCents, cap, eligible, quarter, working);
    }

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
