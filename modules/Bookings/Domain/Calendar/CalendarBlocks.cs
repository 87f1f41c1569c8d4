namespace Derrimut.Bookings.Domain.Calendar;

/// <summary>The quarter-hour grid the shared calendar is kept on (decision 0027).</summary>
internal static class CalendarBlocks
{
    /// <summary>One block. Every Australian zone's offset is a whole number of quarter hours, so the grid is the same
    /// in UTC and in gym time.</summary>
    public static readonly TimeSpan Size = TimeSpan.FromMinutes(15);

    /// <summary>The starts of the blocks [start, end) touches: from the block holding <paramref name="start"/> to the
    /// block holding the last moment before <paramref name="end"/>. A commitment off the grid occupies whole blocks.</summary>
    public static IReadOnlyList<DateTimeOffset> Covering(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A commitment must end after it starts.", nameof(end));
        }

        var first = Floor(start.ToUniversalTime());
        var blocks = new List<DateTimeOffset>();
        for (var block = first; block < end; block += Size)
        {
            blocks.Add(block);
        }

        return blocks;
    }

    /// <summary>The start of the block holding <paramref name="instant"/> (UTC).</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % Size.Ticks), TimeSpan.Zero);
    }

    /// <summary>True when <paramref name="instant"/> is on the grid.</summary>
    public static bool IsOnGrid(DateTimeOffset instant) => instant.ToUniversalTime().Ticks % Size.Ticks == 0;
}
