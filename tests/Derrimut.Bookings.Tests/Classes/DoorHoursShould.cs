using Derrimut.Bookings.Domain.Access;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>A door's hours in gym time: 24/7, a daytime window, and a window across midnight.</summary>
public sealed class DoorHoursShould
{
    [Fact]
    public void OpenAroundTheClockWithoutHours() =>
        new Door().IsOpenAt(new TimeOnly(3, 0)).ShouldBeTrue();

    [Theory]
    [InlineData(5, 59, false)]
    [InlineData(6, 0, true)]
    [InlineData(20, 59, true)]
    [InlineData(21, 0, false)]
    public void KeepStaffedHours(int hour, int minute, bool open) =>
        new Door { OpensAt = new TimeOnly(6, 0), ClosesAt = new TimeOnly(21, 0) }.IsOpenAt(new TimeOnly(hour, minute)).ShouldBe(open);

    [Theory]
    [InlineData(23, 0, true)]
    [InlineData(2, 0, true)]
    [InlineData(12, 0, false)]
    public void SpanMidnight(int hour, int minute, bool open) =>
        new Door { OpensAt = new TimeOnly(22, 0), ClosesAt = new TimeOnly(5, 0) }.IsOpenAt(new TimeOnly(hour, minute)).ShouldBe(open);
}
