using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>
/// Booking and cancelling a class (decision 0031). Capacity and waitlist order are the database's: a booking is one
/// conditional update of the class row (<c>BookedCount = BookedCount + 1 WHERE BookedCount &lt; Capacity</c>); when
/// it changes nothing the class is full and the same row hands out the next waitlist number. Every write of a class's
/// bookings starts by updating its row, so they queue on that row's lock in the order the database received them,
/// and a promotion reads the waitlist only while holding it.
/// </summary>
internal sealed class ClassBookingHandler(
    DerrimutDbContext db, ICurrentTenant tenant, IGymClock clock, IMembershipEntitlements entitlements, ClassReads reads, ClassNotices notices)
{
    public async Task<ClassBookingResult> BookAsync(Guid memberId, Guid occurrenceId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var occurrence = await db.Set<ClassOccurrence>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken)
            ?? throw new NotFoundException("No such class at this gym.");
        var policy = await reads.PolicyAsync(cancellationToken);
        CheckOpen(occurrence, policy, now);
        await CheckEntitledAsync(memberId, now, cancellationToken);
        await CheckNotSuspendedAsync(memberId, policy, now, cancellationToken);
        await CheckNoOverlapAsync(memberId, occurrence, cancellationToken);

        var booking = new ClassBooking { OccurrenceId = occurrenceId, MemberId = memberId, LiveMemberId = memberId, RequestedAt = now };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The one statement that decides a spot: it changes the row only while a spot is free.
            var got = await db.Set<ClassOccurrence>()
                .Where(o => o.Id == occurrenceId && !o.IsCancelled && o.BookedCount < o.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.BookedCount, o => o.BookedCount + 1), cancellationToken);
            if (got == 1)
            {
                booking.Status = ClassBookingStatus.Booked;
            }
            else
            {
                // Full: the next number, under the row lock this update takes, is this request's place in arrival order.
                var queued = await db.Set<ClassOccurrence>()
                    .Where(o => o.Id == occurrenceId && !o.IsCancelled)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.WaitlistSequence, o => o.WaitlistSequence + 1), cancellationToken);
                if (queued == 0)
                {
                    throw new ConflictException("This class was cancelled.", "occurrenceId");
                }

                booking.Status = ClassBookingStatus.Waitlisted;
                booking.WaitlistNumber = await db.Set<ClassOccurrence>().Where(o => o.Id == occurrenceId)
                    .Select(o => o.WaitlistSequence).SingleAsync(cancellationToken);
            }

            db.Add(booking);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (ClassNotices.IsDuplicateBooking(exception))
            {
                db.ChangeTracker.Clear();
                throw new ConflictException("You are already booked or waiting for this class.", "occurrenceId");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        BookingsMetrics.Add(BookingsMetrics.ClassBookings, tenant.Tenant!.Id, booking.Status == ClassBookingStatus.Booked ? "booked" : "waitlisted");
        await notices.ChangedAsync(memberId, occurrenceId, cancellationToken);
        int? position = booking.WaitlistNumber is { } number ? await reads.WaitlistPositionAsync(occurrenceId, number, cancellationToken) : null;
        return new ClassBookingResult(booking.Id, booking.Status, position);
    }

    public async Task<ClassBookingResult> CancelAsync(Guid memberId, Guid occurrenceId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var occurrence = await db.Set<ClassOccurrence>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken)
            ?? throw new NotFoundException("No such class at this gym.");
        if (occurrence.StartsAt <= now)
        {
            throw new ConflictException("This class has started; it can no longer be cancelled.", "occurrenceId");
        }

        var policy = await reads.PolicyAsync(cancellationToken);
        ClassBooking? cancelled;
        ClassBooking? promoted = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Take the class row first (every booking write does): cancellations and promotions queue here.
            await db.Set<ClassOccurrence>().Where(o => o.Id == occurrenceId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.WaitlistSequence, o => o.WaitlistSequence), cancellationToken);
            cancelled = await db.Set<ClassBooking>()
                .FirstOrDefaultAsync(b => b.OccurrenceId == occurrenceId && b.LiveMemberId == memberId, cancellationToken)
                ?? throw new NotFoundException("You have no booking for this class.");
            var heldSpot = cancelled.Status == ClassBookingStatus.Booked;
            cancelled.Status = ClassBookingStatus.Cancelled;
            cancelled.LiveMemberId = null;
            cancelled.CancelledAt = now;
            cancelled.CancelledLate = heldSpot && occurrence.StartsAt - now < TimeSpan.FromMinutes(policy.LateCancelWindowMinutes);
            if (cancelled.CancelledLate && policy.StrikesEnabled)
            {
                db.Add(new ClassStrike
                {
                    MemberId = memberId, BookingId = cancelled.Id, Kind = ClassStrikeKind.LateCancel, At = now,
                    Detail = $"{occurrence.Name}, {clock.ToLocal(occurrence.StartsAt).ToString("ddd d MMM h:mm tt", GymCulture.Australian)}",
                });
            }

            if (heldSpot)
            {
                promoted = occurrence.StartsAt - now > TimeSpan.FromMinutes(policy.PromotionCutoffMinutes)
                    ? await FirstPromotableAsync(occurrence, cancellationToken)
                    : null;
                if (promoted is not null)
                {
                    // The spot passes straight to the first waiting member: the count does not move.
                    promoted.Status = ClassBookingStatus.Booked;
                    promoted.PromotedAt = now;
                }
                else
                {
                    await db.Set<ClassOccurrence>().Where(o => o.Id == occurrenceId && o.BookedCount > 0)
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.BookedCount, o => o.BookedCount - 1), cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notices.ChangedAsync(memberId, occurrenceId, cancellationToken);
        if (promoted is not null)
        {
            await notices.PromotedAsync(promoted.MemberId, occurrence, cancellationToken);
        }

        return new ClassBookingResult(cancelled.Id, ClassBookingStatus.Cancelled, null);
    }

    /// <summary>
    /// The first waiting member (arrival order) this class would not put into two places at once: one with another
    /// booked class or a PT session overlapping it is passed over, and stays waiting.
    /// </summary>
    private async Task<ClassBooking?> FirstPromotableAsync(ClassOccurrence occurrence, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<ClassBooking>()
            .Where(b => b.OccurrenceId == occurrence.Id && b.Status == ClassBookingStatus.Waitlisted)
            .OrderBy(b => b.WaitlistNumber).Take(50).ToListAsync(cancellationToken);
        foreach (var candidate in waiting)
        {
            if (!await OverlapsAsync(candidate.MemberId, occurrence, ClassBookingStatus.Booked, cancellationToken))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void CheckOpen(ClassOccurrence occurrence, ClassPolicy policy, DateTimeOffset now)
    {
        if (occurrence.IsCancelled)
        {
            throw new ConflictException("This class was cancelled.", "occurrenceId");
        }

        if (occurrence.StartsAt <= now)
        {
            throw new ConflictException("Booking closed when the class started.", "occurrenceId");
        }

        if (occurrence.StartsAt - now > TimeSpan.FromDays(policy.BookingOpensDaysAhead))
        {
            throw new ConflictException($"Booking opens {policy.BookingOpensDaysAhead} days before the class.", "occurrenceId");
        }
    }

    private async Task CheckEntitledAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entitlement = await entitlements.GetAsync(memberId, tenant.Tenant!.Id, now, cancellationToken);
        if (!entitlement.IsEntitled)
        {
            throw new ForbiddenException($"{entitlement.Reason}: classes are for members in good standing.");
        }

        if (!entitlement.Inclusions.IncludesClasses)
        {
            throw new ForbiddenException("Your plan does not include group classes.");
        }
    }

    private async Task CheckNotSuspendedAsync(Guid memberId, ClassPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ClassStrikes.SuspendedUntilAsync(db, memberId, policy, now, cancellationToken) is { } until)
        {
            throw new ForbiddenException(
                $"Class booking is suspended until {clock.ToLocal(until).ToString("d MMM h:mm tt", GymCulture.Australian)} after {policy.StrikeLimit} late cancels or no-shows.");
        }
    }

    private async Task CheckNoOverlapAsync(Guid memberId, ClassOccurrence occurrence, CancellationToken cancellationToken)
    {
        if (await OverlapsAsync(memberId, occurrence, null, cancellationToken))
        {
            throw new ConflictException("You already have a class or a session at that time.", "occurrenceId");
        }
    }

    /// <summary>
    /// True when the member holds another class (booked, or also waiting when <paramref name="only"/> is null)
    /// or a PT session overlapping the class.
    /// </summary>
    private async Task<bool> OverlapsAsync(Guid memberId, ClassOccurrence occurrence, ClassBookingStatus? only, CancellationToken cancellationToken)
    {
        var classes = from b in db.Set<ClassBooking>()
                      join o in db.Set<ClassOccurrence>() on b.OccurrenceId equals o.Id
                      where b.LiveMemberId == memberId && b.OccurrenceId != occurrence.Id && !o.IsCancelled
                            && o.StartsAt < occurrence.EndsAt && o.EndsAt > occurrence.StartsAt
                            && (only == null || b.Status == only)
                      select b.Id;
        if (await classes.AnyAsync(cancellationToken))
        {
            return true;
        }

        var blocks = CalendarBlocks.Covering(occurrence.StartsAt, occurrence.EndsAt);
        var first = blocks[0];
        var last = blocks[^1];
        return await db.Set<CalendarBlock>().AnyAsync(c => c.MemberId == memberId && c.StartsAt >= first && c.StartsAt <= last, cancellationToken);
    }
}
