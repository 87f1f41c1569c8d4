using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features;
using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Jobs;

/// <summary>
/// Emails each member whose confirmed session starts within the next 24 hours, once: <see cref="PtSession.ReminderSentAt"/>
/// is claimed (committed, under the row's version check, so two runs never both win) before the email goes out.
/// </summary>
internal sealed class SessionRemindersJob(ITenantScopeFactory scopes, ILogger<SessionRemindersJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BookingsSessionReminders";

    /// <summary>Every 15 minutes: a session is reminded about 24 hours ahead, give or take a quarter hour.</summary>
    public const string DefaultSchedule = "0 0/15 * * * ?";

    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var horizon = now + Ahead;
        var due = await db.Set<PtSession>()
            .Where(s => s.Status == BookingStatus.Confirmed && s.ReminderSentAt == null && s.StartsAt > now && s.StartsAt <= horizon)
            .ToListAsync(cancellationToken);
        var notices = services.GetRequiredService<BookingNotices>();
        foreach (var session in due)
        {
            session.ReminderSentAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run (or a cancellation) changed it first; that run sends, or there is nothing to send.
                db.ChangeTracker.Clear();
                continue;
            }

            await notices.ChangedAsync(session, "reminder", cancellationToken);
        }
    }
}
