namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>The super guarantee for one payment and how it was worked out.</summary>
/// <param name="ContributionCents">Super guarantee to pay for this payment, in whole cents.</param>
/// <param name="Rate">The SG rate for the payment date, e.g. 0.12.</param>
/// <param name="OrdinaryTimeEarningsCents">
/// Ordinary time earnings (OTE) in this payment; from 1 July 2026 the qualifying earnings (QE), which are the same
/// here because Derrimut records no salary-sacrificed amounts.
/// </param>
/// <param name="ExcludedEarningsCents">Earnings in this payment that are not OTE/QE (overtime).</param>
/// <param name="AlreadyPaidInBasePeriodCents">OTE paid earlier in the same quarter, or QE paid earlier in the same financial year under Payday Super.</param>
/// <param name="MaximumContributionBaseCents">The cap on earnings that attract SG in the base period (a quarter, or from 1 July 2026 a financial year).</param>
/// <param name="EarningsAttractingSuperCents">The part of this payment's earnings under the cap.</param>
/// <param name="Quarter">The quarter the payment falls in.</param>
/// <param name="Basis">Quarterly (before 1 July 2026) or Payday Super.</param>
/// <param name="BasePeriod">What the cap applies to, e.g. "quarter Oct–Dec 2025" or "financial year 2026-27".</param>
/// <param name="DueOn">The date the fund must have the contribution: payday + 7 days, or 28 days after the quarter.</param>
/// <param name="Working">The steps, for payroll staff.</param>
internal sealed record SuperGuaranteeResult(
    long ContributionCents,
    decimal Rate,
    long OrdinaryTimeEarningsCents,
    long ExcludedEarningsCents,
    long AlreadyPaidInBasePeriodCents,
    long MaximumContributionBaseCents,
    long EarningsAttractingSuperCents,
    SuperQuarter Quarter,
    SuperGuaranteeBasis Basis,
    string BasePeriod,
    DateOnly DueOn,
    IReadOnlyList<string> Working);
