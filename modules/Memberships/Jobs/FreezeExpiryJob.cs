using Derrimut.BuildingBlocks.Time;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features;

namespace Derrimut.Memberships.Jobs;

/// <summary>
/// Ends freezes whose date has passed. A freeze is a paused collection at the gateway with a resume date; Stripe
/// resumes by itself and says so by webhook, but that news can be late or lost (and the simulated gateway only
/// resumes at the next renewal), so a member could stay "frozen" here long after the freeze ended. For each local
/// freeze past its date this asks the gateway: still paused with a later date → the freeze was extended, keep it;
/// still paused past its date → resume collection; not paused → only our copy was stale. Then the membership is
/// marked resumed, audited, and the member told.
/// </summary>
internal sealed class FreezeExpiryJob(ITenantScopeFactory scopes, ILogger<FreezeExpiryJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "MembershipFreezeExpiry";

    /// <summary>Every hour at a quarter past.</summary>
    public const string DefaultSchedule = "0 15 * * * ?";

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ended = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.IsFrozen && m.LiveUserId != null && m.FrozenUntil <= now)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (ended.Count == 0)
        {
            return;
        }

        var gateway = services.GetRequiredService<IPaymentGateway>();
        var notices = services.GetRequiredService<MembershipNotices>();
        var resumed = new List<Membership>();
        foreach (var id in ended)
        {
            try
            {
                // Read afresh, one at a time: the gateway's webhooks may be changing these rows as we go.
                var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
                if (membership is { IsFrozen: true } && await EndFreezeAsync(db, gateway, membership, now, cancellationToken))
                {
                    resumed.Add(membership);
                    notices.Changed(membership.UserId, membership.Status);
                }
            }
            catch (Exception ex) when (ex is DbUpdateConcurrencyException or PaymentGatewayException or NotFoundException)
            {
                // One member's subscription in trouble must not stop the others; the next run tries again.
                logger.LogWarning(ex, "Could not end the freeze of membership {MembershipId}; retrying next run", id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        await notices.FlushAsync(cancellationToken);
        await TellMembersAsync(services, location, resumed, cancellationToken);
    }

    private static async Task<bool> EndFreezeAsync(DerrimutDbContext db, IPaymentGateway gateway, Membership membership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var frozenUntil = membership.FrozenUntil!.Value;
        string detail;
        if (membership.SubscriptionId is null)
        {
            detail = "Freeze ended (no subscription at the gateway).";
        }
        else
        {
            var snapshot = await gateway.GetSubscriptionAsync(membership.TenantId, membership.SubscriptionId, cancellationToken);
            if (snapshot.CollectionPaused && snapshot.CollectionResumesAt is { } later && later > now)
            {
                membership.FrozenUntil = later;
                db.Add(Audit(membership, now, "freeze-extended", $"The gateway resumes collection {later:O}."));
                await db.SaveChangesAsync(cancellationToken);
                return false;
            }

            if (snapshot.CollectionPaused)
            {
                await gateway.ResumeCollectionAsync(
                    new ResumeCollectionRequest(membership.TenantId, membership.SubscriptionId, $"membership-freeze-ended:{membership.Id:N}:{frozenUntil.ToUnixTimeSeconds()}"),
                    cancellationToken);
                detail = $"Freeze ended {frozenUntil:O}; collection resumed at the gateway.";
            }
            else
            {
                detail = $"Freeze ended {frozenUntil:O}; the gateway had already resumed collection.";
            }

            // The gateway may already have reported the change by webhook (the simulated one does, synchronously).
            await db.Entry(membership).ReloadAsync(cancellationToken);
        }

        if (membership.IsLive)
        {
            membership.IsFrozen = false;
            membership.FrozenUntil = null;
        }

        db.Add(Audit(membership, now, "freeze-ended", detail));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static MembershipAuditEntry Audit(Membership membership, DateTimeOffset now, string action, string detail) =>
        new() { MembershipId = membership.Id, Action = action, Detail = detail, At = now };

    private async Task TellMembersAsync(IServiceProvider services, TenantInfo location, List<Membership> resumed, CancellationToken cancellationToken)
    {
        if (resumed.Count == 0)
        {
            return;
        }

        var people = await services.GetRequiredService<ILocationPeople>().FindManyAsync(resumed.Select(m => m.UserId), cancellationToken);
        var email = services.GetRequiredService<IEmailSender>();
        var zone = GymTime.ZoneOf(location);
        foreach (var membership in resumed.Where(m => m.IsLive))
        {
            if (!people.TryGetValue(membership.UserId, out var person))
            {
                continue;
            }

            var next = membership.NextBillingAt is { } at ? $" Your next payment is due on {GymCulture.LongDate(TimeZoneInfo.ConvertTime(at, zone))}." : "";
            try
            {
                await email.SendAsync(new EmailMessage(person.Email, person.DisplayName, $"Your membership freeze has ended · {location.Name}",
                    $"Hi {person.DisplayName},\n\nWelcome back: your membership freeze has ended and your membership is active again.{next}\n\n{location.Name}"),
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The freeze has ended either way; a lost email must not undo it.
                logger.LogError(ex, "Could not tell member {UserId} that their freeze ended", membership.UserId);
            }
        }
    }
}
