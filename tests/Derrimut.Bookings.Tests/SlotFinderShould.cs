using Derrimut.Bookings.Domain.Availability;
using Derrimut.BuildingBlocks.Time;

namespace Derrimut.Bookings.Tests;

/// <summary>Slot search in the gym's wall-clock time, across Melbourne's daylight-saving changes.</summary>
public sealed class SlotFinderShould
{
    private static readonly OfferedSession Cardio = new("cardio", "Cardio coaching", 30, 4_500);

    [Fact]
    public void KeepANineOClockSlotAtNineOnBothSidesOfTheSpringChange()
    {
        // Melbourne springs forward at 2:00 on Sunday 3 October 2027.
        var slots = Find(new DateOnly(2027, 10, 2), new DateOnly(2027, 10, 4), Hours(DayOfWeek.Saturday, 9, 10), Hours(DayOfWeek.Sunday, 9, 10));

        slots.Select(s => s.Start.ToString("yyyy-MM-dd HH:mm zzz")).ShouldBe(
            ["2027-10-02 09:00 +10:00", "2027-10-02 09:30 +10:00", "2027-10-03 09:00 +11:00", "2027-10-03 09:30 +11:00"]);
    }

    [Fact]
    public void OfferNoSlotInTheHourTheSpringChangeSkips()
    {
        var slots = Find(new DateOnly(2027, 10, 3), new DateOnly(2027, 10, 4), Hours(DayOfWeek.Sunday, 1, 4));

        slots.Select(s => s.Start.ToString("HH:mm")).ShouldBe(["01:00", "01:30", "03:00", "03:30"]);
        slots.Select(s => s.End - s.Start).ShouldAllBe(d => d == TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void OfferEachSlotOnceInTheHourTheAutumnChangeRepeats()
    {
        // Melbourne falls back at 3:00 on Sunday 4 April 2027: 2:00–2:59 happens twice.
        var slots = Find(new DateOnly(2027, 4, 4), new DateOnly(2027, 4, 5), Hours(DayOfWeek.Sunday, 1, 4));

        slots.Select(s => s.Start.ToString("HH:mm")).ShouldBe(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
        slots.Select(s => s.Start.UtcDateTime).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public void LeaveOutSlotsNearACommitmentAndInsideTheNoticePeriod()
    {
        var day = new DateOnly(2027, 3, 1);
        var busy = LocalTimes.ToInstant(day.ToDateTime(new TimeOnly(10, 0)), GymTime.Melbourne).ToUniversalTime();
        var search = Search(day, day.AddDays(1), [Hours(DayOfWeek.Monday, 8, 12)]) with
        {
            BusyBlocks = new HashSet<DateTimeOffset> { busy, busy.AddMinutes(15) },
            Buffer = TimeSpan.FromMinutes(15),
            EarliestStart = LocalTimes.ToInstant(day.ToDateTime(new TimeOnly(8, 30)), GymTime.Melbourne),
        };

        SlotFinder.Find(search).Select(s => s.Start.ToString("HH:mm")).ShouldBe(["08:30", "09:00", "11:00", "11:30"]);
    }

    private static WeeklyHours Hours(DayOfWeek day, int from, int to) => new() { Day = day, Starts = new TimeOnly(from, 0), Ends = new TimeOnly(to, 0) };

    private static IReadOnlyList<Slot> Find(DateOnly from, DateOnly to, params WeeklyHours[] weekly) => SlotFinder.Find(Search(from, to, weekly));

    private static SlotSearch Search(DateOnly from, DateOnly to, IReadOnlyList<WeeklyHours> weekly) => new(
        GymTime.Melbourne,
        LocalTimes.ToInstant(from.ToDateTime(TimeOnly.MinValue), GymTime.Melbourne),
        LocalTimes.ToInstant(to.ToDateTime(TimeOnly.MinValue), GymTime.Melbourne),
        weekly, [], [Cardio], new HashSet<DateTimeOffset>(), TimeSpan.Zero, DateTimeOffset.MinValue);
}
