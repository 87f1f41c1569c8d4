using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Features.Classes;
using Derrimut.Bookings.Jobs;
using Derrimut.BuildingBlocks.Time;
using static Derrimut.Bookings.Tests.Classes.ClassTestKit;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>The nightly job keeps weekly schedules four weeks ahead, once, whatever their age.</summary>
public abstract class ClassScheduleExtensionShould(BookingsFixture fixture)
{
    [Fact]
    public async Task ExtendARunningWeeklyScheduleFourWeeksAheadOnceOnly()
    {
        var gym = fixture.A2;
        var type = await ClassTypeAsync(fixture, gym, capacity: 10);
        var trainer = await TrainerAsync(fixture, gym);
        // A schedule whose classes were made long ago and have all passed: nothing ahead of today.
        var scheduleId = await fixture.AtAsync(gym, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var today = sp.GetRequiredService<IGymClock>().Today;
            var schedule = new ClassSchedule
            {
                ClassTypeId = type.Id, TrainerId = trainer, DayOfWeek = today.AddDays(3).DayOfWeek, StartTime = new TimeOnly(18, 0),
                StartsOn = today.AddDays(-90), GeneratedThrough = today.AddDays(-1),
            };
            db.Add(schedule);
            await db.SaveChangesAsync(ct);
            return schedule.Id;
        });

        var job = ActivatorUtilities.CreateInstance<ClassScheduleExtensionJob>(fixture.App.Services);
        await job.RunOnceAsync(TestContext.Current.CancellationToken);
        await job.RunOnceAsync(TestContext.Current.CancellationToken);

        var (dates, through, today) = await fixture.AtAsync(gym, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var made = await db.Set<ClassOccurrence>().Where(o => o.ScheduleId == scheduleId).Select(o => o.LocalDate).OrderBy(d => d).ToListAsync(ct);
            var schedule = await db.Set<ClassSchedule>().SingleAsync(s => s.Id == scheduleId, ct);
            return (made, schedule.GeneratedThrough, sp.GetRequiredService<IGymClock>().Today);
        });

        var expected = Enumerable.Range(0, ClassTimetableWriter.HorizonDays + 1).Select(today.AddDays)
            .Where(d => d.DayOfWeek == today.AddDays(3).DayOfWeek).ToList();
        dates.ShouldBe(expected, "one class a week up to the horizon, none repeated by the second run");
        through.ShouldBe(today.AddDays(ClassTimetableWriter.HorizonDays));
    }
}

public sealed class ClassScheduleExtensionOnSqliteShould(SqliteBookingsFixture fixture) : ClassScheduleExtensionShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class ClassScheduleExtensionOnPostgreSqlShould(PostgresBookingsFixture fixture) : ClassScheduleExtensionShould(fixture), IClassFixture<PostgresBookingsFixture>;
