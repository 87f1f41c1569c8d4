using Derrimut.Payroll.Domain.Exports;

namespace Derrimut.Payroll.Tests.Exports;

public sealed class SuperContributionsCsvShould
{
    private static SuperContributionLine Line(string fund = "STA0100AU", bool tfn = true, string name = "Tara Trainer") => new(
        name, "AustralianSuper", fund, "40123456", tfn, 123_456, 14_815,
        new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 9));

    [Fact]
    public void WriteOneClearingHouseLinePerEmployeeAndFund()
    {
        var csv = SuperContributionsCsv.Write([Line()]);

        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "Employee,Fund name,Fund ABN,Fund USI,Member number,TFN provided,Qualifying earnings,Super guarantee,Period start,Period end,Payday,Due date",
            "Tara Trainer,AustralianSuper,,STA0100AU,40123456,Y,1234.56,148.15,2026-11-16,2026-11-29,2026-12-02,2026-12-09",
        ]);
    }

    [Fact]
    public void PutASelfManagedFundsAbnInTheAbnColumn()
    {
        var csv = SuperContributionsCsv.Write([Line(fund: "51917329202", tfn: false)]);

        csv.ShouldContain("AustralianSuper,51917329202,,40123456,N,");
    }

    [Fact]
    public void NeverLetANameRunAsAFormula()
    {
        var csv = SuperContributionsCsv.Write([Line(name: "=HYPERLINK(\"x\")")]);

        csv.ShouldContain("\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
