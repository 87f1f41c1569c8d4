using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>
/// Turns approved timesheet hours into earnings lines under the Fitness Industry Award (MA000094).
/// Rounding (stated once, used everywhere): the loaded hourly rate is rounded to the whole cent
/// (half away from zero) first, as Fair Work pay guides publish rates to the cent; then each line's
/// amount = hours × that rate, rounded to the whole cent the same way. A payslip's "hours × rate"
/// therefore always reproduces the line amount.
/// </summary>
internal static class TimesheetEarnings
{
    public static IReadOnlyList<EarningsLine> ForDay(EmploymentType employmentType, long baseHourlyRateCents, WorkedDay day)
    {
        if (!Enum.IsDefined(employmentType))
        {
            throw new ArgumentOutOfRangeException(nameof(employmentType), employmentType, "Employment type must be full-time, part-time or casual.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseHourlyRateCents);

        var lines = new List<EarningsLine>();
        if (day.OrdinaryHours > 0m)
        {
            var percent = FitnessIndustryAwardRates.OrdinaryPercent(employmentType, day.Kind);
            lines.Add(Line(EarningsKind.OrdinaryHours, $"Ordinary hours, {Describe(day.Kind)}, {Describe(employmentType)}", day.OrdinaryHours, baseHourlyRateCents, percent));
        }

        var remaining = day.OvertimeHours;
        var bands = FitnessIndustryAwardRates.OvertimeBands(employmentType, day.Kind);
        var hoursBefore = 0m;
        foreach (var band in bands)
        {
            if (remaining <= 0m)
            {
                break;
            }

            var hours = band.UpToHours is { } upTo ? Math.Min(remaining, upTo) : remaining;
            var which = bands.Count == 1
                ? string.Empty
                : band.UpToHours is { } limit ? $", first {Hours(limit)} hours" : $", after {Hours(hoursBefore)} hours";
            lines.Add(Line(EarningsKind.Overtime, $"Overtime, {Describe(day.Kind)}{which}, {Describe(employmentType)}", hours, baseHourlyRateCents, band.Percent));
            remaining -= hours;
            hoursBefore += hours;
        }

        return lines;
    }

    /// <summary>The lines for every day of a timesheet, in day order.</summary>
    public static IReadOnlyList<EarningsLine> ForDays(EmploymentType employmentType, long baseHourlyRateCents, IEnumerable<WorkedDay> days) =>
        [.. days.SelectMany(day => ForDay(employmentType, baseHourlyRateCents, day))];

    /// <summary>The hourly rate for a multiplier, rounded to the whole cent (half away from zero).</summary>
    public static long LoadedRateCents(long baseHourlyRateCents, int percent) =>
        Cents.RoundToWholeCents(baseHourlyRateCents * percent / 100m);

    private static EarningsLine Line(EarningsKind kind, string description, decimal hours, long baseRateCents, int percent)
    {
        var rateCents = LoadedRateCents(baseRateCents, percent);
        return new EarningsLine(
            kind,
            $"{description} ({percent}%)",
            Cents.RoundToWholeCents(rateCents * hours),
            hours,
            baseRateCents,
            percent / 100m,
            rateCents);
    }

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Describe(DayKind day) => day switch
    {
        DayKind.Weekday => "weekday",
        DayKind.Saturday => "Saturday",
        DayKind.Sunday => "Sunday",
        DayKind.PublicHoliday => "public holiday",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown day kind."),
    };

    private static string Describe(EmploymentType employmentType) => employmentType switch
    {
        EmploymentType.FullTime => "full-time",
        EmploymentType.PartTime => "part-time",
        EmploymentType.Casual => "casual",
        _ => throw new ArgumentOutOfRangeException(nameof(employmentType), employmentType, "Unknown employment type."),
    };
}
