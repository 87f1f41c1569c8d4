using Derrimut.BuildingBlocks.Time;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features;
using Microsoft.Extensions.Options;

namespace Derrimut.Memberships.Jobs;

/// <summary>Configuration section <c>Memberships:RenewalReminders</c>.</summary>
internal sealed class RenewalReminderOptions
{
    public const string Section = "Memberships:RenewalReminders";

    /// <summary>How many days before the next billing date the member is reminded.</summary>
    public int DaysBefore { get; set; } = 3;
}

/// <summary>
/// Emails each active member whose next billing date is <see cref="RenewalReminderOptions.DaysBefore"/> days away or
/// less, once per billing period: <see cref="Membership.RenewalReminderSentFor"/> records the billing date a reminder
/// went out for. The claim is committed before the email is sent (the row's version check lets one run win), so two
/// runs never send twice; a failed send gives the claim back and the next run tries again.
/// </summary>
internal sealed class RenewalRemindersJob(ITenantScopeFactory scopes, ILogger<RenewalRemindersJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "MembershipRenewalReminders";

    /// <summary>Hourly through the day (not overnight: these are emails to people), Melbourne time.</summary>
    public const string DefaultSchedule = "0 0 8-20 * * ?";

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var daysBefore = Math.Max(0, services.GetRequiredService<IOptionsMonitor<RenewalReminderOptions>>().CurrentValue.DaysBefore);
        var horizon = now.AddDays(daysBefore);

        var candidates = await db.Set<Membership>()
            .Where(m => m.Status == MembershipStatus.Active && !m.IsFrozen && m.NextBillingAt > now && m.NextBillingAt <= horizon)
            .ToListAsync(cancellationToken);
        // Not due: already reminded for this billing date, or the membership ends before it renews.
        var due = candidates.Where(m => m.RenewalReminderSentFor != m.NextBillingAt && !(m.CancelsAt is { } ends && ends <= m.NextBillingAt)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var planIds = due.Select(m => m.PlanId).Distinct().ToList();
        var plans = await db.Set<Plan>().AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var people = await services.GetRequiredService<ILocationPeople>().FindManyAsync(due.Select(m => m.UserId), cancellationToken);
        var email = services.GetRequiredService<IEmailSender>();
        var zone = GymTime.ZoneOf(location);
        foreach (var membership in due)
        {
            if (!people.TryGetValue(membership.UserId, out var person))
            {
                continue; // No longer one of this gym's people (deactivated): nobody to write to.
            }

            var billingAt = membership.NextBillingAt!.Value;
            membership.RenewalReminderSentFor = billingAt;
            var audit = new MembershipAuditEntry
            {
                MembershipId = membership.Id,
                Action = "renewal-reminder-sent",
                Detail = $"For the payment due {billingAt:O}.",
                At = now,
            };
            db.Add(audit);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (a webhook, or another run): leave it to the next run, which sees the new state.
                db.Entry(membership).State = EntityState.Detached;
                db.Entry(audit).State = EntityState.Detached;
                continue;
            }

            var plan = plans.GetValueOrDefault(membership.PlanId);
            var amount = plan is null ? "your usual amount" : $"{Aud.Format(plan.PriceCents)} (GST included)";
            var date = GymCulture.LongDate(TimeZoneInfo.ConvertTime(billingAt, zone));
            try
            {
                await email.SendAsync(new EmailMessage(person.Email, person.DisplayName,
                    $"Your membership renews on {date} · {location.Name}",
                    $"Hi {person.DisplayName},\n\nA reminder that your {plan?.Name ?? membership.PlanCode} membership renews on {date}, "
                    + $"when {amount} will be charged to your saved payment method. There is nothing you need to do to keep training.\n\n"
                    + $"To freeze or cancel, sign in to the gym's site before then.\n\n{location.Name}"), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not send the renewal reminder for membership {MembershipId}; it is retried on the next run", membership.Id);
                membership.RenewalReminderSentFor = null;
                db.Remove(audit);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }
}
