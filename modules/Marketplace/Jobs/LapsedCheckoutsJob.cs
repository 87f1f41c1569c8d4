using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Marketplace.Features.Checkout;

namespace Derrimut.Marketplace.Jobs;

/// <summary>
/// Gives stock back from shop orders that will never be paid: a pending order whose checkout has lapsed (the gateway's
/// expiry event normally cancels it; this is the backstop when that event never comes) and a pending order whose
/// checkout never opened (the node that placed it died, or the database went away, between the order's commit and its
/// checkout; a retry with the same key is told the order was made, decision 0081, and does not open one). The latter
/// waits <see cref="CheckoutNeverOpenedGrace"/> first, longer than any placement takes.
/// </summary>
internal sealed class LapsedCheckoutsJob(ITenantScopeFactory scopes, ILogger<LapsedCheckoutsJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "ShopLapsedCheckouts";

    /// <summary>Every 5 minutes: reserved units nobody can pay for should go back on the shelf soon.</summary>
    public const string DefaultSchedule = "0 4/5 * * * ?";

    /// <summary>How long an order without a checkout waits before its stock goes back on the shelf.</summary>
    internal static readonly TimeSpan CheckoutNeverOpenedGrace = TimeSpan.FromMinutes(15);

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var unpaid = services.GetRequiredService<UnpaidOrders>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var neverOpenedBefore = now - CheckoutNeverOpenedGrace;
        var lapsed = await db.Set<Order>().AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending
                        && ((o.CheckoutExpiresAt != null && o.CheckoutExpiresAt <= now) || (o.CheckoutSessionId == null && o.CreatedAt <= neverOpenedBefore)))
            .Select(o => new { o.Id, Opened = o.CheckoutSessionId != null })
            .ToListAsync(cancellationToken);
        foreach (var order in lapsed)
        {
            await unpaid.CancelAsync(order.Id, order.Opened ? "The checkout expired without payment." : "The payment was never started.", cancellationToken);
        }
    }
}
