using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Jobs;

/// <summary>
/// Puts each scheduled price change (<see cref="PlanPriceChange"/>, recorded when an admin raised a plan's price for
/// existing members too, with the notice sent then) on the member's subscription at the gateway on its date. The
/// change is applied a day ahead of the billing date it names: Stripe drafts the renewal invoice about an hour before
/// it charges it, and the item's price at that moment is what the member pays, so applying on the day itself could
/// miss it; applying earlier would not charge early either (no proration: the current period stays at the old price).
/// A change whose membership has ended or moved to another plan is closed without touching the gateway. A gateway
/// failure is recorded on the change and retried by the next run; the same idempotency key makes a retry that Stripe
/// already carried out harmless.
/// </summary>
internal sealed class ScheduledPriceChangesJob(ITenantScopeFactory scopes, ILogger<ScheduledPriceChangesJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "MembershipScheduledPriceChanges";

    /// <summary>Every hour at twenty-five past.</summary>
    public const string DefaultSchedule = "0 25 * * * ?";

    /// <summary>How long before the billing date the new price is put on the subscription.</summary>
    public static readonly TimeSpan ApplyAhead = TimeSpan.FromDays(1);

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Pending changes are few (one per member per price rise); the date is compared in memory because SQLite
        // cannot compare DateTimeOffset columns in SQL.
        var pending = await db.Set<PlanPriceChange>().AsNoTracking().Where(c => c.AppliedAt == null)
            .Select(c => new { c.Id, c.EffectiveFrom }).ToListAsync(cancellationToken);
        var due = pending.Where(c => c.EffectiveFrom - ApplyAhead <= now).OrderBy(c => c.EffectiveFrom).Select(c => c.Id).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var gateway = services.GetRequiredService<IPaymentGateway>();
        foreach (var id in due)
        {
            try
            {
                await ApplyAsync(db, gateway, id, now, cancellationToken);
            }
            catch (Exception ex) when (ex is PaymentGatewayException or NotFoundException)
            {
                // One member's subscription in trouble must not stop the others; the next run tries again.
                logger.LogWarning(ex, "Could not apply scheduled price change {PriceChangeId}; retrying next run", id);
                db.ChangeTracker.Clear();
                var change = await db.Set<PlanPriceChange>().FirstAsync(c => c.Id == id, cancellationToken);
                change.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                logger.LogWarning(ex, "Membership of price change {PriceChangeId} changed meanwhile; retrying next run", id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task ApplyAsync(DerrimutDbContext db, IPaymentGateway gateway, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = await db.Set<PlanPriceChange>().FirstAsync(c => c.Id == id, cancellationToken);
        if (change.AppliedAt is not null)
        {
            return;
        }

        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == change.MembershipId, cancellationToken);
        var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == change.PlanId, cancellationToken);
        string action, detail;
        if (membership is null || plan is null || !membership.IsLive || membership.PlanId != change.PlanId)
        {
            // Ended, or moved to another plan, before the date: there is nothing left to re-price.
            action = "price-change-closed";
            detail = $"{Aud.Format(change.NewPriceCents)} from {change.EffectiveFrom:O} not applied: the membership ended or changed plan first.";
        }
        else if (membership.SubscriptionId is null)
        {
            action = "price-change-applied";
            detail = $"{Aud.Format(change.OldPriceCents)} → {Aud.Format(change.NewPriceCents)} from {change.EffectiveFrom:O} (no subscription at the gateway).";
        }
        else
        {
            // The plan's gateway price is the new amount only while the plan still sells at it; otherwise the new
            // amount is priced inline.
            var stripePriceId = plan.PriceCents == change.NewPriceCents ? plan.StripePriceId : null;
            await gateway.ChangeSubscriptionPriceAsync(new SubscriptionPriceChangeRequest(
                membership.TenantId,
                membership.SubscriptionId,
                new CheckoutPlan(plan.Code, plan.Name, change.NewPriceCents, plan.Interval, 0, stripePriceId),
                $"plan-price-change:{change.Id:N}"), cancellationToken);
            action = "price-change-applied";
            detail = $"{Aud.Format(change.OldPriceCents)} → {Aud.Format(change.NewPriceCents)} set at the gateway for the payment due {change.EffectiveFrom:O}.";
        }

        change.AppliedAt = now;
        change.LastError = null;
        db.Add(new MembershipAuditEntry { MembershipId = change.MembershipId, Action = action, Detail = detail, At = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
