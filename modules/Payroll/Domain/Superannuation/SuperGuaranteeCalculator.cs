using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;

namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>
/// Super guarantee (SG) for one payment: rate by payment date × ordinary time earnings, with OTE
/// capped per quarter at the maximum super contribution base — or, for payments on or after 1 July 2026
/// (Payday Super, ../shared/reference/australian-domain.md §2), × qualifying earnings capped by the ANNUAL base
/// across the financial year, due to the fund within 7 days of payday.
/// Cents rounding: SG = eligible OTE (cents) × rate, rounded to the nearest whole cent, half away
/// from zero (e.g. 11.5% of $1.00 = 11.5c → 12c), so the employee is never short by the half cent.
/// </summary>
internal static class SuperGuaranteeCalculator
{
    /// <param name="paidOn">The payment date; it decides the rate, the quarter and the cap.</param>
    /// <param name="earnings">The payment's earnings lines; overtime is excluded from OTE.</param>
    /// <param name="alreadyPaidInBasePeriodCents">
    /// OTE this employer already paid the employee in the same quarter (earlier pay runs) — or, under Payday Super,
    /// qualifying earnings already paid in the same financial year — so that only the base remaining under the cap
    /// attracts SG.
    /// </param>
    /// <param name="rules">The dated figures (the database's, in pay runs); the built-in tables when null.</param>
    /// <exception cref="Rules.PayrollRuleNotKnownException">No rate or no cap is known for the payment date.</exception>
    public static SuperGuaranteeResult Calculate(
        DateOnly paidOn,
        IReadOnlyCollection<EarningsLine> earnings,
        long alreadyPaidInBasePeriodCents = 0,
        PayrollRuleBook? rules = null)
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
        return Calculate(paidOn, ote, excluded, alreadyPaidInBasePeriodCents, rules ?? PayrollRuleBook.BuiltIn);
    }

    /// <summary>SG on an amount already known to be ordinary time earnings (e.g. the calculator page).</summary>
    /// <exception cref="Rules.PayrollRuleNotKnownException">No rate or no cap is known for the payment date.</exception>
    public static SuperGuaranteeResult CalculateOnOrdinaryTimeEarnings(
        DateOnly paidOn,
        long ordinaryTimeEarningsCents,
        long alreadyPaidInBasePeriodCents = 0,
        PayrollRuleBook? rules = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinaryTimeEarningsCents);
        return Calculate(paidOn, ordinaryTimeEarningsCents, excludedCents: 0, alreadyPaidInBasePeriodCents, rules ?? PayrollRuleBook.BuiltIn);
    }

    private static SuperGuaranteeResult Calculate(DateOnly paidOn, long oteCents, long excludedCents, long alreadyPaidCents, PayrollRuleBook rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyPaidCents);

        var rule = rules.SuperRuleFor(paidOn);
        var (_, cap) = rules.MaximumContributionBaseFor(paidOn);
        var rate = rule.Rate;
        var quarter = SuperQuarter.Containing(paidOn);

        var remainingBase = Math.Max(0, cap - alreadyPaidCents);
        var eligible = Math.Min(oteCents, remainingBase);
        var exact = eligible * rate;
        var contribution = Cents.RoundToWholeCents(exact);
        var rounding = $"{Cents.Format(eligible)} × {Percent(rate)} = {(exact / 100m).ToString("#,0.####", CultureInfo.InvariantCulture)} dollars, rounded to the nearest cent (half away from zero): {Cents.Format(contribution)}.";

        if (rule.Basis == SuperGuaranteeBasis.Payday)
        {
            var year = FinancialYear.Containing(paidOn);
            // Payday Super: the fund must RECEIVE the contribution within 7 days of payday.
            var due = paidOn.AddDays(7);
            var paydayWorking = new List<string>
            {
                $"Payment date {Iso(paidOn)}: Payday Super (payments on or after {Iso(rule.EffectiveFrom)}): super guarantee rate {Percent(rate)} of qualifying earnings, paid with each payday.",
                excludedCents > 0
                    ? $"Qualifying earnings (ordinary time earnings; no salary-sacrificed amounts) {Cents.Format(oteCents)}; {Cents.Format(excludedCents)} of overtime is not qualifying earnings and attracts no super guarantee."
                    : $"Qualifying earnings (ordinary time earnings; no salary-sacrificed amounts) {Cents.Format(oteCents)}.",
                $"Annual maximum contribution base for {year.Label}: {Cents.Format(cap)}; qualifying earnings already paid this financial year: {Cents.Format(alreadyPaidCents)}; remaining: {Cents.Format(remainingBase)}.",
                eligible < oteCents
                    ? (eligible == 0
                        ? $"The {year.Label} base is reached: no further super guarantee is owed this financial year."
                        : $"Only {Cents.Format(eligible)} of this payment's qualifying earnings is under the annual base; this pay reaches it, so later pays this year attract no super guarantee.")
                    : $"All {Cents.Format(eligible)} is under the annual base.",
                rounding,
                $"The fund must receive it by {Iso(due)} (payday + 7 days).",
            };
            return new SuperGuaranteeResult(contribution, rate, oteCents, excludedCents, alreadyPaidCents, cap, eligible, quarter,
                SuperGuaranteeBasis.Payday, $"financial year {year.Label}", due, paydayWorking);
        }

        // Quarterly: due 28 days after the quarter ends (28 October, January, April, July).
        var quarterlyDue = quarter.End.AddDays(28);
        var working = new List<string>
        {
            $"Payment date {Iso(paidOn)}: super guarantee rate {Percent(rate)}; quarter {quarter.Label} ({quarter.FinancialYear.Label}).",
            excludedCents > 0
                ? $"Ordinary time earnings {Cents.Format(oteCents)}; {Cents.Format(excludedCents)} of overtime is not ordinary time earnings and attracts no super guarantee."
                : $"Ordinary time earnings {Cents.Format(oteCents)}.",
            $"Maximum super contribution base for a {quarter.FinancialYear.Label} quarter: {Cents.Format(cap)}; already paid this quarter: {Cents.Format(alreadyPaidCents)}; remaining: {Cents.Format(remainingBase)}.",
            eligible < oteCents
                ? $"Only {Cents.Format(eligible)} of this payment's ordinary time earnings is under the quarterly cap."
                : $"All {Cents.Format(eligible)} is under the quarterly cap.",
            rounding,
            $"Due to the fund by {Iso(quarterlyDue)} (28 days after the quarter ends).",
        };

        return new SuperGuaranteeResult(contribution, rate, oteCents, excludedCents, alreadyPaidCents, cap, eligible, quarter,
            SuperGuaranteeBasis.Quarterly, $"quarter {quarter.Label}", quarterlyDue, working);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
