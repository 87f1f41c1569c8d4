using Derrimut.Bookings.Contracts;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.RollUp;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>
/// Money by stream over a period, each from its module's own records: memberships from the members' ledger (charges
/// and refunds by when they happened), PT from paid sessions (by the session's start: a session has no separate
/// paid-at time, and refunded sessions leave the paid state), the shop from paid orders (by when paid) and their
/// refunds (by when refunded). GST is what each record carries, or one eleventh of a PT session's GST-inclusive price;
/// the GST of a refund is taken off the GST collected in the period the refund happened (an adjustment, as on a BAS).
/// Closed days the roll-up holds are read from it (the same sums, kept per day; decision 0073), the rest live.
/// </summary>
internal sealed class RevenueFigures(IMembershipReadModel memberships, IBookingsReadModel bookings, IShopReadModel shop, RollUpReader rollUp)
{
    public async Task<RevenueDto> ReadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var split = await rollUp.SplitAsync(period, cancellationToken);
        var sums = new Sums();
        foreach (var (start, end) in split.Live)
        {
            sums += await LiveAsync(start, end, cancellationToken);
        }

        if (split.HasRolled)
        {
            var rolled = await rollUp.Days(split).GroupBy(_ => 1).Select(g => new Sums(
                    g.Sum(d => d.MembershipChargeCents), g.Sum(d => d.MembershipChargeGstCents), g.Sum(d => d.MembershipRefundCents), g.Sum(d => d.MembershipRefundGstCents),
                    g.Sum(d => d.PtPaidCents), g.Sum(d => d.PtGstCents),
                    g.Sum(d => d.ShopSalesCents), g.Sum(d => d.ShopSalesGstCents), g.Sum(d => d.ShopRefundCents), g.Sum(d => d.ShopRefundGstCents)))
                .FirstOrDefaultAsync(cancellationToken);
            sums += rolled ?? new Sums();
        }

        // Membership refund lines are negative, their GST too: what goes back is taken off what was collected.
        var membershipStream = Stream(sums.ChargeCents, -sums.RefundCents, sums.ChargeGstCents + sums.RefundGstCents);
        var ptStream = Stream(sums.PtCents, 0, sums.PtGstCents);
        var shopStream = Stream(sums.ShopCents, sums.ShopRefundCents, sums.ShopGstCents - sums.ShopRefundGstCents);
        return new RevenueDto(membershipStream, ptStream, shopStream,
            membershipStream.NetCents + ptStream.NetCents + shopStream.NetCents, membershipStream.GstCents + ptStream.GstCents + shopStream.GstCents);
    }

    /// <summary>The sums over [start, end) from the modules' own records, each as its source stores it.</summary>
    private async Task<Sums> LiveAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // Charges and refunds in one pass over the period's ledger lines (one round trip, not two).
        var ledger = await memberships.Ledger.Where(l => l.OccurredAt >= start && l.OccurredAt < end && (l.Kind == LedgerLineKind.Charge || l.Kind == LedgerLineKind.Refund))
            .GroupBy(l => l.Kind).Select(g => new { Kind = g.Key, Cents = g.Sum(l => l.AmountCents), Gst = g.Sum(l => l.GstCents) })
            .ToListAsync(cancellationToken);
        var charges = ledger.FirstOrDefault(l => l.Kind == LedgerLineKind.Charge);
        var refunds = ledger.FirstOrDefault(l => l.Kind == LedgerLineKind.Refund);

        // Grouped by price so GST is one eleventh of each session's price, exactly as each receipt shows it.
        var ptByPrice = await PaidSessions(bookings.PtSessions, start, end)
            .GroupBy(s => s.PriceCents).Select(g => new { Price = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var sales = await PaidOrders(shop.Orders, start, end)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(o => o.TotalCents), Gst = g.Sum(o => o.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        var shopRefunds = await shop.Refunds.Where(r => r.At >= start && r.At < end)
            .GroupBy(_ => 1).Select(g => new { Cents = g.Sum(r => r.AmountCents), Gst = g.Sum(r => r.GstCents) })
            .FirstOrDefaultAsync(cancellationToken);
        return new Sums(charges?.Cents ?? 0, charges?.Gst ?? 0, refunds?.Cents ?? 0, refunds?.Gst ?? 0,
            ptByPrice.Sum(p => p.Price * p.Count), ptByPrice.Sum(p => Gst.ComponentOf(p.Price) * p.Count),
            sales?.Cents ?? 0, sales?.Gst ?? 0, shopRefunds?.Cents ?? 0, shopRefunds?.Gst ?? 0);
    }

    public static IQueryable<PtSessionRow> PaidSessions(IQueryable<PtSessionRow> sessions, DateTimeOffset start, DateTimeOffset end) =>
        sessions.Where(s => s.PaymentStatus == BookingPaymentStatus.Paid && s.PriceCents > 0 && s.StartsAt >= start && s.StartsAt < end);

    public static IQueryable<ShopOrderRow> PaidOrders(IQueryable<ShopOrderRow> orders, DateTimeOffset start, DateTimeOffset end) =>
        orders.Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end);

    private static RevenueStreamDto Stream(long sales, long refunds, long gst) => new(sales, refunds, sales - refunds, gst);

    /// <summary>Money over some days as the sources store it (membership refunds negative, shop refunds positive).</summary>
    private sealed record Sums(
        long ChargeCents = 0, long ChargeGstCents = 0, long RefundCents = 0, long RefundGstCents = 0, long PtCents = 0, long PtGstCents = 0,
        long ShopCents = 0, long ShopGstCents = 0, long ShopRefundCents = 0, long ShopRefundGstCents = 0)
    {
        public static Sums operator +(Sums a, Sums b) => new(
            a.ChargeCents + b.ChargeCents, a.ChargeGstCents + b.ChargeGstCents, a.RefundCents + b.RefundCents, a.RefundGstCents + b.RefundGstCents,
            a.PtCents + b.PtCents, a.PtGstCents + b.PtGstCents, a.ShopCents + b.ShopCents, a.ShopGstCents + b.ShopGstCents,
            a.ShopRefundCents + b.ShopRefundCents, a.ShopRefundGstCents + b.ShopRefundGstCents);
    }
}
