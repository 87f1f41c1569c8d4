using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>Rosters with attendance, and attendance marked from check-ins (the desk's or a door's).</summary>
internal sealed class ClassRosters(DerrimutDbContext db, ClassReads reads, IGymClock clock, IPeopleReadModel people)
{
    /// <summary>A check-in this long before a class counts as arriving for it.</summary>
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromMinutes(90);

    public async Task<ClassRosterDto> RosterAsync(Guid occurrenceId, CancellationToken cancellationToken)
    {
        var occurrence = await reads.OccurrenceAsync(occurrenceId, cancellationToken);
        await RecordNoShowsAsync(cancellationToken);
        var policy = await reads.PolicyAsync(cancellationToken);
        var noShowAfter = occurrence.Start.AddMinutes(policy.NoShowGraceMinutes);
        var lines = await (
                from b in db.Set<ClassBooking>()
                join p in people.People on b.MemberId equals p.UserId into named
                from p in named.DefaultIfEmpty()
                where b.OccurrenceId == occurrenceId && (b.Status == ClassBookingStatus.Booked || b.Status == ClassBookingStatus.Waitlisted)
                select new { b.MemberId, Name = p == null ? "Member" : p.DisplayName, b.Status, b.WaitlistNumber, b.CheckedInAt, b.NoShow })
            .AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        return new ClassRosterDto(occurrence, [.. lines
            .OrderBy(l => l.Status == ClassBookingStatus.Booked ? 0 : 1).ThenBy(l => l.WaitlistNumber).ThenBy(l => l.Name)
            .Select(l => new ClassRosterLineDto(l.MemberId, l.Name, l.Status, l.WaitlistNumber,
                l.Status != ClassBookingStatus.Booked ? "waiting"
                : l.CheckedInAt is not null ? "checked_in"
                : l.NoShow || now > noShowAfter ? "no_show"
                : "expected"))]);
    }

    /// <summary>Marks the member's classes about to start (or under way) here as attended.</summary>
    public async Task MarkAttendanceAsync(Guid memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var soon = at + ArrivalWindow;
        var ids = await (
                from b in db.Set<ClassBooking>()
                join o in db.Set<ClassOccurrence>() on b.OccurrenceId equals o.Id
                where b.MemberId == memberId && b.Status == ClassBookingStatus.Booked && b.CheckedInAt == null
                      && o.StartsAt <= soon && o.EndsAt > at && !o.IsCancelled
                select b.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await db.Set<ClassBooking>().Where(b => ids.Contains(b.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.CheckedInAt, at).SetProperty(b => b.NoShow, false), cancellationToken);
        }
    }

    /// <summary>
    /// Records no-shows of classes whose grace period is over (booked, never checked in), and a strike for each where
    /// the location counts strikes. Idempotent: a booking is marked once, the strike's unique index refuses a second.
    /// </summary>
    public async Task RecordNoShowsAsync(CancellationToken cancellationToken)
    {
        var policy = await reads.PolicyAsync(cancellationToken);
        var cutoff = clock.UtcNow.AddMinutes(-policy.NoShowGraceMinutes);
        var since = clock.UtcNow.AddDays(-2);
        var missed = await (
                from b in db.Set<ClassBooking>()
                join o in db.Set<ClassOccurrence>() on b.OccurrenceId equals o.Id
                where b.Status == ClassBookingStatus.Booked && b.CheckedInAt == null && !b.NoShow && !o.IsCancelled
                      && o.StartsAt <= cutoff && o.StartsAt >= since
                select new { Booking = b, o.Name, o.StartsAt })
            .ToListAsync(cancellationToken);
        if (missed.Count == 0)
        {
            return;
        }

        foreach (var m in missed)
        {
            m.Booking.NoShow = true;
            if (policy.StrikesEnabled)
            {
                db.Add(new ClassStrike
                {
                    MemberId = m.Booking.MemberId, BookingId = m.Booking.Id, Kind = ClassStrikeKind.NoShow, At = m.StartsAt,
                    Detail = $"{m.Name}, {clock.ToLocal(m.StartsAt).ToString("ddd d MMM h:mm tt", GymCulture.Australian)}",
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Another request marked them first; what it wrote stands.
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>The gym cancels a class: every booked and waiting member is told, their bookings end, the trainer is freed.</summary>
internal sealed class ClassCancellation(DerrimutDbContext db, Domain.Calendar.TrainerCalendar calendar, IGymClock clock, ClassReads reads, ClassNotices notices)
{
    public async Task<ClassOccurrenceDto> CancelClassAsync(Guid occurrenceId, CancellationToken cancellationToken)
    {
        var occurrence = await db.Set<ClassOccurrence>().FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken)
            ?? throw new NotFoundException("No such class at this gym.");
        if (occurrence.IsCancelled)
        {
            return await reads.OccurrenceAsync(occurrenceId, cancellationToken);
        }

        if (occurrence.StartsAt <= clock.UtcNow)
        {
            throw new ConflictException("This class has already started.", "occurrenceId");
        }

        var now = clock.UtcNow;
        List<Guid> told;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The class row first, as every booking write does; after this no booking can slip in.
            await db.Set<ClassOccurrence>().Where(o => o.Id == occurrenceId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.CancelledAt, now).SetProperty(o => o.BookedCount, 0), cancellationToken);
            var live = await db.Set<ClassBooking>().Where(b => b.OccurrenceId == occurrenceId && b.LiveMemberId != null).ToListAsync(cancellationToken);
            foreach (var booking in live)
            {
                booking.Status = ClassBookingStatus.ClassCancelled;
                booking.LiveMemberId = null;
                booking.CancelledAt = now;
            }

            told = [.. live.Select(b => b.MemberId)];
            await calendar.ReleaseAsync(occurrenceId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var memberId in told)
        {
            await notices.ChangedAsync(memberId, occurrenceId, cancellationToken);
            await notices.ClassCancelledAsync(memberId, occurrence, cancellationToken);
        }

        return await reads.OccurrenceAsync(occurrenceId, cancellationToken);
    }
}
