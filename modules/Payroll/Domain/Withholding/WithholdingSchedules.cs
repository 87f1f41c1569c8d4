using Derrimut.Payroll.Domain.Rules;

namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// The NAT 1004 schedules known when this code was written, chosen by PAYMENT date (not the period worked).
/// They are the SEED of the dated tables in the database (<c>payroll.withholding_tables</c>, decision 0023):
/// pay runs and the calculator read the database, where a superadmin adds next year's figures without a release.
/// Tests check every table here is well formed (limits increasing, ends "and over").
/// </summary>
internal static class WithholdingSchedules
{
    // Source: ATO, Schedule 1 – Statement of formulas for calculating amounts to be withheld (NAT 1004),
    // for payments made on or after 1 July 2024 (PRIMARY, ato.gov.au). Unchanged for 2025-26.
    // Transcribed from ../shared/reference/australian-domain.md §1.
    private const string Ato2024Source =
        "ATO NAT 1004 Schedule 1, payments on or after 1 July 2024 (primary source; unchanged for 2025-26)";

    private static readonly WithholdingSchedule From1July2024 = new(
        "NAT1004-2024-07-01",
        new DateOnly(2024, 7, 1),
        [
            new("NAT1004-2024-07-01 scale 1", WithholdingScale.Scale1, Ato2024Source,
            [
                new(150m, 0.1600m, 0.1600m),
                new(371m, 0.2117m, 7.7550m),
                new(515m, 0.1890m, -0.6702m),
                new(932m, 0.3227m, 68.2367m),
                new(2246m, 0.3200m, 65.7202m),
                new(3303m, 0.3900m, 222.9510m),
                new(null, 0.4700m, 487.2587m),
            ]),
            new("NAT1004-2024-07-01 scale 2", WithholdingScale.Scale2, Ato2024Source,
            [
                WithholdingBracket.Nil(361m),
                new(500m, 0.1600m, 57.8462m),
                new(625m, 0.2600m, 107.8462m),
                new(721m, 0.1800m, 57.8462m),
                new(865m, 0.1890m, 64.3365m),
                new(1282m, 0.3227m, 180.0385m),
                new(2596m, 0.3200m, 176.5769m),
                new(3653m, 0.3900m, 358.3077m),
                new(null, 0.4700m, 650.6154m),
            ]),
            new("NAT1004-2024-07-01 scale 3", WithholdingScale.Scale3, Ato2024Source, ForeignResident2024),
            new("NAT1004-2024-07-01 scale 5", WithholdingScale.Scale5, Ato2024Source,
            [
                WithholdingBracket.Nil(361m),
                new(721m, 0.1600m, 57.8462m),
                new(865m, 0.1690m, 64.3365m),
                new(1282m, 0.3027m, 180.0385m),
                new(2596m, 0.3000m, 176.5769m),
                new(3653m, 0.3700m, 358.3077m),
                new(null, 0.4500m, 650.6154m),
            ]),
            new("NAT1004-2024-07-01 scale 6", WithholdingScale.Scale6, Ato2024Source,
            [
                WithholdingBracket.Nil(361m),
                new(721m, 0.1600m, 57.8462m),
                new(843m, 0.1690m, 64.3365m),
                new(865m, 0.2190m, 106.4962m),
                new(1053m, 0.3527m, 222.1981m),
                new(1282m, 0.3127m, 180.0385m),
                new(2596m, 0.3100m, 176.5769m),
                new(3653m, 0.3800m, 358.3077m),
                new(null, 0.4600m, 650.6154m),
            ]),
        ],
        // Scale 4: no TFN — resident 47%, foreign resident 45% (ATO NAT 1004, primary).
        new NoTfnRates("NAT1004-2024-07-01 scale 4", Ato2024Source, Resident: 0.47m, Foreign: 0.45m));

    // Source: SECONDARY, NOT YET CONFIRMED on ato.gov.au — the coefficients for payments made on or
    // after 1 July 2026 (the 16% rate becomes 15%) as recorded in
    // ../shared/reference/australian-domain.md §1. Replace the source note once the ATO publishes them.
    private const string Secondary2026Source =
        "NAT 1004 coefficients for payments on or after 1 July 2026 (secondary source, not yet confirmed on ato.gov.au)";

    // Scale 3 from 1 July 2026: the reference states it is unchanged (the 15% change does not touch
    // foreign-resident rates); same secondary standing as the rest of the 2026 schedule.
    private const string Secondary2026UnchangedScale3Source =
        "Scale 3 unchanged from 1 July 2026 (secondary source, not yet confirmed on ato.gov.au)";

    // Scale 4 from 1 July 2026: the reference states 47% / 45% without a date limit; the 2026 change
    // only lowers the 16% bracket, not the top marginal rate that scale 4 is built on.
    private const string Secondary2026NoTfnSource =
        "Scale 4 rates 47% resident / 45% foreign, not affected by the 1 July 2026 change (secondary source)";

    // Scales 5 and 6 are deliberately ABSENT: their 1 July 2026 coefficients are not known here, so
    // WithholdingSchedules.TableFor refuses them rather than reuse 2024 figures.
    private static readonly WithholdingSchedule From1July2026 = new(
        "NAT1004-2026-07-01",
        new DateOnly(2026, 7, 1),
        [
            new("NAT1004-2026-07-01 scale 1", WithholdingScale.Scale1, Secondary2026Source,
            [
                new(188m, 0.1500m, 0.1500m),
                new(371m, 0.2084m, 11.0185m),
                new(515m, 0.1790m, 0.1066m),
                new(932m, 0.3227m, 74.1674m),
                new(2246m, 0.3200m, 71.6508m),
                new(3303m, 0.3900m, 228.8816m),
                new(null, 0.4700m, 493.1893m),
            ]),
            new("NAT1004-2026-07-01 scale 2", WithholdingScale.Scale2, Secondary2026Source,
            [
                WithholdingBracket.Nil(362m),
                new(538m, 0.1500m, 54.3462m),
                new(673m, 0.2500m, 108.2135m),
                new(721m, 0.1700m, 54.3473m),
                new(865m, 0.1790m, 60.8377m),
                new(1282m, 0.3227m, 185.1935m),
                new(2596m, 0.3200m, 181.7319m),
                new(3653m, 0.3900m, 363.4627m),
                new(null, 0.4700m, 655.7704m),
            ]),
            new("NAT1004-2026-07-01 scale 3", WithholdingScale.Scale3, Secondary2026UnchangedScale3Source, ForeignResident2024),
        ],
        new NoTfnRates("NAT1004-2026-07-01 scale 4", Secondary2026NoTfnSource, Resident: 0.47m, Foreign: 0.45m));

    /// <summary>Every known schedule, oldest first.</summary>
    public static IReadOnlyList<WithholdingSchedule> Known { get; } = [From1July2024, From1July2026];

    private static IReadOnlyList<WithholdingBracket> ForeignResident2024 =>
    [
        new(2596m, 0.3000m, 0.3000m),
        new(3653m, 0.3700m, 181.7308m),
        new(null, 0.4500m, 474.0385m),
    ];

    /// <summary>The coefficient table for a scale (1, 2, 3, 5 or 6) on a payment date, from the built-in tables.</summary>
    /// <exception cref="PayrollRuleNotKnownException">No table is known for that scale on that date.</exception>
    public static WithholdingTable TableFor(WithholdingScale scale, DateOnly paidOn) => PayrollRuleBook.BuiltIn.TableFor(scale, paidOn);

    /// <summary>The scale 4 (no TFN) rates on a payment date, from the built-in tables.</summary>
    /// <exception cref="PayrollRuleNotKnownException">The date is before the earliest known schedule.</exception>
    public static NoTfnRates NoTfnRatesFor(DateOnly paidOn) => PayrollRuleBook.BuiltIn.NoTfnRatesFor(paidOn);
}
