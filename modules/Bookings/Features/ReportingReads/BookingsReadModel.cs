using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;

namespace Derrimut.Bookings.Features.ReportingReads;

internal sealed class BookingsReadModel(DerrimutDbContext db) : IBookingsReadModel
{
    public IQueryable<CheckInRow> CheckIns => db.Set<CheckIn>().AsNoTracking()
        .Select(c => new CheckInRow { Id = c.Id, PersonId = c.PersonId, At = c.At, HomeLocationId = c.HomeLocationId });

    public IQueryable<ClassOccurrenceRow> Classes => db.Set<ClassOccurrence>().AsNoTracking().Select(o => new ClassOccurrenceRow
    {
        Id = o.Id, Name = o.Name, StartsAt = o.StartsAt, LocalDate = o.LocalDate, Capacity = o.Capacity, BookedCount = o.BookedCount,
        IsCancelled = o.IsCancelled, TrainerId = o.TrainerId,
    });

    public IQueryable<ClassBookingRow> ClassBookings => db.Set<ClassBooking>().AsNoTracking().Select(b => new ClassBookingRow
    {
        OccurrenceId = b.OccurrenceId, Status = b.Status, CheckedIn = b.CheckedInAt != null, NoShow = b.NoShow,
    });

    public IQueryable<PtSessionRow> PtSessions => db.Set<PtSession>().AsNoTracking().Select(s => new PtSessionRow
    {
        Id = s.Id, TrainerId = s.TrainerId, MemberId = s.MemberId, StartsAt = s.StartsAt, Minutes = s.Minutes, Status = s.Status,
        PaymentStatus = s.PaymentStatus, PriceCents = s.PriceCents, UpdatedAt = s.UpdatedAt,
    });

    public IQueryable<TrainerRow> Trainers => db.Set<Trainer>().AsNoTracking()
        .Select(t => new TrainerRow { Id = t.Id, UserId = t.PersonId, DisplayName = t.DisplayName });
}
