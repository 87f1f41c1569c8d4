using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;

namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// PAYG withholding from salary and wages by ATO Schedule 1 (NAT 1004, "Statement of formulas for
/// calculating amounts to be withheld"). Pure: the table comes from the payment date alone.
/// </summary>
internal static class WithholdingCalculator
{
    /// <exception cref="Rules.PayrollRuleNotKnownException">No table is known for the scale on the payment date.</exception>
    /// <param name="request">The payment.</param>
    /// <param name="rules">The dated tables (the database's, in pay runs); the built-in tables when null.</param>
    public static WithholdingResult Calculate(WithholdingRequest request, PayrollRuleBook? rules = null) =>
        request.Scale == WithholdingScale.Scale4
            ? CalculateNoTfn(request, rules ?? PayrollRuleBook.BuiltIn)
            : CalculateWithCoefficients(request, rules ?? PayrollRuleBook.BuiltIn);

    private static WithholdingResult CalculateWithCoefficients(WithholdingRequest request, PayrollRuleBook rules)
    {
        var table = rules.TableFor(request.Scale, request.PaidOn);
        var working = new List<string>
        {
            $"Payment date {Iso(request.PaidOn)} → table {table.Identifier} ({table.Source}).",
            DescribeWeeklyConversion(request),
        };

        var x = AtoRounding.WeeklyEarningsX(request.GrossCents, request.Period);
        working.Add($"x = whole dollars of weekly earnings + 99 cents = {Number(x)}.");

        var bracket = table.BracketFor(x);
        working.Add(bracket.LessThan is { } limit
            ? $"x = {Number(x)} is less than {limit.ToString("#,0", CultureInfo.InvariantCulture)}, the first row whose limit is greater than x: {DescribeCoefficients(bracket)}."
            : $"x = {Number(x)} is in the \"and over\" row: {DescribeCoefficients(bracket)}.");

        var y = bracket.Apply(x);
        var weekly = AtoRounding.ToNearestDollarNilIfNegative(y);
        if (!bracket.IsNil)
        {
            var minusB = bracket.B < 0m ? $"+ {Coefficient(-bracket.B)}" : $"− {Coefficient(bracket.B)}";
            working.Add($"y = a·x − b = {Coefficient(bracket.A)} × {Number(x)} {minusB} = {Exact(y)}.");
            working.Add(y <= 0m
                ? $"A negative or zero result is nil: weekly withholding {WholeDollars(weekly)}."
                : $"Rounded to the nearest dollar (50 cents rounds up; no preliminary rounding to cents): weekly withholding {WholeDollars(weekly)}.");
        }
        else
        {
            working.Add($"Nil row: weekly withholding {WholeDollars(weekly)}.");
        }

        var withholding = AtoRounding.WithholdingForPeriod(weekly, request.Period);
        working.Add(request.Period switch
        {
            PayPeriod.Weekly => $"Withholding for the week: {WholeDollars(withholding)}.",
            PayPeriod.Fortnightly => $"Fortnightly withholding = weekly {WholeDollars(weekly)} × 2 = {WholeDollars(withholding)}.",
            PayPeriod.Monthly => $"Monthly withholding = weekly {WholeDollars(weekly)} × 13 ÷ 3 = {Exact(weekly * 13m / 3m, 4)}, rounded to the nearest dollar = {WholeDollars(withholding)}.",
            PayPeriod.Quarterly => $"Quarterly withholding = weekly {WholeDollars(weekly)} × 13 = {WholeDollars(withholding)}.",
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Period, "Unknown pay period."),
        });

        return new WithholdingResult(
            withholding,
            x,
            weekly,
            table.Identifier,
            table.Source,
            bracket.A,
            bracket.B,
            bracket.LessThan,
            NoTfnRate: null,
            working);
    }

    private static WithholdingResult CalculateNoTfn(WithholdingRequest request, PayrollRuleBook rules)
    {
        // The request guarantees a residency for scale 4.
        var residency = request.Residency!.Value;
        var rates = rules.NoTfnRatesFor(request.PaidOn);
        var rate = rates.For(residency);
        var residencyWord = residency == TaxResidency.Resident ? "resident" : "foreign";
        var table = $"{rates.Identifier} {residencyWord}";

        // Scale 4 applies to the payment as made, whatever the period: no weekly conversion, no x.
        var wholeDollars = request.GrossCents / 100;
        var unrounded = wholeDollars * rate;
        var withholding = decimal.Truncate(unrounded);

        IReadOnlyList<string> working =
        [
            $"Payment date {Iso(request.PaidOn)} → table {table} ({rates.Source}).",
            $"Scale 4 (no tax file number), {residencyWord}: {Percent(rate)} of the earnings for the period, cents ignored in the earnings and in the result.",
            $"Earnings {Dollars(request.GrossEarnings)}, cents ignored: {WholeDollars(wholeDollars)}.",
            $"{WholeDollars(wholeDollars)} × {Percent(rate)} = {Exact(unrounded)}, cents ignored: {WholeDollars(withholding)}.",
        ];

        return new WithholdingResult(
            withholding,
            WeeklyEarningsX: null,
            WeeklyWithholding: null,
            table,
            rates.Source,
            CoefficientA: null,
            CoefficientB: null,
            WeeklyEarningsLessThan: null,
            rate,
            working);
    }

    private static string DescribeWeeklyConversion(WithholdingRequest request)
    {
        var gross = Dollars(request.GrossEarnings);
        switch (request.Period)
        {
            case PayPeriod.Weekly:
                return $"Weekly earnings {gross}; cents are ignored.";
            case PayPeriod.Fortnightly:
                return $"Fortnightly earnings {gross} ÷ 2 = {TruncatedToCents(request.GrossCents / 2m)} a week; cents are ignored.";
            case PayPeriod.Quarterly:
                return $"Quarterly earnings {gross} ÷ 13 = {TruncatedToCents(request.GrossCents / 13m)} a week; cents are ignored.";
            case PayPeriod.Monthly:
                var adjusted = AtoRounding.MonthlyCentsAfterThirtyThreeCentRule(request.GrossCents);
                var start = adjusted != request.GrossCents
                    ? $"Monthly earnings {gross} end in 33 cents, so add 1 cent: {Cents.Format(adjusted)}; "
                    : $"Monthly earnings {gross}; ";
                return start + $"× 3 ÷ 13 = {TruncatedToCents(adjusted * 3m / 13m)} a week; cents are ignored.";
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Period, "Unknown pay period.");
        }
    }

    private static string DescribeCoefficients(WithholdingBracket bracket) =>
        bracket.IsNil ? "nil" : $"a = {Coefficient(bracket.A)}, b = {Coefficient(bracket.B)}";

    // Shown to the cent, never rounded up: the next step ignores cents anyway.
    private static string TruncatedToCents(decimal cents) => Cents.Format((long)decimal.Truncate(cents));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dollars(decimal dollars) => Cents.FormatDollars(dollars);

    private static string WholeDollars(decimal dollars) => "$" + dollars.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Coefficient(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Exact(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    private static string Exact(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0.##########", CultureInfo.InvariantCulture)
        + (decimal.Round(value, decimals) == value ? string.Empty : "…");
}
