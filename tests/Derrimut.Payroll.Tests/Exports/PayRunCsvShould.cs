using Derrimut.Payroll.Domain.Exports;

namespace Derrimut.Payroll.Tests.Exports;

public sealed class PayRunCsvShould
{
    private static PayRunCsvLine Line(string name) => new(
        name,
        new DateOnly(2026, 11, 16),
        new DateOnly(2026, 11, 29),
        new DateOnly(2026, 12, 3),
        76m,
        GrossCents: 200_000,
        WithholdingCents: 27_600,
        SuperCents: 24_000,
        NetCents: 172_400);

    [Fact]
    public void WriteAHeaderAndOneRowPerEmployeeWithCrLf()
    {
        var csv = PayRunCsv.Write([Line("Jordan Smith"), Line("Zoë Ng")]);

        csv.ShouldBe(
            "Employee,Period start,Period end,Paid on,Hours,Gross,PAYG withheld,Super guarantee,Net pay\r\n"
            + "Jordan Smith,2026-11-16,2026-11-29,2026-12-03,76,2000.00,276.00,240.00,1724.00\r\n"
            + "Zoë Ng,2026-11-16,2026-11-29,2026-12-03,76,2000.00,276.00,240.00,1724.00\r\n");
    }

    [Theory]
    [InlineData("Smith, Jordan", "\"Smith, Jordan\"")]
    [InlineData("Jordan \"JJ\" Smith", "\"Jordan \"\"JJ\"\" Smith\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+61 400", "'+61 400")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Plain", "Plain")]
    public void QuoteFieldsAndDefuseSpreadsheetFormulas(string value, string expected)
    {
        PayRunCsv.Field(value).ShouldBe(expected);
    }
}
