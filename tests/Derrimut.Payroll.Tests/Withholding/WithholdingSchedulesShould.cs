using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Tests.Withholding;

public sealed class WithholdingSchedulesShould
{
    public static TheoryData<string> TableIdentifiers =>
        [.. WithholdingSchedules.Known.SelectMany(schedule => schedule.Tables).Select(table => table.Identifier)];

    [Theory]
    [MemberData(nameof(TableIdentifiers))]
    public void HaveWellFormedTables(string identifier)
    {
        var (schedule, table) = WithholdingSchedules.Known
            .SelectMany(s => s.Tables.Select(t => (Schedule: s, Table: t)))
            .Single(pair => pair.Table.Identifier == identifier);

        table.Identifier.ShouldBe($"{schedule.Identifier} scale {(int)table.Scale}");
        schedule.Identifier.ShouldBe($"NAT1004-{schedule.EffectiveFrom:yyyy-MM-dd}");
        table.Brackets[^1].LessThan.ShouldBeNull("the last row is \"and over\"");
        var limits = table.Brackets.Take(table.Brackets.Count - 1).Select(b => b.LessThan).ToList();
        limits.ShouldAllBe(limit => limit != null);
        limits.ShouldBe(limits.Order().ToList(), "limits increase");
        limits.Distinct().Count().ShouldBe(limits.Count);
        table.Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void MarkThe2024TablesAsPrimaryAtoAndThe2026TablesAsSecondary()
    {
        WithholdingSchedules.TableFor(WithholdingScale.Scale2, new DateOnly(2024, 7, 1)).Source.ShouldContain("primary");
        WithholdingSchedules.Known.Single(s => s.EffectiveFrom == new DateOnly(2026, 7, 1))
            .Tables.ShouldAllBe(t => t.Source.Contains("secondary"));
    }

    [Fact]
    public void KeepScale3UnchangedFrom1July2026()
    {
        var before = WithholdingSchedules.TableFor(WithholdingScale.Scale3, new DateOnly(2026, 6, 30));
        var after = WithholdingSchedules.TableFor(WithholdingScale.Scale3, new DateOnly(2026, 7, 1));

        after.Identifier.ShouldBe("NAT1004-2026-07-01 scale 3");
        after.Brackets.ShouldBe(before.Brackets);
    }

    [Fact]
    public void ListTheKnownScalesWhenRefusing()
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(
            () => WithholdingSchedules.TableFor(WithholdingScale.Scale6, new DateOnly(2027, 3, 1)));

        refusal.Message.ShouldContain("scale 6");
        refusal.Message.ShouldContain("2027-03-01");
        refusal.Message.ShouldContain("NAT1004-2026-07-01");
        refusal.Message.ShouldContain("scales 1, 2, 3, 4");
    }

    [Fact]
    public void NotHandOutACoefficientTableForScale4()
    {
        Should.Throw<ArgumentException>(() => WithholdingSchedules.TableFor(WithholdingScale.Scale4, new DateOnly(2025, 1, 1)));
    }
}
