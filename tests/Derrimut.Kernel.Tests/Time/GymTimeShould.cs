using Derrimut.BuildingBlocks.Time;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Kernel.Tests.Time;

public sealed class GymTimeShould
{
    [Fact]
    public void KeepMelbourneTimeForAGymWithAnUnknownZoneNeverUtc()
    {
        var gym = Tenants.Location("st-albans") with { TimeZoneId = "Mars/Olympus_Mons" };

        GymTime.ZoneOf(gym).Id.ShouldBe(GymTime.DefaultZoneId);
        GymTime.ZoneOf((TenantInfo?)null).Id.ShouldBe(GymTime.DefaultZoneId);
        GymTime.ZoneOf("").Id.ShouldBe(GymTime.DefaultZoneId);
    }

    [Fact]
    public void KeepTheGymsOwnZoneWhenItIsKnown()
    {
        var perth = Tenants.Location("perth") with { TimeZoneId = "Australia/Perth" };

        GymTime.ZoneOf(perth).Id.ShouldBe("Australia/Perth");
    }

    [Fact]
    public void MoveATimeSkippedBySpringForwardOnByTheGap()
    {
        // 4 October 2026, 2:00 am AEST becomes 3:00 am AEDT: 2:30 does not exist on a Melbourne wall clock.
        var instant = LocalTimes.ToInstant(new DateTime(2026, 10, 4, 2, 30, 0), GymTime.Melbourne);

        instant.ShouldBe(new DateTimeOffset(2026, 10, 4, 3, 30, 0, TimeSpan.FromHours(11)));
    }

    [Fact]
    public void TakeATimeRepeatedInAutumnAtItsFirstOccurrence()
    {
        // 4 April 2027, 3:00 am AEDT goes back to 2:00 am AEST: 2:30 happens twice; the first is still daylight time.
        var instant = LocalTimes.ToInstant(new DateTime(2027, 4, 4, 2, 30, 0), GymTime.Melbourne);

        instant.Offset.ShouldBe(TimeSpan.FromHours(11));
        instant.UtcDateTime.ShouldBe(new DateTime(2027, 4, 3, 15, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void KeepNineAmAtNineAmOnBothSidesOfTheChange()
    {
        var before = LocalTimes.ToInstant(new DateTime(2026, 10, 3, 9, 0, 0), GymTime.Melbourne);
        var after = LocalTimes.ToInstant(new DateTime(2026, 10, 5, 9, 0, 0), GymTime.Melbourne);

        (after - before).ShouldBe(TimeSpan.FromHours(47));
        TimeZoneInfo.ConvertTime(after, GymTime.Melbourne).Hour.ShouldBe(9);
    }

    [Fact]
    public void SayTodayAsTheGymReadsItWhenUtcIsStillYesterday()
    {
        // 14:30 UTC on 3 December is 1:30 am on 4 December in Melbourne (daylight time, UTC+11).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 14, 30, 0, TimeSpan.Zero));
        var tenant = new CurrentTenant();
        tenant.Set(Tenants.Location("st-albans"));
        var clock = new GymClock(tenant, time);

        clock.Today.ShouldBe(new DateOnly(2026, 12, 4));
        clock.LocalNow.Offset.ShouldBe(TimeSpan.FromHours(11));
        clock.StartOf(new DateOnly(2026, 12, 4)).ShouldBe(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero));
    }
}
