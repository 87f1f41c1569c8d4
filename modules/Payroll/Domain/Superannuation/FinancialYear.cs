namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>An Australian financial year, 1 July to 30 June, named like "2025-26".</summary>
internal sealed record FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 7, 1);

    public DateOnly End => new(StartYear + 1, 6, 30);

    public string Label => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 7 ? date.Year : date.Year - 1);

    public override string ToString() => Label;
}
