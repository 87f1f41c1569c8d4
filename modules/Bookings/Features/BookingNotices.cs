using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Features;

/// <summary>
/// Tells people about a booking change after it is saved: the trainer's open schedule and the member's bookings
/// refresh at once (live topics), and the member gets an email with the session as an iCalendar (.ics) event
/// (a request for a booking or change, a cancel for a cancellation). A failed email never undoes the booking.
/// </summary>
internal sealed class BookingNotices(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IGymClock clock,
    ILiveUpdates live,
    IEmailSender email,
    IPeopleReadModel people,
    ILogger<BookingNotices> logger) : IAsyncDisposable, IDisposable
{
    private readonly List<LiveUpdate> _deferred = [];

    public async Task ChangedAsync(PtSession session, string what, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Tenant!.Id;
        var trainer = await db.Set<Domain.Trainers.Trainer>().AsNoTracking().Where(t => t.Id == session.TrainerId)
            .Select(t => new { t.PersonId, t.DisplayName }).FirstAsync(cancellationToken);
        await PublishOrDeferAsync(new LiveUpdate(tenantId, BookingTopics.TrainerSchedule, trainer.PersonId, what), cancellationToken);
        await PublishOrDeferAsync(new LiveUpdate(tenantId, BookingTopics.MemberBookings, session.MemberId, what), cancellationToken);

        var member = await people.People.Where(p => p.UserId == session.MemberId).Select(p => new { p.Email, p.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (member is null || string.IsNullOrEmpty(member.Email))
        {
            return;
        }

        var local = clock.ToLocal(session.StartsAt);
        var when = local.ToString("dddd d MMMM, h:mm tt", GymCulture.Australian);
        var gym = tenant.Tenant.Name;
        var (subject, text) = what switch
        {
            "cancelled" => ($"Cancelled: {session.SessionTypeName} with {trainer.DisplayName}",
                $"Your {session.SessionTypeName.ToLowerInvariant()} session with {trainer.DisplayName} on {when} at {gym} is cancelled."
                + (session.PaymentStatus == BookingPaymentStatus.Refunded ? " Your payment is being refunded." : "")
                + (session.LateCancellation ? " It was cancelled inside the cancellation window, so it is not refunded." : "")),
            "reminder" => ($"Tomorrow: {session.SessionTypeName} with {trainer.DisplayName}",
                $"A reminder: your {session.SessionTypeName.ToLowerInvariant()} session with {trainer.DisplayName} is on {when} at {gym}."),
            _ => ($"Booked: {session.SessionTypeName} with {trainer.DisplayName}",
                $"Your {session.SessionTypeName.ToLowerInvariant()} session with {trainer.DisplayName} is booked for {when} at {gym} ({session.Minutes} minutes)."),
        };
        var calendar = SessionCalendar.Event(session, trainer.DisplayName, gym, cancelled: what == "cancelled");
        try
        {
            await email.SendAsync(new EmailMessage(member.Email, member.DisplayName, subject,
                text + "\n\nThe attached calendar file adds it to (or removes it from) your calendar.",
                Attachments: [new EmailAttachment("session.ics", "text/calendar; method=" + (what == "cancelled" ? "CANCEL" : "REQUEST"), System.Text.Encoding.UTF8.GetBytes(calendar))]),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The booking stands; the email is a courtesy and the member sees the booking in the app.
            logger.LogWarning(ex, "Could not email {Member} about session {Session}", session.MemberId, session.Id);
        }
    }

    /// <summary>
    /// Billing runs our handlers of its events inside its webhook transaction and commits after they return: a page
    /// told at once would reload the uncommitted, old state (a paid session still "awaiting payment" on the trainer's
    /// schedule). Inside someone else's transaction the notice waits until the scope ends, after that commit; a notice
    /// carries no data, so if the transaction rolled back the page just reloads the unchanged state.
    /// </summary>
    private async Task PublishOrDeferAsync(LiveUpdate update, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            _deferred.Add(update);
            return;
        }

        await live.PublishAsync(update, cancellationToken);
    }

    /// <summary>Sends the notices deferred past the caller's transaction.</summary>
    public async ValueTask DisposeAsync()
    {
        var updates = _deferred.Distinct().ToList();
        _deferred.Clear();
        foreach (var update in updates)
        {
            try
            {
                await live.PublishAsync(update, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The change is committed; a page that misses the push shows it on its next load.
                logger.LogWarning(ex, "Could not push a bookings live update");
            }
        }
    }

    /// <summary>A scope disposed synchronously (a background job's) still sends its deferred notices, without waiting.</summary>
    public void Dispose()
    {
        if (_deferred.Count > 0)
        {
            _ = DisposeAsync().AsTask();
        }
    }
}

/// <summary>iCalendar (RFC 5545) text for sessions: one event for an email, many for a trainer's feed.</summary>
internal static class SessionCalendar
{
    public static string Event(PtSession session, string trainerName, string gymName, bool cancelled) =>
        Wrap([EventLines(session, $"{session.SessionTypeName} with {trainerName}", gymName, cancelled)], cancelled ? "CANCEL" : "REQUEST");

    public static string Feed(IEnumerable<(PtSession Session, string Title)> sessions, string gymName) =>
        Wrap(sessions.Select(s => EventLines(s.Session, s.Title, gymName, s.Session.Status == BookingStatus.Cancelled)), null);

    private static string Wrap(IEnumerable<string> events, string? method)
    {
        var text = new System.Text.StringBuilder();
        text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Derrimut 24:7 Gym//Bookings//EN\r\nCALSCALE:GREGORIAN\r\n");
        if (method is not null)
        {
            text.Append("METHOD:").Append(method).Append("\r\n");
        }

        foreach (var e in events)
        {
            text.Append(e);
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    private static string EventLines(PtSession s, string title, string gymName, bool cancelled) =>
        "BEGIN:VEVENT\r\n"
        + $"UID:{s.Id:N}@derrimut\r\n"
        + $"SEQUENCE:{s.Version}\r\n"
        + $"DTSTAMP:{Utc(s.UpdatedAt == default ? s.StartsAt : s.UpdatedAt)}\r\n"
        + $"DTSTART:{Utc(s.StartsAt)}\r\n"
        + $"DTEND:{Utc(s.EndsAt)}\r\n"
        + $"SUMMARY:{Escape(title)}\r\n"
        + $"LOCATION:{Escape(gymName)}\r\n"
        + $"STATUS:{(cancelled ? "CANCELLED" : "CONFIRMED")}\r\n"
        + "END:VEVENT\r\n";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
