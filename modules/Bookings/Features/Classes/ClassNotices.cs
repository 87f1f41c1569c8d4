using System.Data.Common;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>
/// Tells people about class changes once they are committed: a live update to open pages (the member's and the
/// timetable's), and an email when a member is promoted from the waitlist or their class is cancelled. A failure to
/// notify never undoes the change: the page shows it on its next load.
/// </summary>
internal sealed class ClassNotices(ILiveUpdates live, ICurrentTenant tenant, IEmailSender email, ILocationPeople people, IGymClock clock, ILogger<ClassNotices> logger)
{
    public async Task ChangedAsync(Guid memberId, Guid occurrenceId, CancellationToken cancellationToken)
    {
        try
        {
            await live.PublishAsync(new LiveUpdate(tenant.Tenant!.Id, ClassTopics.Classes, memberId, occurrenceId.ToString()), cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push a class live update");
        }
    }

    public async Task PromotedAsync(Guid memberId, ClassOccurrence occurrence, CancellationToken cancellationToken)
    {
        await ChangedAsync(memberId, occurrence.Id, cancellationToken);
        await MailAsync(memberId, $"You're in: {occurrence.Name}",
            $"A spot opened up and you have been moved from the waitlist into {occurrence.Name} on {When(occurrence)}. " +
            "If you can no longer make it, please cancel so the next person gets your spot.", cancellationToken);
    }

    public Task ClassCancelledAsync(Guid memberId, ClassOccurrence occurrence, CancellationToken cancellationToken) =>
        MailAsync(memberId, $"Cancelled: {occurrence.Name}",
            $"Sorry — {occurrence.Name} on {When(occurrence)} has been cancelled by the gym. Your booking is removed; nothing is charged for classes included in your membership.",
            cancellationToken);

    private string When(ClassOccurrence occurrence) => clock.ToLocal(occurrence.StartsAt).ToString("dddd d MMMM 'at' h:mm tt", GymCulture.Australian);

    private async Task MailAsync(Guid memberId, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            // A multi-club visitor is not one of this gym's people: they are told on their page instead.
            if (await people.FindAsync(memberId, cancellationToken) is { } person)
            {
                await email.SendAsync(new EmailMessage(person.Email, person.DisplayName, subject, $"Hi {person.DisplayName},\n\n{body}\n\n{tenant.Tenant!.Name}"), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not email a class notice");
        }
    }

    /// <summary>True when a save failed on the one-live-booking-per-member-per-class unique index.</summary>
    public static bool IsDuplicateBooking(DbUpdateException exception) =>
        exception.InnerException is DbException inner && inner.Message.Contains("class_bookings", StringComparison.OrdinalIgnoreCase)
        || exception.InnerException is Npgsql.PostgresException { ConstraintName: { } name } && name.Contains("class_bookings", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Strikes and the suspension they bring (per location, off by default).</summary>
internal static class ClassStrikes
{
    /// <summary>When class booking is suspended until, if it is now.</summary>
    public static async Task<DateTimeOffset?> SuspendedUntilAsync(DerrimutDbContext db, Guid memberId, ClassPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!policy.StrikesEnabled || policy.StrikeLimit < 1)
        {
            return null;
        }

        var since = now.AddDays(-(policy.StrikeWindowDays + policy.SuspensionDays));
        var strikes = await db.Set<ClassStrike>().AsNoTracking().Where(s => s.MemberId == memberId && s.At >= since)
            .OrderBy(s => s.At).Select(s => s.At).ToListAsync(cancellationToken);
        // The suspension starts at the strike that made N within the window and lasts K days.
        for (var i = policy.StrikeLimit - 1; i < strikes.Count; i++)
        {
            if (strikes[i] - strikes[i - policy.StrikeLimit + 1] <= TimeSpan.FromDays(policy.StrikeWindowDays))
            {
                var until = strikes[i].AddDays(policy.SuspensionDays);
                if (until > now)
                {
                    return until;
                }
            }
        }

        return null;
    }
}
