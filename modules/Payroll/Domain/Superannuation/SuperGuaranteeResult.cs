namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>The super guarantee for one payment and how it was worked out.</summary>
/// <param name="ContributionCents">Super guarantee to pay for this payment, in whole cents.</param>
/// <param name="Rate">The SG rate for the payment date, e.g. 0.12.</param>
/// <param name="OrdinaryTimeEarningsCents">Ordinary time earnings (OTE) in this payment.</param>
/// <param name="ExcludedEarningsCents">Earnings in this payment that are not OTE (overtime).</param>
/// <param name="OrdinaryTimeEarningsAlreadyPaidThisQuarterCents">OTE paid earlier in the same quarter.</param>
/// <param name="QuarterlyMaximumContributionBaseCents">The cap on OTE that attracts SG in a quarter.</param>
/// <param name="EarningsAttractingSuperCents">The part of this payment's OTE under the quarter's cap.</param>
/// <param name="Quarter">The quarter the payment falls in.</param>
/// <param name="Working">The steps, for payroll staff.</param>
internal sealed record SuperGuaranteeResult(
    long ContributionCents,
    decimal Rate,
    long OrdinaryTimeEarningsCents,
    long ExcludedEarningsCents,
    long OrdinaryTimeEarningsAlreadyPaidThisQuarterCents,
    long QuarterlyMaximumContributionBaseCents,
    long EarningsAttractingSuperCents,
    SuperQuarter Quarter,
    IReadOnlyList<string> Working);
