using Derrimut.Payroll.Domain.Rules;

namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>
/// Super guarantee rate and maximum super contribution base, by PAYMENT date
/// (../shared/reference/australian-domain.md §2). To extend, add a row to the relevant table.
/// </summary>
internal static class SuperGuaranteeRates
{
    // Rate by payment date, effective-from order. ATO: 11% in 2023-24, 11.5% in 2024-25, 12% from
    // 1 July 2025 — 12% is the final legislated rate, so it applies to every later payment date.
    private static readonly (DateOnly EffectiveFrom, decimal Rate)[] Rates =
    [
        (new DateOnly(2023, 7, 1), 0.11m),
        (new DateOnly(2024, 7, 1), 0.115m),
        (new DateOnly(2025, 7, 1), 0.12m),
    ];

    // Maximum super contribution base PER QUARTER, by financial year, in cents.
    // 2024-25 $65,070; 2025-26 $62,500 (secondary: super funds' published figures, as recorded in the
    // reference). A financial year missing here is refused, never carried forward: the base is
    // re-indexed every year, and 2026-27 (the first year of Payday Super) is not known here.
    // 2023-24 is absent for the same reason, so its 11% rate is known but a full calculation refuses.
    private static readonly Dictionary<int, long> QuarterlyMaximumContributionBaseCents = new()
    {
        [2024] = 6_507_000,
        [2025] = 6_250_000,
    };

    /// <exception cref="PayrollRuleNotKnownException">No rate is known for a payment on that date.</exception>
    public static decimal RateFor(DateOnly paidOn)
    {
        var known = Rates.Where(r => r.EffectiveFrom <= paidOn).ToArray();
        if (known.Length == 0)
        {
            throw new PayrollRuleNotKnownException(
                "super guarantee rate",
                paidOn,
                $"No super guarantee rate is known for payment date {Iso(paidOn)}: the earliest rate known here applies from {Iso(Rates[0].EffectiveFrom)}.");
        }

        return known[^1].Rate;
    }

    /// <exception cref="PayrollRuleNotKnownException">No maximum contribution base is known for the financial year of that date.</exception>
    public static long QuarterlyMaximumContributionBaseCentsFor(DateOnly paidOn)
    {
        var year = FinancialYear.Containing(paidOn);
        return QuarterlyMaximumContributionBaseCents.TryGetValue(year.StartYear, out var cents)
            ? cents
            : throw new PayrollRuleNotKnownException(
                "maximum super contribution base",
                paidOn,
                $"No maximum super contribution base is known for the {year.Label} financial year (payment date {Iso(paidOn)}); "
                + $"known years: {string.Join(", ", QuarterlyMaximumContributionBaseCents.Keys.Order().Select(y => new FinancialYear(y).Label))}. "
                + "Derrimut refuses to guess; add the ATO's figure for that year.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
