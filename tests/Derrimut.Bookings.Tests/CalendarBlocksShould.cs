using Derrimut.Bookings.Domain.Calendar;

namespace Derrimut.Bookings.Tests;

public sealed class CalendarBlocksShould
{
    [Fact]
    public void CoverAnHourWithFourQuarterHours()
    {
        var nine = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(11));

        var blocks = CalendarBlocks.Covering(nine, nine.AddHours(1));

        blocks.Count.ShouldBe(4);
        blocks[0].ShouldBe(nine);
        blocks[0].Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void CoverEveryQuarterHourACommitmentOffTheGridTouches()
    {
        var start = new DateTimeOffset(2027, 3, 1, 9, 10, 0, TimeSpan.Zero);

        var blocks = CalendarBlocks.Covering(start, start.AddMinutes(20));

        blocks.ShouldBe([start.AddMinutes(-10), start.AddMinutes(5)]);
    }

    [Fact]
    public void RefuseACommitmentThatEndsBeforeItStarts()
    {
        var start = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

        Should.Throw<ArgumentException>(() => CalendarBlocks.Covering(start, start));
    }
}
