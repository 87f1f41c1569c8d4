using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;

namespace Derrimut.Payroll.Tests.Superannuation;

/// <summary>
/// Payday Super (payments on or after 1 July 2026): 12% of qualifying earnings per pay, the annual maximum
/// contribution base across the financial year, due payday + 7 days; earlier payments keep the quarterly rules.
/// </summary>
public sealed class PaydaySuperShould
{
    private static readonly DateOnly LastQuarterlyPayday = new(2026, 6, 30);
    private static readonly DateOnly FirstPaydaySuperPayday = new(2026, 7, 1);

    [Fact]
    public void KeepTheQuarterlyRulesForAPaymentOn30June2026()
    {
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(LastQuarterlyPayday, 300_000, alreadyPaidInBasePeriodCents: 6_100_000);

        result.Basis.ShouldBe(SuperGuaranteeBasis.Quarterly);
        result.MaximumContributionBaseCents.ShouldBe(6_250_000); // 2025-26 quarterly base
        result.EarningsAttractingSuperCents.ShouldBe(150_000); // only $1,500 left under the Apr–Jun cap
        result.ContributionCents.ShouldBe(18_000);
        result.DueOn.ShouldBe(new DateOnly(2026, 7, 28)); // 28 days after the quarter
        result.BasePeriod.ShouldBe("quarter Apr–Jun 2026");
    }

    [Fact]
    public void FollowPaydaySuperForAPaymentOn1July2026()
    {
        // The same payment and the same quarterly history a day later: the quarterly cap no longer applies.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(FirstPaydaySuperPayday, 300_000);

        result.Basis.ShouldBe(SuperGuaranteeBasis.Payday);
        result.Rate.ShouldBe(0.12m);
        result.MaximumContributionBaseCents.ShouldBe(27_083_000);
        result.ContributionCents.ShouldBe(36_000);
        result.DueOn.ShouldBe(new DateOnly(2026, 7, 8)); // payday + 7 days
        result.BasePeriod.ShouldBe("financial year 2026-27");
        result.Working[0].ShouldContain("Payday Super");
        result.Working.ShouldContain("The fund must receive it by 2026-07-08 (payday + 7 days).");
    }

    [Fact]
    public void PayOnlyThePartUnderTheAnnualBaseInTheRunThatCrossesIt()
    {
        // A high earner: $268,000 of qualifying earnings already this year, $5,000 more this pay; $2,830 remains.
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(new DateOnly(2027, 3, 17), 500_000, alreadyPaidInBasePeriodCents: 26_800_000);

        result.EarningsAttractingSuperCents.ShouldBe(283_000);
        result.ContributionCents.ShouldBe(33_960); // 12% × $2,830
        result.Working.ShouldContain(step => step.Contains("reaches it", StringComparison.Ordinal));
    }

    [Fact]
    public void PayNothingMoreOnceTheAnnualBaseIsReached()
    {
        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(new DateOnly(2027, 4, 1), 500_000, alreadyPaidInBasePeriodCents: 27_300_000);

        result.ContributionCents.ShouldBe(0);
        result.EarningsAttractingSuperCents.ShouldBe(0);
        result.Working.ShouldContain(step => step.Contains("no further super guarantee", StringComparison.Ordinal));
    }

    [Fact]
    public void StartTheAnnualBaseAgainInTheNextFinancialYearWhenItIsKnown()
    {
        var nextYear = new PayrollRuleBook(
            [.. PayrollRuleBook.BuiltIn.Schedules],
            [.. PayrollRuleBook.BuiltIn.SuperRules, new SuperGuaranteeYear(new DateOnly(2027, 7, 1), 0.12m, SuperGuaranteeBasis.Payday, 28_000_000, "test figure")]);

        var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(new DateOnly(2027, 7, 14), 500_000, 0, nextYear);

        result.MaximumContributionBaseCents.ShouldBe(28_000_000);
        result.ContributionCents.ShouldBe(60_000);
    }

    [Fact]
    public void LeaveOvertimeOutOfQualifyingEarnings()
    {
        var result = SuperGuaranteeCalculator.Calculate(FirstPaydaySuperPayday,
        [
            new EarningsLine(EarningsKind.OrdinaryHours, "Ordinary hours", 100_000),
            new EarningsLine(EarningsKind.Overtime, "Overtime", 20_000),
        ]);

        result.OrdinaryTimeEarningsCents.ShouldBe(100_000);
        result.ExcludedEarningsCents.ShouldBe(20_000);
        result.ContributionCents.ShouldBe(12_000);
    }

    [Fact]
    public void UseTheRuleBookItIsGiven()
    {
        // A rule book without 2026-27 (e.g. a database that has not been seeded) refuses rather than guessing.
        var without = new PayrollRuleBook(PayrollRuleBook.BuiltIn.Schedules, PayrollRuleBook.BuiltIn.SuperRules.Where(r => r.EffectiveFrom.Year < 2026));

        Should.Throw<PayrollRuleNotKnownException>(() => SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(FirstPaydaySuperPayday, 100_000, 0, without))
            .Message.ShouldContain("2026-27");
    }
}
