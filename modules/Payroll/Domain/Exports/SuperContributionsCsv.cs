using System.Text;
using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Domain.Exports;

/// <summary>One employee's super guarantee to one fund in a finalised pay run.</summary>
internal sealed record SuperContributionLine(
    string EmployeeName,
    string FundName,
    string FundIdentifier,
    string MemberNumber,
    bool TfnProvided,
    long QualifyingEarningsCents,
    long SuperGuaranteeCents,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Payday,
    DateOnly DueOn);

/// <summary>
/// A pay run's super guarantee contributions as CSV for a clearing house: one line per employee and fund, with the
/// fund's ABN (a self-managed fund) or USI in its own column, the member number, whether the employee gave a TFN —
/// never the TFN itself, which Derrimut does not hold — the qualifying earnings, the SG amount, the pay period, the
/// payday and the date the fund must receive it. Same CSV rules as <see cref="PayRunCsv"/> (RFC 4180, ISO dates,
/// plain dollars, formula-safe text).
/// </summary>
internal static class SuperContributionsCsv
{
    public const string Header =
        "Employee,Fund name,Fund ABN,Fund USI,Member number,TFN provided,Qualifying earnings,Super guarantee,Period start,Period end,Payday,Due date";

    public static string Write(IEnumerable<SuperContributionLine> lines)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var line in lines)
        {
            // A USI is letters and digits (e.g. STA0100AU); an 11-digit identifier is a self-managed fund's ABN.
            var isAbn = line.FundIdentifier.Length == 11 && line.FundIdentifier.All(char.IsAsciiDigit);
            csv.AppendJoin(
                    ',',
                    PayRunCsv.Field(line.EmployeeName),
                    PayRunCsv.Field(line.FundName),
                    isAbn ? line.FundIdentifier : "",
                    isAbn ? "" : PayRunCsv.Field(line.FundIdentifier),
                    PayRunCsv.Field(line.MemberNumber),
                    line.TfnProvided ? "Y" : "N",
                    Amount(line.QualifyingEarningsCents),
                    Amount(line.SuperGuaranteeCents),
                    Date(line.PeriodStart),
                    Date(line.PeriodEnd),
                    Date(line.Payday),
                    Date(line.DueOn))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
