namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// The amount to withhold for the pay period and how it was worked out, for payroll staff to check.
/// </summary>
/// <param name="Withholding">Whole dollars to withhold from this payment.</param>
/// <param name="WeeklyEarningsX">x of NAT 1004 (whole weekly dollars + 99c); null for scale 4, which has no x.</param>
/// <param name="WeeklyWithholding">The rounded weekly amount before conversion to the pay period; null for scale 4.</param>
/// <param name="Table">Which table was used, e.g. "NAT1004-2024-07-01 scale 2".</param>
/// <param name="TableSource">Where the table's figures come from (primary ATO or secondary).</param>
/// <param name="CoefficientA">a of the row used; null for scale 4.</param>
/// <param name="CoefficientB">b of the row used; null for scale 4.</param>
/// <param name="WeeklyEarningsLessThan">The limit of the row used; null for the "and over" row and for scale 4.</param>
/// <param name="NoTfnRate">The flat rate for scale 4 (0.47 or 0.45); null for other scales.</param>
/// <param name="Working">The steps, in words and numbers, in the order the ATO describes them.</param>
internal sealed record WithholdingResult(
    decimal Withholding,
    decimal? WeeklyEarningsX,
    decimal? WeeklyWithholding,
    string Table,
    string TableSource,
    decimal? CoefficientA,
    decimal? CoefficientB,
    decimal? WeeklyEarningsLessThan,
    decimal? NoTfnRate,
    IReadOnlyList<string> Working)
{
    public long WithholdingCents => (long)(Withholding * 100m);
}
