using System.Text;
using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Domain.Exports;

/// <summary>One employee's totals in a pay run, as exported to CSV.</summary>
internal sealed record PayRunCsvLine(
    string EmployeeName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PaidOn,
    decimal Hours,
    long GrossCents,
    long WithholdingCents,
    long SuperCents,
    long NetCents);

/// <summary>
/// A pay run as CSV (RFC 4180: CRLF line endings, fields quoted when they hold a comma, quote or
/// line break). Amounts are plain dollars with two decimals ("1234.50") and dates ISO 8601, so a
/// spreadsheet or accounting import reads them without a culture. A text field that starts with
/// = + - @ (or a tab or carriage return) is prefixed with an apostrophe so a spreadsheet never runs
/// it as a formula.
/// </summary>
internal static class PayRunCsv
{
    public const string Header = "Employee,Period start,Period end,Paid on,Hours,Gross,PAYG withheld,Super guarantee,Net pay";

    public static string Write(IEnumerable<PayRunCsvLine> lines)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var line in lines)
        {
            csv.AppendJoin(
                    ',',
                    Field(line.EmployeeName),
                    Date(line.PeriodStart),
                    Date(line.PeriodEnd),
                    Date(line.PaidOn),
                    line.Hours.ToString("0.##", CultureInfo.InvariantCulture),
                    Amount(line.GrossCents),
                    Amount(line.WithholdingCents),
                    Amount(line.SuperCents),
                    Amount(line.NetCents))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Field(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
