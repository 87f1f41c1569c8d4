namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>The coefficients of one scale within one NAT 1004 schedule, with where they came from.</summary>
internal sealed record WithholdingTable(
    string Identifier,
    WithholdingScale Scale,
    string Source,
    IReadOnlyList<WithholdingBracket> Brackets)
{
    /// <summary>The first row whose limit is greater than x (NAT 1004).</summary>
    public WithholdingBracket BracketFor(decimal weeklyEarningsX) =>
        Brackets.First(bracket => bracket.Covers(weeklyEarningsX));
}

/// <summary>Scale 4 (no TFN) rates within one schedule: a flat percentage of earnings, cents ignored.</summary>
internal sealed record NoTfnRates(string Identifier, string Source, decimal Resident, decimal Foreign)
{
    public decimal For(TaxResidency residency) => residency switch
    {
        TaxResidency.Resident => Resident,
        TaxResidency.Foreign => Foreign,
        _ => throw new ArgumentOutOfRangeException(nameof(residency), residency, "Unknown residency."),
    };
}

/// <summary>
/// One NAT 1004 "Statement of formulas" schedule: applies to payments made on or after
/// <see cref="EffectiveFrom"/> until a later schedule takes effect.
/// </summary>
internal sealed record WithholdingSchedule(
    string Identifier,
    DateOnly EffectiveFrom,
    IReadOnlyList<WithholdingTable> Tables,
    NoTfnRates? NoTfnRates)
{
    public WithholdingTable? TableFor(WithholdingScale scale) =>
        Tables.FirstOrDefault(table => table.Scale == scale);
}
