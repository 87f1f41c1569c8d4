using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Tests.Superannuation;

/// <summary>The code's tables seed the database rows, and rows read back give the same figures.</summary>
public sealed class PayrollRuleStoreShould
{
    private static PayrollRuleBook FromRows() => PayrollRuleStore.ToRuleBook(PayrollRuleStore.BuiltInTables().ToList(), PayrollRuleStore.BuiltInSuperRules().ToList());

    [Theory]
    [InlineData(1000.00, 2, "2026-06-30")]
    [InlineData(1000.00, 2, "2026-07-01")]
    [InlineData(2500.00, 1, "2026-12-02")]
    [InlineData(3000.00, 3, "2026-12-02")]
    [InlineData(900.00, 6, "2025-11-27")]
    [InlineData(1000.55, 4, "2026-12-02")]
    public void GiveTheSameWithholdingFromRowsAsFromTheCode(decimal gross, int scale, string paidOn)
    {
        var request = new WithholdingRequest(gross, PayPeriod.Weekly, (WithholdingScale)scale, DateOnly.Parse(paidOn, CultureInfo.InvariantCulture),
            scale == 4 ? TaxResidency.Resident : null);

        var fromRows = WithholdingCalculator.Calculate(request, FromRows());
        var fromCode = WithholdingCalculator.Calculate(request);

        fromRows.Withholding.ShouldBe(fromCode.Withholding);
        fromRows.Table.ShouldBe(fromCode.Table);
        fromRows.Working.ShouldBe(fromCode.Working);
    }

    [Fact]
    public void SeedEveryBuiltInTableAndRule()
    {
        var rows = PayrollRuleStore.BuiltInTables().ToList();

        // 2024: scales 1–6; 2026: scales 1–4 (5 and 6 are not known for 2026-27).
        rows.Select(r => (r.EffectiveFrom.Year, r.Scale)).Order().ShouldBe(
            [(2024, 1), (2024, 2), (2024, 3), (2024, 4), (2024, 5), (2024, 6), (2026, 1), (2026, 2), (2026, 3), (2026, 4)]);
        rows.ShouldAllBe(r => r.Source.Length > 0);
        PayrollRuleStore.BuiltInSuperRules().Select(r => r.EffectiveFrom.Year).ShouldBe([2023, 2024, 2025, 2026]);
    }

    [Fact]
    public void RefuseScale5For2026To27FromRowsToo()
    {
        Should.Throw<PayrollRuleNotKnownException>(() => FromRows().TableFor(WithholdingScale.Scale5, new DateOnly(2026, 12, 2)))
            .Message.ShouldContain("scale 5");
    }
}
