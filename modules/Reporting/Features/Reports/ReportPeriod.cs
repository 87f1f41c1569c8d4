using Derrimut.BuildingBlocks.Time;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>
/// A range of the gym's local days and the instants that bound it: from the start of <see cref="From"/> to the start
/// of the day after <see cref="To"/>, each taken in the gym's zone for that day (so a month across a daylight-saving
/// change is 743 or 745 hours, and a check-in at 00:30 local on the first counts in the month it was in).
/// </summary>
internal sealed record ReportPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, TimeZoneInfo Zone, string By)
{
    /// <summary>The longest range one report may ask for (three years and a bit).</summary>
    public const int MaxDays = 1100;

    public static readonly string[] Groupings = ["day", "week", "month"];

    /// <summary>Reads <c>from</c>, <c>to</c> (yyyy-MM-dd, the gym's local days; default: this month to today) and <c>by</c>.</summary>
    public static ReportPeriod Parse(string? from, string? to, string? by, IGymClock clock)
    {
        var errors = new ValidationErrors();
        var today = clock.Today;
        var first = Date(from, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var last = Date(to, "to", errors) ?? today;
        errors.AddIf(last < first, "to", "The end of the range is before its start.");
        errors.AddIf(last.DayNumber - first.DayNumber >= MaxDays, "to", $"Ask for at most {MaxDays} days at a time.");
        var grouping = string.IsNullOrWhiteSpace(by) ? (last.DayNumber - first.DayNumber > 92 ? "month" : "day") : by.Trim().ToLowerInvariant();
        errors.AddIf(!Groupings.Contains(grouping), "by", "Group by day, week or month.");
        errors.ThrowIfAny();
        return Of(first, last, clock.Zone, grouping);
    }

    public static ReportPeriod Of(DateOnly first, DateOnly last, TimeZoneInfo zone, string by = "day") =>
        new(first, last, StartOf(first, zone), StartOf(last.AddDays(1), zone), zone, by);

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) =>
        LocalTimes.ToInstant(day.ToDateTime(TimeOnly.MinValue), zone).ToUniversalTime();

    /// <summary>The gym's local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The gym's local wall-clock time of an instant.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The buckets of the series, in order, with their labels.</summary>
    public IReadOnlyList<(DateOnly Start, string Label)> Buckets()
    {
        var buckets = new List<(DateOnly, string)>();
        for (var day = BucketOf(From); day <= To; day = Next(day))
        {
            buckets.Add((day, By switch
            {
                "month" => day.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                "week" => "w/c " + day.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
        }

        return buckets;
    }

    /// <summary>The start of the bucket a local day falls in.</summary>
    public DateOnly BucketOf(DateOnly day) => By switch
    {
        "month" => new DateOnly(day.Year, day.Month, 1),
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => day,
    };

    private DateOnly Next(DateOnly bucket) => By switch
    {
        "month" => bucket.AddMonths(1),
        "week" => bucket.AddDays(7),
        _ => bucket.AddDays(1),
    };

    private static DateOnly? Date(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Give a date as yyyy-MM-dd.");
        return null;
    }
}
