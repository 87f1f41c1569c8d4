using Derrimut.Billing.Contracts;
using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Reports;

namespace Derrimut.Reporting.Features.Dashboard;

/// <summary>
/// The location dashboard: its figures from this node's memory while nothing they show has changed, read afresh
/// otherwise (decision 0075). The API, the <c>/admin</c> page and the franchise roll-up call it; the platform view
/// reads <see cref="LocationDashboardReader"/> directly (its totals must agree with its growth series).
/// </summary>
internal sealed class LocationDashboardHandler(ICurrentTenant tenant, IGymClock clock, DashboardFiguresCache figures, ITenantScopeFactory scopes)
{
    public async Task<DashboardDto> HandleAsync(CancellationToken cancellationToken)
    {
        var location = tenant.Tenant is { IsLocation: true } current ? current : throw new NotFoundException("The dashboard belongs to a gym's own site.");
        // A read shared by every request waiting on the same entry runs in a scope of its own: the request that
        // started it may end (or be cancelled) while the others still wait for it.
        return await figures.GetOrReadAsync(location.Id, clock.Today,
            ct => scopes.RunAsync(location, static (sp, c) => sp.GetRequiredService<LocationDashboardReader>().ReadAsync(c), ct),
            cancellationToken);
    }
}

/// <summary>
/// The location dashboard's figures: a handful of indexed counts and sums over the modules' read models for the
/// gym's local today and this month (decision 0053).
/// </summary>
internal sealed class LocationDashboardReader(
    ICurrentTenant tenant,
    IGymClock clock,
    IMembershipReadModel memberships,
    IBookingsReadModel bookings,
    IShopReadModel shop,
    IWebhookInboxReadModel webhooks,
    RevenueFigures revenue)
{
    public async Task<DashboardDto> ReadAsync(CancellationToken cancellationToken)
    {
        var location = tenant.Tenant is { IsLocation: true } current ? current : throw new NotFoundException("The dashboard belongs to a gym's own site.");
        var now = clock.UtcNow;
        var today = clock.Today;
        var day = ReportPeriod.Of(today, today, clock.Zone);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var month = ReportPeriod.Of(monthStart, monthStart.AddMonths(1).AddDays(-1), clock.Zone);

        var states = await memberships.Memberships
            .Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.PastDue)
            .GroupBy(m => new { m.Status, m.IsFrozen }).Select(g => new { g.Key.Status, g.Key.IsFrozen, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // One day of one gym's check-ins: bucketed by local hour here (the hour of a daylight-saving day is local).
        var byHour = new int[24];
        await foreach (var at in bookings.CheckIns.Where(c => c.At >= day.Start && c.At < day.End).Select(c => c.At).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            byHour[day.LocalTime(at).Hour]++;
        }

        var classes = (await bookings.Classes.Where(o => o.LocalDate == today && !o.IsCancelled)
                .Select(o => new { o.Id, o.Name, o.StartsAt, o.Capacity, o.BookedCount }).ToListAsync(cancellationToken))
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new ClassTodayDto(o.Id, o.Name, clock.ToLocal(o.StartsAt), o.Capacity, o.BookedCount, Percent(o.BookedCount, o.Capacity) ?? 0))
            .ToList();

        var ptToday = await bookings.PtSessions.CountAsync(s => s.StartsAt >= day.Start && s.StartsAt < day.End && s.Status != BookingStatus.Cancelled, cancellationToken);
        var joins = await memberships.Memberships.CountAsync(m => m.StartedAt >= month.Start && m.StartedAt < month.End, cancellationToken);
        var cancellations = await memberships.Memberships.CountAsync(
            m => m.Status == MembershipStatus.Cancelled && m.EndedAt >= month.Start && m.EndedAt < month.End, cancellationToken);
        var failed = await memberships.Ledger.Where(l => l.Kind == LedgerLineKind.FailedPayment && l.OccurredAt >= month.Start && l.OccurredAt < month.End)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Cents = g.Sum(l => l.AmountCents) }).FirstOrDefaultAsync(cancellationToken);
        var lowStock = await LowStock(shop.Stock).CountAsync(cancellationToken);
        var parked = await webhooks.Events.CountAsync(e => e.IsParked, cancellationToken);

        return new DashboardDto(
            location.Id, location.Name, today, monthStart, now,
            ActiveMembers: states.Where(s => s.Status == MembershipStatus.Active).Sum(s => s.Count),
            FrozenMembers: states.Where(s => s.IsFrozen).Sum(s => s.Count),
            PastDueMembers: states.Where(s => s.Status == MembershipStatus.PastDue).Sum(s => s.Count),
            CheckInsToday: byHour.Sum(),
            CheckInsByHour: byHour,
            ClassesToday: classes,
            ClassFillPercent: Percent(classes.Sum(c => c.Booked), classes.Sum(c => c.Capacity)),
            PtSessionsToday: ptToday,
            JoinsThisMonth: joins,
            CancellationsThisMonth: cancellations,
            RevenueThisMonth: await revenue.ReadAsync(month, cancellationToken),
            FailedPaymentsThisMonth: failed?.Count ?? 0,
            FailedPaymentsCents: failed?.Cents ?? 0,
            LowStockLines: lowStock,
            ParkedWebhooks: parked);
    }

    /// <summary>The shop's own rule for a low line: available (on hand less reserved) at or below the threshold.</summary>
    public static IQueryable<ShopStockRow> LowStock(IQueryable<ShopStockRow> stock) => stock.Where(s => s.OnHand - s.Reserved <= s.LowStockThreshold);

    public static decimal? Percent(long part, long whole) => whole <= 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
