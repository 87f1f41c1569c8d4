namespace Derrimut.Payroll.Domain.Superannuation;

/// <summary>A super guarantee quarter: Jul–Sep, Oct–Dec, Jan–Mar or Apr–Jun.</summary>
internal sealed record SuperQuarter(DateOnly Start, DateOnly End)
{
    public FinancialYear FinancialYear => FinancialYear.Containing(Start);

    public string Label =>
        $"{Start.ToString("MMM", CultureInfo.InvariantCulture)}–{End.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";

    public static SuperQuarter Containing(DateOnly date)
    {
        var firstMonth = ((date.Month - 1) / 3 * 3) + 1;
        var start = new DateOnly(date.Year, firstMonth, 1);
        return new SuperQuarter(start, start.AddMonths(3).AddDays(-1));
    }

    public override string ToString() => Label;
}
