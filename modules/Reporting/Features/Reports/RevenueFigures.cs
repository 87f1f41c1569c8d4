using Derrimut.Bookings.Contracts;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Reporting.Contracts;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>
/// Money by stream over a period, each from its module's own records: memberships from the members' ledger (charges
/// and refunds by when they happened), PT from paid sessions (by the session's start: a session has no separate
/// paid-at time, and refunded sessions leave the paid state), the shop from paid orders (by when paid) and their
/// refunds (by when refunded). GST is what each record carries, or one eleventh of a PT session's GST-inclusive price;
/// the GST of a refund is taken off the GST collected in the period the refund happened (an adjustment, as on a BAS).
/// </summary>
internal sealed class RevenueFigures(IMembershipReadModel memberships, IBookingsReadModel bookings, IShopReadModel shop)
{
    public async Task<RevenueDto> ReadAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var ledger = memberships.Ledger.Where(l => l.OccurredAt >= start && l.OccurredAt < end);
        var charges = await ledger.Where(l => l.Kind == LedgerLineKind.Charge)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(l => l.AmountCents), Gst = g.Sum(l => l.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        // Refund lines are negative, their GST too: what goes back is taken off what was collected.
        var refunds = await ledger.Where(l => l.Kind == LedgerLineKind.Refund)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(l => l.AmountCents), Gst = g.Sum(l => l.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        var membershipStream = Stream(charges?.Cents ?? 0, -(refunds?.Cents ?? 0), (charges?.Gst ?? 0) + (refunds?.Gst ?? 0));

        // Grouped by price so GST is one eleventh of each session's price, exactly as each receipt shows it.
        var ptByPrice = await PaidSessions(bookings.PtSessions, start, end)
            .GroupBy(s => s.PriceCents).Select(g => new { Price = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ptStream = Stream(ptByPrice.Sum(p => p.Price * p.Count), 0, ptByPrice.Sum(p => Gst.ComponentOf(p.Price) * p.Count));

        var sales = await PaidOrders(shop.Orders, start, end)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(o => o.TotalCents), Gst = g.Sum(o => o.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        var shopRefunds = await shop.Refunds.Where(r => r.At >= start && r.At < end)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(r => r.AmountCents), Gst = g.Sum(r => r.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        var shopStream = Stream(sales?.Cents ?? 0, shopRefunds?.Cents ?? 0, (sales?.Gst ?? 0) - (shopRefunds?.Gst ?? 0));

        return new RevenueDto(membershipStream, ptStream, shopStream,
            membershipStream.NetCents + ptStream.NetCents + shopStream.NetCents, membershipStream.GstCents + ptStream.GstCents + shopStream.GstCents);
    }

    public static IQueryable<PtSessionRow> PaidSessions(IQueryable<PtSessionRow> sessions, DateTimeOffset start, DateTimeOffset end) =>
        sessions.Where(s => s.PaymentStatus == BookingPaymentStatus.Paid && s.PriceCents > 0 && s.StartsAt >= start && s.StartsAt < end);

    public static IQueryable<ShopOrderRow> PaidOrders(IQueryable<ShopOrderRow> orders, DateTimeOffset start, DateTimeOffset end) =>
        orders.Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end);

    private static RevenueStreamDto Stream(long sales, long refunds, long gst) => new(sales, refunds, sales - refunds, gst);
}
