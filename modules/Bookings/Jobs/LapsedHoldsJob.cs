using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features;
using Derrimut.Bookings.Features.Book;
using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Jobs;

/// <summary>
/// Gives a trainer's time back from PT bookings that will never be paid: a pending hold whose checkout has lapsed (the
/// gateway's expiry event normally releases it; this is the backstop when that event never comes) and a pending hold
/// whose checkout never opened (the node that took the booking died, or the database went away, between the hold and
/// the checkout). The latter waits <see cref="CheckoutNeverOpenedGrace"/> first: a retry of the same booking in that
/// time opens the checkout instead (<see cref="BookSessionHandler"/>). Each release is saved under the row's version
/// check, so a payment or a cancellation that lands at the same moment wins and the hold is left to it.
/// </summary>
internal sealed class LapsedHoldsJob(ITenantScopeFactory scopes, ILogger<LapsedHoldsJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BookingsLapsedHolds";

    /// <summary>Every 5 minutes: a held slot nobody can pay for should not stay off the trainer's calendar for long.</summary>
    public const string DefaultSchedule = "0 2/5 * * * ?";

    /// <summary>How long a hold without a checkout waits for a retry of its booking before it is released.</summary>
    internal static readonly TimeSpan CheckoutNeverOpenedGrace = TimeSpan.FromMinutes(15);

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var calendar = services.GetRequiredService<TrainerCalendar>();
        var notices = services.GetRequiredService<BookingNotices>();
        var now = services.GetRequiredService<BookingReads>().Clock.UtcNow;
        var neverOpenedBefore = now - CheckoutNeverOpenedGrace;
        var lapsed = await db.Set<PtSession>()
            .Where(s => s.Status == BookingStatus.Pending
                        && ((s.CheckoutExpiresAt != null && s.CheckoutExpiresAt <= now) || (s.CheckoutSessionId == null && s.CreatedAt <= neverOpenedBefore)))
            .ToListAsync(cancellationToken);
        foreach (var session in lapsed)
        {
            var neverOpened = session.CheckoutSessionId is null;
            await BookSessionHandler.ReleaseUnpaidHoldAsync(db, calendar, session, now, neverOpened ? "hold-lapsed" : "checkout-expired",
                neverOpened ? "The payment was never started." : "The checkout expired without payment.", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                continue; // paid, cancelled or released by someone else first
            }

            await notices.ChangedAsync(session, "cancelled", cancellationToken);
        }
    }
}
