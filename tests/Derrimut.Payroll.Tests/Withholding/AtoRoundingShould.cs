using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Tests.Withholding;

public sealed class AtoRoundingShould
{
    [Theory]
    [InlineData("137.50", 138)] // exactly 50 cents: next higher dollar
    [InlineData("0.50", 1)]
    [InlineData("137.4999", 137)]
    [InlineData("137.495", 137)] // would be 138 if first rounded to cents (137.50)
    [InlineData("137.5001", 138)]
    [InlineData("138.00", 138)]
    [InlineData("0.4999", 0)]
    [InlineData("0", 0)]
    [InlineData("-0.50", 0)] // negative results are nil
    [InlineData("-12.75", 0)]
    public void RoundToTheNearestDollarWith50CentsUpAndNegativesNil(string amount, int expected)
    {
        AtoRounding.ToNearestDollarNilIfNegative(decimal.Parse(amount, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void RoundAFormulaResultOfExactly50CentsUp()
    {
        // A row constructed so that y = a·x − b ends in exactly 50 cents: 0.5 × 1.99 − 0.495 = 0.50.
        var bracket = new WithholdingBracket(null, 0.5m, 0.495m);

        var y = bracket.Apply(1.99m);

        y.ShouldBe(0.50m);
        AtoRounding.ToNearestDollarNilIfNegative(y).ShouldBe(1m);
    }

    [Theory]
    [InlineData(100_000, "Weekly", "1000.99")]
    [InlineData(100_099, "Weekly", "1000.99")]
    [InlineData(200_199, "Fortnightly", "1000.99")]
    [InlineData(199_999, "Fortnightly", "999.99")]
    [InlineData(433_333, "Monthly", "1000.99")] // ends in 33c: +1c
    [InlineData(433_332, "Monthly", "999.99")]
    [InlineData(433_334, "Monthly", "1000.99")]
    [InlineData(1_301_299, "Quarterly", "1000.99")]
    [InlineData(1_299_999, "Quarterly", "999.99")]
    [InlineData(0, "Weekly", "0.99")]
    public void ConvertEarningsToWeeklyX(long grossCents, string period, string expectedX)
    {
        AtoRounding.WeeklyEarningsX(grossCents, Enum.Parse<PayPeriod>(period)).ShouldBe(decimal.Parse(expectedX, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(433_333, 433_334)]
    [InlineData(33, 34)]
    [InlineData(433_332, 433_332)]
    [InlineData(433_300, 433_300)]
    [InlineData(3_300, 3_300)] // $33.00: 33 dollars, not 33 cents
    [InlineData(433_303, 433_303)] // $4,333.03
    public void AddOneCentOnlyToMonthlyAmountsEndingIn33Cents(long monthlyCents, long expected)
    {
        AtoRounding.MonthlyCentsAfterThirtyThreeCentRule(monthlyCents).ShouldBe(expected);
    }

    [Theory]
    [InlineData(143, "Weekly", 143)]
    [InlineData(143, "Fortnightly", 286)]
    [InlineData(143, "Monthly", 620)] // 619.67
    [InlineData(1, "Monthly", 4)] // 4.33
    [InlineData(72, "Monthly", 312)] // exact
    [InlineData(143, "Quarterly", 1859)]
    public void ConvertTheWeeklyAmountBackToThePayPeriod(int weekly, string period, int expected)
    {
        AtoRounding.WithholdingForPeriod(weekly, Enum.Parse<PayPeriod>(period)).ShouldBe(expected);
    }
}
