using Derrimut.Payroll.Domain.Superannuation;

namespace Derrimut.Payroll.Tests.Superannuation;

public sealed class SuperQuarterShould
{
    [Theory]
    [InlineData("2025-07-01", "2025-07-01", "2025-09-30", "Jul–Sep 2025", "2025-26")]
    [InlineData("2025-09-30", "2025-07-01", "2025-09-30", "Jul–Sep 2025", "2025-26")]
    [InlineData("2025-10-01", "2025-10-01", "2025-12-31", "Oct–Dec 2025", "2025-26")]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31", "Jan–Mar 2026", "2025-26")]
    [InlineData("2026-06-30", "2026-04-01", "2026-06-30", "Apr–Jun 2026", "2025-26")]
    [InlineData("2024-02-29", "2024-01-01", "2024-03-31", "Jan–Mar 2024", "2023-24")]
    [InlineData("2099-12-31", "2099-10-01", "2099-12-31", "Oct–Dec 2099", "2099-00")]
    public void FindTheQuarterAndFinancialYearOfADate(string date, string start, string end, string label, string financialYear)
    {
        var quarter = SuperQuarter.Containing(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        quarter.Start.ShouldBe(DateOnly.Parse(start, CultureInfo.InvariantCulture));
        quarter.End.ShouldBe(DateOnly.Parse(end, CultureInfo.InvariantCulture));
        quarter.Label.ShouldBe(label);
        quarter.FinancialYear.Label.ShouldBe(financialYear);
    }

    [Fact]
    public void SpanAFinancialYearFrom1JulyTo30June()
    {
        var year = FinancialYear.Containing(new DateOnly(2026, 6, 30));

        year.ShouldBe(new FinancialYear(2025));
        year.Start.ShouldBe(new DateOnly(2025, 7, 1));
        year.End.ShouldBe(new DateOnly(2026, 6, 30));
    }
}
