using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Time;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Jobs;

/// <summary>
/// Keeps every running weekly class schedule <see cref="ClassTimetableWriter.HorizonDays"/> days ahead: a schedule
/// made in March still has dated classes to book in June. Each week's class is saved on its own, so a date where the
/// instructor already has a PT session (refused by the shared trainer calendar) is skipped with a warning and the rest
/// of the schedule still extends; <see cref="ClassSchedule.GeneratedThrough"/> moves past it so the next run does not
/// retry it forever (staff see the gap on the timetable and put a one-off class in).
/// </summary>
internal sealed class ClassScheduleExtensionJob(ITenantScopeFactory scopes, ILogger<ClassScheduleExtensionJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BookingsClassScheduleExtension";

    /// <summary>Nightly at 1:30 am (server time): a day's drift is far inside a 28-day horizon.</summary>
    public const string DefaultSchedule = "0 30 1 * * ?";

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var clock = services.GetRequiredService<IGymClock>();
        var writer = services.GetRequiredService<ClassTimetableWriter>();
        var calendar = services.GetRequiredService<Domain.Calendar.TrainerCalendar>();
        var today = clock.Today;
        var horizon = today.AddDays(ClassTimetableWriter.HorizonDays);
        var behind = await db.Set<ClassSchedule>().AsNoTracking()
            .Where(s => s.GeneratedThrough < horizon && (s.EndsOn == null || s.EndsOn > s.GeneratedThrough))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var scheduleId in behind)
        {
            for (var through = today; through <= horizon; through = through.AddDays(7))
            {
                var schedule = await db.Set<ClassSchedule>().FirstAsync(s => s.Id == scheduleId, cancellationToken);
                var type = await db.Set<ClassType>().FirstAsync(t => t.Id == schedule.ClassTypeId, cancellationToken);
                var upTo = through.AddDays(6) < horizon ? through.AddDays(6) : horizon;
                if (schedule.GeneratedThrough >= upTo)
                {
                    continue;
                }

                writer.Extend(schedule, type, upTo);
                try
                {
                    await calendar.SaveAsync("trainerId", cancellationToken);
                }
                catch (ConflictException)
                {
                    db.ChangeTracker.Clear();
                    logger.LogWarning("Class schedule {Schedule} at {Location}: the instructor is busy in the week to {Date}; that class is skipped", scheduleId, location.Identifier, upTo);
                    var skipped = await db.Set<ClassSchedule>().FirstAsync(s => s.Id == scheduleId, cancellationToken);
                    skipped.GeneratedThrough = upTo;
                    await db.SaveChangesAsync(cancellationToken);
                }

                db.ChangeTracker.Clear();
            }
        }
    }
}
