using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Time;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>
/// The minutes a trainer offered over a range of local days, by the booking page's own rules: each day's weekly
/// hours (none on a whole day's leave) and extra hours, less hours of leave, an end of 00:00 meaning midnight. Each
/// window is measured between the instants its local ends name, so a window across a daylight-saving change is the
/// real time it lasted (00:00–24:00 is 23 hours on the first Sunday of October and 25 on the first Sunday of April).
/// </summary>
internal static class AvailableMinutes
{
    public static long Between(
        DateOnly from, DateOnly to, TimeZoneInfo zone, IReadOnlyCollection<TrainerWeeklyHoursRow> weekly, IReadOnlyCollection<TrainerAvailabilityExceptionRow> exceptions)
    {
        var byDate = exceptions.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.ToList());
        long minutes = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var today = byDate.GetValueOrDefault(date) ?? [];
            var windows = new List<(TimeSpan Start, TimeSpan End)>();
            if (!today.Any(e => !e.IsExtra && e.Starts is null))
            {
                windows.AddRange(weekly.Where(w => w.Day == date.DayOfWeek).Select(w => Window(w.Starts, w.Ends)));
            }

            windows.AddRange(today.Where(e => e.IsExtra && e.Starts is not null && e.Ends is not null).Select(e => Window(e.Starts!.Value, e.Ends!.Value)));
            var leave = today.Where(e => !e.IsExtra && e.Starts is not null && e.Ends is not null).Select(e => Window(e.Starts!.Value, e.Ends!.Value)).ToList();
            foreach (var (start, end) in Subtract(Merge(windows), leave))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                minutes += (long)(LocalTimes.ToInstant(midnight + end, zone) - LocalTimes.ToInstant(midnight + start, zone)).TotalMinutes;
            }
        }

        return minutes;
    }

    private static (TimeSpan Start, TimeSpan End) Window(TimeOnly start, TimeOnly end) =>
        (start.ToTimeSpan(), end == TimeOnly.MinValue || end < start ? TimeSpan.FromDays(1) : end.ToTimeSpan());

    /// <summary>Overlapping windows once (two weekly rows and extra hours may overlap).</summary>
    private static List<(TimeSpan Start, TimeSpan End)> Merge(List<(TimeSpan Start, TimeSpan End)> windows)
    {
        var merged = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var w in windows.Where(w => w.End > w.Start).OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && w.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, w.End > merged[^1].End ? w.End : merged[^1].End);
            }
            else
            {
                merged.Add(w);
            }
        }

        return merged;
    }

    private static IEnumerable<(TimeSpan Start, TimeSpan End)> Subtract(List<(TimeSpan Start, TimeSpan End)> windows, List<(TimeSpan Start, TimeSpan End)> leave)
    {
        foreach (var window in windows)
        {
            var pieces = new List<(TimeSpan Start, TimeSpan End)> { window };
            foreach (var away in leave)
            {
                pieces = [.. pieces.SelectMany(p => away.End <= p.Start || away.Start >= p.End
                    ? [p]
                    : new[] { (p.Start, away.Start), (away.End, p.End) }.Where(x => x.Item2 > x.Item1))];
            }

            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }
}
