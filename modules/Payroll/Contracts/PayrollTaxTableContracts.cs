namespace Derrimut.Payroll.Contracts;

/// <summary>One band of a NAT 1004 coefficient table as entered: weekly earnings x from <paramref name="From"/> to less than <paramref name="LessThan"/>.</summary>
/// <param name="From">Where the band starts (the previous band's "less than"; 0 for the first).</param>
/// <param name="LessThan">Where it ends (exclusive); null for the last, "and over", band.</param>
/// <param name="A">Coefficient a (0 for a nil band).</param>
/// <param name="B">Coefficient b (0 for a nil band; may be negative).</param>
public sealed record WithholdingBracketInput(decimal? From, decimal? LessThan, decimal? A, decimal? B);

/// <summary>A NAT 1004 table for one scale to add.</summary>
/// <param name="EffectiveFrom">Payments on or after this date use it.</param>
/// <param name="Scale">1–6.</param>
/// <param name="Source">Where the figures come from (required, e.g. "ATO NAT 1004, payments on or after 1 July 2027").</param>
/// <param name="Brackets">Scales 1, 2, 3, 5, 6: every weekly-earnings band from 0 to "and over", no gaps or overlaps.</param>
/// <param name="NoTfnResidentRate">Scale 4 only: the resident no-TFN rate, e.g. 0.47.</param>
/// <param name="NoTfnForeignRate">Scale 4 only: the foreign-resident no-TFN rate, e.g. 0.45.</param>
public sealed record WithholdingTableInput(
    DateOnly? EffectiveFrom, int? Scale, string? Source, IReadOnlyList<WithholdingBracketInput>? Brackets, decimal? NoTfnResidentRate, decimal? NoTfnForeignRate);

/// <summary>A band of a stored table.</summary>
/// <param name="From">Start (inclusive).</param>
/// <param name="LessThan">End (exclusive); null for "and over".</param>
/// <param name="A">a.</param>
/// <param name="B">b.</param>
public sealed record WithholdingBracketDto(decimal From, decimal? LessThan, decimal A, decimal B);

/// <summary>A stored NAT 1004 table.</summary>
/// <param name="Id">Id.</param>
/// <param name="EffectiveFrom">Payments on or after this date.</param>
/// <param name="Scale">1–6.</param>
/// <param name="Identifier">What payslips record, e.g. "NAT1004-2026-07-01 scale 2".</param>
/// <param name="Source">Citation.</param>
/// <param name="Brackets">Bands (none for scale 4).</param>
/// <param name="NoTfnResidentRate">Scale 4 resident rate.</param>
/// <param name="NoTfnForeignRate">Scale 4 foreign rate.</param>
/// <param name="AddedBy">Who added it (or "Seeded from Derrimut's built-in tables").</param>
/// <param name="AddedAt">When.</param>
public sealed record WithholdingTableDto(
    Guid Id, DateOnly EffectiveFrom, int Scale, string Identifier, string Source, IReadOnlyList<WithholdingBracketDto> Brackets,
    decimal? NoTfnResidentRate, decimal? NoTfnForeignRate, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A super guarantee rule to add (one per financial year).</summary>
/// <param name="EffectiveFrom">A 1 July: the financial year it is for.</param>
/// <param name="Rate">The SG rate, e.g. 0.12.</param>
/// <param name="Basis">"quarterly" (before 1 July 2026) or "payday" (Payday Super, from 1 July 2026).</param>
/// <param name="MaximumContributionBase">The year's maximum contribution base in dollars (per quarter, or per year under Payday Super).</param>
/// <param name="Source">Citation (required).</param>
public sealed record SuperGuaranteeRuleInput(DateOnly? EffectiveFrom, decimal? Rate, string? Basis, decimal? MaximumContributionBase, string? Source);

/// <summary>A stored super guarantee rule.</summary>
/// <param name="Id">Id.</param>
/// <param name="EffectiveFrom">The 1 July it starts.</param>
/// <param name="FinancialYear">e.g. "2026-27".</param>
/// <param name="Rate">Rate.</param>
/// <param name="Basis">"quarterly" or "payday".</param>
/// <param name="MaximumContributionBase">Dollars; null when not known.</param>
/// <param name="Source">Citation.</param>
/// <param name="AddedBy">Who added it.</param>
/// <param name="AddedAt">When.</param>
public sealed record SuperGuaranteeRuleDto(
    Guid Id, DateOnly EffectiveFrom, string FinancialYear, decimal Rate, string Basis, decimal? MaximumContributionBase, string Source, string AddedBy, DateTimeOffset AddedAt);

/// <summary>Every dated table and rule, and what is missing.</summary>
/// <param name="WithholdingTables">NAT 1004 tables, newest schedule first.</param>
/// <param name="SuperRules">Super guarantee rules, newest first.</param>
/// <param name="Missing">Gaps a pay run would refuse, e.g. "Scale 5: no table for payments on or after 2026-07-01".</param>
public sealed record TaxTablesDto(IReadOnlyList<WithholdingTableDto> WithholdingTables, IReadOnlyList<SuperGuaranteeRuleDto> SuperRules, IReadOnlyList<string> Missing);

/// <summary>
/// The dated PAYG withholding tables and super guarantee rules every location's payroll reads (platform data, the
/// same as <c>/api/platform/payroll/tax-tables</c>). Adding only: a stored figure is never changed, so a finalised
/// payslip's table always means the figures it used. The caller authorizes first
/// (<see cref="PayrollPermissions.ManageTaxTables"/>, platform scope).
/// </summary>
public interface IPayrollTaxTables
{
    /// <summary>Everything stored, and the gaps.</summary>
    Task<TaxTablesDto> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds one scale's table (validated: every band, no gaps or overlaps; audited with who and the source).</summary>
    Task<WithholdingTableDto> AddWithholdingTableAsync(WithholdingTableInput input, Guid addedBy, string addedByName, CancellationToken cancellationToken = default);

    /// <summary>Adds a financial year's super guarantee rule.</summary>
    Task<SuperGuaranteeRuleDto> AddSuperRuleAsync(SuperGuaranteeRuleInput input, Guid addedBy, string addedByName, CancellationToken cancellationToken = default);
}
