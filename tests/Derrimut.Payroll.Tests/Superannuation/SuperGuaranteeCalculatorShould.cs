using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;

namespace Derrimut.Payroll.Tests.Superannuation;

public sealed class SuperGuaranteeCalculatorShould
{
    private static readonly DateOnly In2024To25 = new(2025, 2, 14);
    private static readonly DateOnly In2025To26 = new(2025, 11, 27);

    [Fact]
    public void Pay11AndAHalfPercentOn30June2025()
    {
        // $1,500 × 11.5% = $172.50.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(new DateOnly(2025, 6, 30), 150_000);

        result.Rate.ShouldBe(0.115m);
        result.ContributionCents.ShouldBe(17_250);
    }

    [Fact]
    public void Pay12PercentFrom1July2025()
    {
        // $1,500 × 12% = $180.00.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(new DateOnly(2025, 7, 1), 150_000);

        result.Rate.ShouldBe(0.12m);
        result.ContributionCents.ShouldBe(18_000);
    }

    [Fact]
    public void ExcludeOvertimeButIncludeOrdinaryHoursAndCommission()
    {
        EarningsLine[] earnings =
        [
            new(EarningsKind.OrdinaryHours, "Ordinary hours", 100_000),
            new(EarningsKind.Overtime, "Overtime", 30_000),
            EarningsLine.Commission("PT sessions", 20_000),
        ];

        // OTE = $1,000 + $200 = $1,200 → × 12% = $144.00; the $300 of overtime attracts nothing.
        var result = SuperGuaranteeCalculator.Calculate(In2025To26, earnings);

        result.OrdinaryTimeEarningsCents.ShouldBe(120_000);
        result.ExcludedEarningsCents.ShouldBe(30_000);
        result.ContributionCents.ShouldBe(14_400);
        result.Working.ShouldContain(step => step.Contains("overtime", StringComparison.Ordinal));
    }

    [Fact]
    public void CapOrdinaryTimeEarningsAtTheRemainingQuarterlyBase_2025To26()
    {
        // Cap $62,500 a quarter; $60,000 already paid → only $2,500 of this $5,000 attracts SG: × 12% = $300.00.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2025To26, 500_000, alreadyPaidInBasePeriodCents: 6_000_000);

        result.MaximumContributionBaseCents.ShouldBe(6_250_000);
        result.EarningsAttractingSuperCents.ShouldBe(250_000);
        result.ContributionCents.ShouldBe(30_000);
    }

    [Fact]
    public void CapOrdinaryTimeEarningsAtTheRemainingQuarterlyBase_2024To25()
    {
        // Cap $65,070 a quarter; $64,000 already paid → $1,070 attracts SG: × 11.5% = $123.05.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2024To25, 200_000, alreadyPaidInBasePeriodCents: 6_400_000);

        result.MaximumContributionBaseCents.ShouldBe(6_507_000);
        result.EarningsAttractingSuperCents.ShouldBe(107_000);
        result.ContributionCents.ShouldBe(12_305);
    }

    [Fact]
    public void PayNothingOnceTheQuarterlyBaseIsUsedUp()
    {
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2025To26, 500_000, alreadyPaidInBasePeriodCents: 7_000_000);

        result.EarningsAttractingSuperCents.ShouldBe(0);
        result.ContributionCents.ShouldBe(0);
    }

    [Fact]
    public void ApplyTheFullCapToASinglePaymentAboveIt()
    {
        // $70,000 in one payment, nothing earlier: $62,500 × 12% = $7,500.00.
        SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2025To26, 7_000_000).ContributionCents.ShouldBe(750_000);
    }

    [Fact]
    public void CapOnlyOrdinaryTimeEarningsNotOvertime()
    {
        EarningsLine[] earnings =
        [
            new(EarningsKind.OrdinaryHours, "Ordinary hours", 200_000),
            new(EarningsKind.Overtime, "Overtime", 500_000),
        ];

        // $61,000 already paid: remaining $1,500 < OTE $2,000 → $1,500 × 12% = $180.00.
        var result = SuperGuaranteeCalculator.Calculate(In2025To26, earnings, 6_100_000);

        result.EarningsAttractingSuperCents.ShouldBe(150_000);
        result.ContributionCents.ShouldBe(18_000);
    }

    [Theory]
    [InlineData("2025-01-15", 100, 12)] // 11.5% × 100c = 11.5c → 12c
    [InlineData("2025-01-15", 300, 35)] // 11.5% × 300c = 34.5c → 35c (banker's rounding would give 34c)
    [InlineData("2025-01-15", 299, 34)] // 34.385c → 34c
    [InlineData("2025-11-27", 29, 3)] // 12% × 29c = 3.48c → 3c
    [InlineData("2025-11-27", 71, 9)] // 12% × 71c = 8.52c → 9c
    [InlineData("2025-11-27", 123_457, 14_815)] // 12% × $1,234.57 = 14,814.84c → $148.15
    public void RoundToTheNearestCentHalfAwayFromZero(string paidOn, long oteCents, long expectedCents)
    {
        SuperGuaranteeCalculator
            .CalculateOnOrdinaryTimeEarnings(DateOnly.Parse(paidOn, CultureInfo.InvariantCulture), oteCents)
            .ContributionCents.ShouldBe(expectedCents);
    }

    [Theory]
    [InlineData("2027-07-01", "2027-28")] // the rate carries forward, the base is re-indexed yearly and not known
    [InlineData("2028-02-27", "2027-28")]
    [InlineData("2024-01-15", "2023-24")] // the 11% rate is known, the 2023-24 base is not
    public void RefuseAFinancialYearWithNoKnownMaximumContributionBase(string paidOn, string financialYear)
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(
            () => SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(DateOnly.Parse(paidOn, CultureInfo.InvariantCulture), 150_000));

        refusal.Message.ShouldContain(financialYear);
        refusal.Rule.ShouldBe("maximum super contribution base");
    }

    [Fact]
    public void ReportTheQuarterOfThePayment()
    {
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2025To26, 150_000);

        result.Quarter.ShouldBe(new SuperQuarter(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)));
        result.Working[0].ShouldBe("Payment date 2025-11-27: super guarantee rate 12%; quarter Oct–Dec 2025 (2025-26).");
    }

    [Fact]
    public void RejectNegativeEarlierEarnings()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(In2025To26, 100, -1));
    }

    [Fact]
    public void RejectNegativeEarningsLines()
    {
        Should.Throw<ArgumentException>(
            () => SuperGuaranteeCalculator.Calculate(In2025To26, [new EarningsLine(EarningsKind.OrdinaryHours, "Reversal", -100)]));
    }
}
