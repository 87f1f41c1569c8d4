using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;

namespace Derrimut.Bookings.Features.ReportingReads;

internal sealed class TrainerAvailabilityReadModel(DerrimutDbContext db) : ITrainerAvailabilityReadModel
{
    public IQueryable<TrainerWeeklyHoursRow> WeeklyHours => db.Set<WeeklyHours>().AsNoTracking()
        .Select(h => new TrainerWeeklyHoursRow { TrainerId = h.TrainerId, Day = h.Day, Starts = h.Starts, Ends = h.Ends });

    public IQueryable<TrainerAvailabilityExceptionRow> Exceptions => db.Set<AvailabilityException>().AsNoTracking()
        .Select(e => new TrainerAvailabilityExceptionRow
        {
            TrainerId = e.TrainerId, Date = e.Date, IsExtra = e.Kind == AvailabilityExceptionKind.Extra, Starts = e.Starts, Ends = e.Ends,
        });
}
