using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Features;

/// <summary>The API's words for the payroll enums (kebab-case), both ways, and money conversions.</summary>
internal static class PayrollText
{
    public static readonly IReadOnlyDictionary<string, EmploymentType> EmploymentTypes = new Dictionary<string, EmploymentType>(StringComparer.Ordinal)
    {
        ["full-time"] = EmploymentType.FullTime,
        ["part-time"] = EmploymentType.PartTime,
        ["casual"] = EmploymentType.Casual,
    };

    public static readonly IReadOnlyDictionary<string, PayBasis> PayBases = new Dictionary<string, PayBasis>(StringComparer.Ordinal)
    {
        ["salary"] = PayBasis.AnnualSalary,
        ["hourly"] = PayBasis.HourlyRate,
        ["per-session"] = PayBasis.PerSession,
    };

    public static readonly IReadOnlyDictionary<string, PayPeriod> Frequencies = new Dictionary<string, PayPeriod>(StringComparer.Ordinal)
    {
        ["weekly"] = PayPeriod.Weekly,
        ["fortnightly"] = PayPeriod.Fortnightly,
        ["monthly"] = PayPeriod.Monthly,
        ["quarterly"] = PayPeriod.Quarterly,
    };

    public static readonly IReadOnlyDictionary<string, TaxResidency> Residencies = new Dictionary<string, TaxResidency>(StringComparer.Ordinal)
    {
        ["resident"] = TaxResidency.Resident,
        ["foreign"] = TaxResidency.Foreign,
    };

    public static readonly IReadOnlyDictionary<string, MedicareLevyExemption> MedicareExemptions = new Dictionary<string, MedicareLevyExemption>(StringComparer.Ordinal)
    {
        ["none"] = MedicareLevyExemption.None,
        ["half"] = MedicareLevyExemption.Half,
        ["full"] = MedicareLevyExemption.Full,
    };

    public static string Name<T>(IReadOnlyDictionary<string, T> words, T value)
        where T : struct, Enum => words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Key;

    public static T? Parse<T>(IReadOnlyDictionary<string, T> words, string? value, string field, ValidationErrors errors)
        where T : struct, Enum
    {
        if (value is not null && words.TryGetValue(value.Trim().ToLowerInvariant(), out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"Must be one of: {string.Join(", ", words.Keys)}.");
        return null;
    }

    /// <summary>Dollars with at most two decimals, greater than zero and at most <paramref name="maximum"/>, as cents.</summary>
    public static long? Money(decimal? dollars, string field, decimal maximum, ValidationErrors errors)
    {
        if (dollars is not { } value)
        {
            errors.Add(field, "Required, in dollars, e.g. 31.50.");
            return null;
        }

        if (value <= 0m || value > maximum || decimal.Round(value, 2) != value)
        {
            errors.Add(field, $"Give dollars and cents greater than zero and at most {Cents.FormatDollars(maximum)}, with at most two decimal places.");
            return null;
        }

        return Cents.FromDollars(value);
    }

    public static decimal Dollars(long cents) => Cents.ToDollars(cents);

    public static decimal? Dollars(long? cents) => cents is { } c ? Cents.ToDollars(c) : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimesheetDayKind DayKindName(DayKind kind) => kind switch
    {
        DayKind.Saturday => TimesheetDayKind.Saturday,
        DayKind.Sunday => TimesheetDayKind.Sunday,
        DayKind.PublicHoliday => TimesheetDayKind.PublicHoliday,
        _ => TimesheetDayKind.Weekday,
    };

    /// <summary>How a day's kind reads beside its date ("" for an ordinary weekday).</summary>
    public static string DayKindLabel(TimesheetDayKind kind) => kind switch
    {
        TimesheetDayKind.Saturday => "Saturday",
        TimesheetDayKind.Sunday => "Sunday",
        TimesheetDayKind.PublicHoliday => "public holiday",
        _ => "weekday",
    };

    /// <summary>A stored payslip line's kind (kept as text in the finalised payslip) as the contract's enum.</summary>
    public static PayslipLineKind LineKind(string stored) => stored switch
    {
        "overtime" => PayslipLineKind.Overtime,
        "salary" => PayslipLineKind.Salary,
        "commission" => PayslipLineKind.Commission,
        _ => PayslipLineKind.Ordinary,
    };

    public static DayKind KindOf(DateOnly date, ISet<DateOnly> holidays) =>
        holidays.Contains(date) ? DayKind.PublicHoliday
        : date.DayOfWeek == DayOfWeek.Saturday ? DayKind.Saturday
        : date.DayOfWeek == DayOfWeek.Sunday ? DayKind.Sunday
        : DayKind.Weekday;

    public static string FormatAbn(string? abn) =>
        abn is { Length: 11 } ? $"{abn[..2]} {abn[2..5]} {abn[5..8]} {abn[8..]}" : abn ?? "";

    public static string ScaleDescription(WithholdingScale scale, TaxResidency residency) => scale switch
    {
        WithholdingScale.Scale1 => "Scale 1: tax-free threshold not claimed",
        WithholdingScale.Scale2 => "Scale 2: tax-free threshold claimed",
        WithholdingScale.Scale3 => "Scale 3: foreign resident",
        WithholdingScale.Scale4 => $"Scale 4: no TFN provided ({(residency == TaxResidency.Foreign ? "foreign resident" : "resident")})",
        WithholdingScale.Scale5 => "Scale 5: full Medicare levy exemption",
        WithholdingScale.Scale6 => "Scale 6: half Medicare levy exemption",
        _ => $"Scale {(int)scale}",
    };
}
