using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;

namespace Derrimut.Payroll.Tests.Superannuation;

public sealed class SuperGuaranteeRatesShould
{
    [Theory]
    [InlineData("2023-07-01", "0.11")]
    [InlineData("2024-06-30", "0.11")]
    [InlineData("2024-07-01", "0.115")]
    [InlineData("2025-06-30", "0.115")]
    [InlineData("2025-07-01", "0.12")]
    [InlineData("2030-01-01", "0.12")] // 12% is the final legislated rate
    public void ChooseTheRateByPaymentDate(string paidOn, string rate)
    {
        SuperGuaranteeRates.RateFor(DateOnly.Parse(paidOn, CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(rate, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RefuseARateBefore1July2023()
    {
        Should.Throw<PayrollRuleNotKnownException>(() => SuperGuaranteeRates.RateFor(new DateOnly(2023, 6, 30)))
            .Message.ShouldContain("2023-06-30");
    }

    [Theory]
    [InlineData("2024-07-01", 6_507_000)]
    [InlineData("2025-06-30", 6_507_000)]
    [InlineData("2025-07-01", 6_250_000)]
    [InlineData("2026-06-30", 6_250_000)]
    public void ChooseTheQuarterlyMaximumContributionBaseByFinancialYear(string paidOn, long cents)
    {
        SuperGuaranteeRates.QuarterlyMaximumContributionBaseCentsFor(DateOnly.Parse(paidOn, CultureInfo.InvariantCulture)).ShouldBe(cents);
    }

    [Fact]
    public void RefuseAQuarterlyBaseForPaydaySuperYears()
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(
            () => SuperGuaranteeRates.QuarterlyMaximumContributionBaseCentsFor(new DateOnly(2026, 7, 1)));

        refusal.Message.ShouldContain("annual");
    }

    [Fact]
    public void RefuseTheMaximumContributionBaseFor2027To28()
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(
            () => PayrollRuleBook.BuiltIn.MaximumContributionBaseFor(new DateOnly(2027, 7, 1)));

        refusal.Message.ShouldContain("2027-28");
        refusal.Message.ShouldContain("2024-25, 2025-26, 2026-27");
    }

    [Fact]
    public void KnowTheAnnualPaydaySuperBaseFor2026To27()
    {
        var (rule, cents) = PayrollRuleBook.BuiltIn.MaximumContributionBaseFor(new DateOnly(2027, 6, 30));

        rule.Basis.ShouldBe(SuperGuaranteeBasis.Payday);
        cents.ShouldBe(27_083_000);
        // 12% of the base is the 2026-27 concessional contributions cap, $32,500.
        (cents * rule.Rate).ShouldBe(3_249_960m);
    }
}
