using Derrimut.Payroll.Domain.Rules;

namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>How the super guarantee is paid and capped in a financial year.</summary>
internal enum SuperGuaranteeBasis
{
    /// <summary>Before 1 July 2026: paid quarterly (due 28 days after the quarter), OTE capped per quarter.</summary>
    Quarterly,

    /// <summary>
    /// Payday Super, from 1 July 2026: paid with each payday (the fund must receive it within 7 days), qualifying
    /// earnings capped by an ANNUAL maximum contribution base across the financial year.
    /// </summary>
    Payday,
}

/// <summary>
/// The super guarantee rule for payments made from <see cref="EffectiveFrom"/> (a 1 July) until the next rule.
/// <see cref="MaximumContributionBaseCents"/> belongs to that one financial year only (it is re-indexed every year),
/// per quarter under <see cref="SuperGuaranteeBasis.Quarterly"/>, per year under <see cref="SuperGuaranteeBasis.Payday"/>;
/// null when not known here.
/// </summary>
internal sealed record SuperGuaranteeYear(
    DateOnly EffectiveFrom,
    decimal Rate,
    SuperGuaranteeBasis Basis,
    long? MaximumContributionBaseCents,
    string Source)
{
    public FinancialYear FinancialYear => FinancialYear.Containing(EffectiveFrom);
}

/// <summary>
/// Super guarantee rates and maximum super contribution bases known when this code was written, by PAYMENT date
/// (../shared/reference/australian-domain.md §2). They SEED the dated rules in the database
/// (<c>payroll.super_guarantee_rules</c>, decision 0023); pay runs and the calculator read the database.
/// </summary>
internal static class SuperGuaranteeRates
{
    /// <summary>The date Payday Super starts: payments on or after it follow the per-payday rules.</summary>
    public static readonly DateOnly PaydaySuperStarts = new(2026, 7, 1);

    // Rates: ATO 11% in 2023-24, 11.5% in 2024-25, 12% from 1 July 2025 (the final legislated rate).
    // Quarterly bases: 2024-25 $65,070; 2025-26 $62,500 (secondary: super funds' published figures).
    // 2023-24's base is not known here, so its rate is known but a full calculation refuses.
    // 2026-27: Payday Super, annual base $270,830 (secondary: Rest's published guide; 12% of it is the
    // $32,500 concessional contributions cap).
    private const string AtoRates = "ATO super guarantee percentage by payment date (primary)";

    /// <summary>Every rule known here, oldest first.</summary>
    public static IReadOnlyList<SuperGuaranteeYear> Known { get; } =
    [
        new(new DateOnly(2023, 7, 1), 0.11m, SuperGuaranteeBasis.Quarterly, null, AtoRates + "; quarterly maximum contribution base for 2023-24 not recorded"),
        new(new DateOnly(2024, 7, 1), 0.115m, SuperGuaranteeBasis.Quarterly, 6_507_000, AtoRates + "; quarterly maximum contribution base $65,070 (secondary: super funds' published figures)"),
        new(new DateOnly(2025, 7, 1), 0.12m, SuperGuaranteeBasis.Quarterly, 6_250_000, AtoRates + "; quarterly maximum contribution base $62,500 (secondary: super funds' published figures)"),
        new(PaydaySuperStarts, 0.12m, SuperGuaranteeBasis.Payday, 27_083_000,
            "Payday Super from 1 July 2026: 12% of qualifying earnings with each payday, annual maximum contribution base $270,830 for 2026-27 (secondary: Rest, \"maximum super contribution base\")"),
    ];

    /// <exception cref="PayrollRuleNotKnownException">No rate is known for a payment on that date.</exception>
    public static decimal RateFor(DateOnly paidOn) => PayrollRuleBook.BuiltIn.SuperRuleFor(paidOn).Rate;

    /// <summary>The quarterly base (payments before Payday Super only), from the built-in rules.</summary>
    /// <exception cref="PayrollRuleNotKnownException">No quarterly maximum contribution base is known for the financial year of that date.</exception>
    public static long QuarterlyMaximumContributionBaseCentsFor(DateOnly paidOn)
    {
        var (rule, cents) = PayrollRuleBook.BuiltIn.MaximumContributionBaseFor(paidOn);
        return rule.Basis == SuperGuaranteeBasis.Quarterly
            ? cents
            : throw new PayrollRuleNotKnownException(
                "maximum super contribution base",
                paidOn,
                $"Payments from {Iso(rule.EffectiveFrom)} follow Payday Super: the maximum contribution base is annual, not quarterly.");
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
