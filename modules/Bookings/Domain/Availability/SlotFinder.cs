using Derrimut.Bookings.Domain.Calendar;

namespace Derrimut.Bookings.Domain.Availability;

/// <summary>A session type offered, as slot search needs it.</summary>
internal sealed record OfferedSession(string Code, string Name, int Minutes, long PriceCents);

/// <summary>A bookable slot.</summary>
internal sealed record Slot(DateTimeOffset Start, DateTimeOffset End, OfferedSession Session);

/// <summary>What slot search works from.</summary>
/// <param name="Zone">The gym's zone: availability is wall-clock time there.</param>
/// <param name="From">First instant of interest.</param>
/// <param name="To">Last instant of interest (exclusive).</param>
/// <param name="Weekly">The trainer's weekly hours.</param>
/// <param name="Exceptions">Their dated exceptions in the range.</param>
/// <param name="Offers">What they offer.</param>
/// <param name="BusyBlocks">Starts of the calendar blocks already held in the range (widened by the buffer).</param>
/// <param name="Buffer">Free time kept around every commitment.</param>
/// <param name="EarliestStart">Now plus the notice period.</param>
internal sealed record SlotSearch(
    TimeZoneInfo Zone,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<WeeklyHours> Weekly,
    IReadOnlyList<AvailabilityException> Exceptions,
    IReadOnlyList<OfferedSession> Offers,
    IReadOnlySet<DateTimeOffset> BusyBlocks,
    TimeSpan Buffer,
    DateTimeOffset EarliestStart);

/// <summary>
/// Bookable slots: availability (weekly hours plus extra hours, minus leave, in the gym's wall-clock time) minus what
/// the calendar already holds (widened by the buffer) minus the notice period. Slots start every
/// <see cref="Step"/> from the start of a window, in local time, so a 9:00 slot is 9:00 on both sides of a
/// daylight-saving change; a local time the spring change skips has no slot, and the autumn change's repeated hour
/// is walked once (its first occurrence), so no slot is offered twice.
/// </summary>
internal static class SlotFinder
{
    /// <summary>Slots start on the half hour from a window's start.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>All bookable slots in the search.</summary>
    public static IReadOnlyList<Slot> Find(SlotSearch search) => Candidates(search).Where(s => IsFree(s, search)).ToList();

    /// <summary>Slots availability allows, ignoring what is booked and the notice period (a start outside these is a 400).</summary>
    public static IEnumerable<Slot> Candidates(SlotSearch search)
    {
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(search.From, search.Zone).DateTime);
        var lastDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(search.To, search.Zone).DateTime);
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            foreach (var (windowStart, windowEnd) in WindowsOn(date, search))
            {
                foreach (var offer in search.Offers)
                {
                    var length = TimeSpan.FromMinutes(offer.Minutes);
                    for (var local = date.ToDateTime(windowStart); local + length <= date.ToDateTime(TimeOnly.MinValue) + windowEnd; local += Step)
                    {
                        if (search.Zone.IsInvalidTime(local) || OnLeave(date, local, local + length, search))
                        {
                            continue;
                        }

                        var start = Derrimut.BuildingBlocks.Time.LocalTimes.ToInstant(local, search.Zone);
                        if (start < search.From || start >= search.To)
                        {
                            continue;
                        }

                        var end = start + length;
                        yield return new Slot(TimeZoneInfo.ConvertTime(start, search.Zone), TimeZoneInfo.ConvertTime(end, search.Zone), offer);
                    }
                }
            }
        }
    }

    /// <summary>True when nothing held in the calendar lies within the buffer of the slot and the notice period has passed.</summary>
    public static bool IsFree(Slot slot, SlotSearch search)
    {
        if (slot.Start < search.EarliestStart)
        {
            return false;
        }

        for (var block = CalendarBlocks.Floor(slot.Start - search.Buffer); block < slot.End + search.Buffer; block += CalendarBlocks.Size)
        {
            if (search.BusyBlocks.Contains(block))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The day's windows as (start, end-of-window offset from midnight), so a window may end at 24:00.</summary>
    private static IEnumerable<(TimeOnly Start, TimeSpan End)> WindowsOn(DateOnly date, SlotSearch search)
    {
        var exceptions = search.Exceptions.Where(e => e.Date == date).ToList();
        var wholeDayLeave = exceptions.Any(e => e.Kind == AvailabilityExceptionKind.Leave && e.Starts is null);
        if (!wholeDayLeave)
        {
            foreach (var hours in search.Weekly.Where(w => w.Day == date.DayOfWeek))
            {
                yield return (hours.Starts, EndOf(hours.Starts, hours.Ends));
            }
        }

        foreach (var extra in exceptions.Where(e => e.Kind == AvailabilityExceptionKind.Extra && e.Starts is not null && e.Ends is not null))
        {
            yield return (extra.Starts!.Value, EndOf(extra.Starts.Value, extra.Ends!.Value));
        }
    }

    /// <summary>An end of 00:00 means midnight at the end of the day.</summary>
    private static TimeSpan EndOf(TimeOnly start, TimeOnly end) => end == TimeOnly.MinValue || end < start ? TimeSpan.FromDays(1) : end.ToTimeSpan();

    private static bool OnLeave(DateOnly date, DateTime localStart, DateTime localEnd, SlotSearch search) =>
        search.Exceptions.Any(e => e.Date == date && e.Kind == AvailabilityExceptionKind.Leave && e.Starts is { } s && e.Ends is { } en
            && localStart < date.ToDateTime(TimeOnly.MinValue) + EndOf(s, en) && localEnd > date.ToDateTime(s));
}
