using System.Runtime.CompilerServices;
using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Dashboard;
using Derrimut.Reporting.Features.RollUp;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>
/// The location's reports over a range of local days, each read from the owning module's read model: totals with
/// indexed counts and sums, series and heatmaps by streaming the period's timestamps into fixed buckets (memory
/// bounded by the buckets, not the rows), and the CSV detail rows streamed straight to the response.
/// </summary>
internal sealed class ReportsHandler(
    ICurrentTenant tenant,
    IGymClock clock,
    IMembershipReadModel memberships,
    IMembershipFreezeReadModel freezes,
    IBookingsReadModel bookings,
    ITrainerAvailabilityReadModel availability,
    IShopReadModel shop,
    IPayrollReadModel payroll,
    IServiceProvider services,
    RevenueFigures revenue,
    RollUpReader rollUp)
{
    public static readonly string[] Names = ["membership", "revenue", "attendance", "trainers", "shop", "payroll"];

    public async Task<ReportDto> HandleAsync(string report, string? from, string? to, string? by, CancellationToken cancellationToken)
    {
        var (name, period) = Read(report, from, to, by);
        return name switch
        {
            "membership" => await MembershipAsync(period, cancellationToken),
            "revenue" => await RevenueAsync(period, cancellationToken),
            "attendance" => await AttendanceAsync(period, cancellationToken),
            "trainers" => await TrainersAsync(period, cancellationToken),
            "shop" => await ShopAsync(period, cancellationToken),
            _ => await PayrollAsync(period, cancellationToken),
        };
    }

    /// <summary>Checks the request before a byte is written, then hands back the rows to stream.</summary>
    public CsvExport Export(string report, string? from, string? to)
    {
        var (name, period) = Read(report, from, to, null);
        var file = $"{tenant.Tenant!.Identifier}-{name}-{Csv.Date(period.From)}-to-{Csv.Date(period.To)}.csv";
        return name switch
        {
            "membership" => new(file, ["membership_id", "member_id", "plan", "status", "started", "ended", "frozen"], MembershipRows(period, default)),
            "revenue" => new(file, ["at", "stream", "kind", "reference", "amount_cents", "gst_cents"], RevenueRows(period, default)),
            "attendance" => new(file, ["check_in_id", "at", "person_id", "home_location_id", "visit_from_elsewhere"], CheckInRows(period, default)),
            "trainers" => new(file, ["session_id", "trainer", "starts", "minutes", "status", "payment", "price_cents", "gst_cents"], SessionRows(period, default)),
            "shop" => new(file, ["order", "paid", "channel", "product", "quantity", "refunded_quantity", "line_total_cents", "gst_cents"], ShopRows(period, default)),
            _ => new(file, ["pay_run", "period_start", "period_end", "paid_on", "finalised", "gross_cents", "payg_cents", "super_cents", "net_cents"], PayRunRows(period, default)),
        };
    }

    private (string Name, ReportPeriod Period) Read(string report, string? from, string? to, string? by)
    {
        if (tenant.Tenant is not { IsLocation: true })
        {
            throw new NotFoundException("Reports belong to a gym's own site.");
        }

        var name = report.Trim().ToLowerInvariant();
        if (!Names.Contains(name))
        {
            throw new NotFoundException($"There is no report '{report}'. Reports: {string.Join(", ", Names)}.");
        }

        return (name, ReportPeriod.Parse(from, to, by, clock));
    }

    // ---- membership ----

    private async Task<ReportDto> MembershipAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var buckets = period.Buckets();
        var starts = buckets.Select(b => b.Start).ToArray();
        var joinsBy = new decimal[buckets.Count];
        var cancelsBy = new decimal[buckets.Count];
        var endsBy = new long[buckets.Count];
        var planMoves = new Dictionary<string, (int Joins, int Cancellations)>(StringComparer.Ordinal);
        void Moved(int bucket, string plan, int joins, int ends, int cancellations)
        {
            joinsBy[bucket] += joins;
            endsBy[bucket] += ends;
            cancelsBy[bucket] += cancellations;
            var (j, c) = planMoves.GetValueOrDefault(plan);
            planMoves[plan] = (j + joins, c + cancellations);
        }

        // Running at the start, then each join and end in the period (MembershipMovements): closed days rolled up
        // (one row per day and plan), the rest from the memberships themselves.
        var activeAtStart = await rollUp.MembershipsRunningAtStartAsync(period, cancellationToken)
                            ?? await MembershipMovements.RunningAtAsync(memberships, period.Start, cancellationToken);
        var split = await rollUp.SplitAsync(period, cancellationToken);
        foreach (var (start, end) in split.Live)
        {
            await foreach (var join in MembershipMovements.Joins(memberships, start, end).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                Moved(Index(period, starts, join.At), join.PlanCode, 1, 0, 0);
            }

            await foreach (var ended in MembershipMovements.Ends(memberships, start, end).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                Moved(Index(period, starts, ended.At), ended.PlanCode, 0, 1, ended.Cancelled ? 1 : 0);
            }
        }

        await foreach (var day in rollUp.MembershipDays(split).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Moved(BucketIndex(starts, period.BucketOf(day.Day)), day.PlanCode, day.Joins, day.Ends, day.Cancellations);
        }

        var activeBy = new decimal[buckets.Count];
        long running = activeAtStart;
        for (var i = 0; i < buckets.Count; i++)
        {
            running += (long)joinsBy[i] - endsBy[i];
            activeBy[i] = running;
        }

        // Freezes the same way: frozen at the end of each bucket, and how many began and ended in it.
        var freezesStartedBy = new decimal[buckets.Count];
        var freezesEndedBy = new decimal[buckets.Count];
        var frozenDelta = new long[buckets.Count + 1];
        await foreach (var f in freezes.Freezes
                           .Where(f => f.StartedAt < period.End && (f.EndedAt == null || f.EndedAt >= period.Start))
                           .Select(f => new { f.StartedAt, f.EndedAt }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var first = f.StartedAt < period.Start ? 0 : Index(period, starts, f.StartedAt);
            var last = f.EndedAt is { } ended && ended < period.End ? Index(period, starts, ended) : buckets.Count;
            if (f.StartedAt >= period.Start)
            {
                freezesStartedBy[first]++;
            }

            if (last < buckets.Count)
            {
                freezesEndedBy[last]++;
            }

            frozenDelta[first]++;
            frozenDelta[last]--;
        }

        var frozenBy = new decimal[buckets.Count];
        long frozenRunning = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            frozenRunning += frozenDelta[i];
            frozenBy[i] = frozenRunning;
        }

        var joins = (int)joinsBy.Sum();
        var cancellations = (int)cancelsBy.Sum();
        var frozen = await memberships.Memberships.CountAsync(m => m.IsFrozen && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.PastDue), cancellationToken);
        // Active now by plan: an index range of the live members (TenantId, Status, IsFrozen, PlanCode), not every row.
        var activeByPlan = await memberships.Memberships.Where(m => m.Status == MembershipStatus.Active).GroupBy(m => m.PlanCode)
            .Select(g => new { Plan = g.Key, Active = g.Count() }).ToDictionaryAsync(p => p.Plan, p => p.Active, cancellationToken);
        var byPlan = activeByPlan.Keys.Union(planMoves.Keys)
            .Select(plan => (Plan: plan, Active: activeByPlan.GetValueOrDefault(plan), Moves: planMoves.GetValueOrDefault(plan))).ToList();
        var labels = buckets.Select(b => b.Label).ToList();
        return new ReportDto("membership", "Membership", period.From, period.To, period.By,
            [
                new("activeAtStart", "Live memberships at the start", activeAtStart, "count"),
                new("activeAtEnd", "Live memberships at the end", running, "count"),
                new("joins", "Joins", joins, "count"),
                new("cancellations", "Cancellations", cancellations, "count"),
                new("churnPercent", "Churn (cancellations over live at the start)", LocationDashboardReader.Percent(cancellations, activeAtStart) ?? 0, "percent"),
                new("frozenNow", "Frozen now", frozen, "count"),
                new("frozenAtEnd", "Frozen at the end", frozenRunning, "count"),
                new("freezesStarted", "Freezes started", freezesStartedBy.Sum(), "count"),
                new("freezesEnded", "Freezes ended", freezesEndedBy.Sum(), "count"),
            ],
            [
                new("active", "Live memberships", "line", labels, activeBy),
                new("joins", "Joins", "bar", labels, joinsBy),
                new("cancellations", "Cancellations", "bar", labels, cancelsBy),
                new("frozen", "Frozen", "line", labels, frozenBy),
                new("freezesStarted", "Freezes started", "bar", labels, freezesStartedBy),
                new("freezesEnded", "Freezes ended", "bar", labels, freezesEndedBy),
            ],
            [
                new("byPlan", "By plan", ["Plan", "Active now", "Joins", "Cancellations"],
                    [.. byPlan.OrderBy(p => p.Plan, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[p.Plan, Csv.Number(p.Active), Csv.Number(p.Moves.Joins), Csv.Number(p.Moves.Cancellations)])]),
            ],
            null);
    }

    private async IAsyncEnumerable<string[]> MembershipRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var m in memberships.Memberships
                           .Where(m => m.StartedAt != null && m.StartedAt < period.End && (m.EndedAt == null || m.EndedAt >= period.Start))
                           .OrderBy(m => m.StartedAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [m.Id.ToString(), m.UserId.ToString(), Csv.Text(m.PlanCode), Wire(m.Status), Csv.Local(m.StartedAt, period.Zone), Csv.Local(m.EndedAt, period.Zone), m.IsFrozen ? "yes" : "no"];
        }
    }

    // ---- revenue ----

    private async Task<ReportDto> RevenueAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var totals = await revenue.ReadAsync(period, cancellationToken);
        var buckets = period.Buckets();
        var starts = buckets.Select(b => b.Start).ToArray();
        var membershipsBy = new decimal[buckets.Count];
        var ptBy = new decimal[buckets.Count];
        var shopBy = new decimal[buckets.Count];
        var split = await rollUp.SplitAsync(period, cancellationToken);
        foreach (var (start, end) in split.Live)
        {
            await foreach (var line in memberships.Ledger
                               .Where(l => l.OccurredAt >= start && l.OccurredAt < end && (l.Kind == LedgerLineKind.Charge || l.Kind == LedgerLineKind.Refund))
                               .Select(l => new { l.OccurredAt, l.AmountCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                membershipsBy[Index(period, starts, line.OccurredAt)] += line.AmountCents;
            }

            await foreach (var session in RevenueFigures.PaidSessions(bookings.PtSessions, start, end)
                               .Select(s => new { s.StartsAt, s.PriceCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                ptBy[Index(period, starts, session.StartsAt)] += session.PriceCents;
            }

            await foreach (var order in RevenueFigures.PaidOrders(shop.Orders, start, end)
                               .Select(o => new { o.PaidAt, o.TotalCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                shopBy[Index(period, starts, order.PaidAt!.Value)] += order.TotalCents;
            }

            await foreach (var refund in shop.Refunds.Where(r => r.At >= start && r.At < end)
                               .Select(r => new { r.At, r.AmountCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                shopBy[Index(period, starts, refund.At)] -= refund.AmountCents;
            }
        }

        // Closed days from the roll-up: one row a day, the same sums (membership refunds are stored negative).
        await foreach (var day in rollUp.Days(split)
                           .Select(d => new { d.Day, Memberships = d.MembershipChargeCents + d.MembershipRefundCents, d.PtPaidCents, Shop = d.ShopSalesCents - d.ShopRefundCents })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var i = BucketIndex(starts, period.BucketOf(day.Day));
            membershipsBy[i] += day.Memberships;
            ptBy[i] += day.PtPaidCents;
            shopBy[i] += day.Shop;
        }

        var labels = buckets.Select(b => b.Label).ToList();
        var streams = new (string Name, RevenueStreamDto Stream)[] { ("Memberships", totals.Memberships), ("Personal training", totals.PersonalTraining), ("Shop", totals.Shop) };
        return new ReportDto("revenue", "Revenue", period.From, period.To, period.By,
            [
                new("membershipsCents", "Memberships (net)", totals.Memberships.NetCents, "cents"),
                new("personalTrainingCents", "Personal training (net)", totals.PersonalTraining.NetCents, "cents"),
                new("shopCents", "Shop (net)", totals.Shop.NetCents, "cents"),
                new("refundsCents", "Refunds", streams.Sum(s => s.Stream.RefundsCents), "cents"),
                new("totalCents", "Total (net of refunds)", totals.TotalCents, "cents"),
                new("gstCents", "GST collected (sales less refunds)", totals.GstCents, "cents"),
            ],
            [
                new("memberships", "Memberships", "bar", labels, membershipsBy),
                new("personalTraining", "Personal training", "bar", labels, ptBy),
                new("shop", "Shop", "bar", labels, shopBy),
            ],
            [
                new("byStream", "By stream", ["Stream", "Sales", "Refunds", "Net", "GST"],
                    [.. streams.Select(s => (IReadOnlyList<string>)[s.Name, Aud.Format(s.Stream.SalesCents), Aud.Format(s.Stream.RefundsCents), Aud.Format(s.Stream.NetCents), Aud.Format(s.Stream.GstCents)])]),
            ],
            null);
    }

    private async IAsyncEnumerable<string[]> RevenueRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var l in memberships.Ledger
                           .Where(l => l.OccurredAt >= period.Start && l.OccurredAt < period.End && (l.Kind == LedgerLineKind.Charge || l.Kind == LedgerLineKind.Refund))
                           .OrderBy(l => l.OccurredAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Local(l.OccurredAt, period.Zone), "memberships", Wire(l.Kind), Csv.Text(l.Description), Csv.Number(l.AmountCents), Csv.Number(l.GstCents)];
        }

        await foreach (var s in RevenueFigures.PaidSessions(bookings.PtSessions, period.Start, period.End).OrderBy(s => s.StartsAt)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Local(s.StartsAt, period.Zone), "personal_training", "charge", s.Id.ToString(), Csv.Number(s.PriceCents), Csv.Number(Gst.ComponentOf(s.PriceCents))];
        }

        await foreach (var o in RevenueFigures.PaidOrders(shop.Orders, period.Start, period.End).OrderBy(o => o.PaidAt)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Local(o.PaidAt, period.Zone), "shop", "charge", Csv.Text(o.Number), Csv.Number(o.TotalCents), Csv.Number(o.GstCents)];
        }

        await foreach (var r in shop.Refunds.Where(r => r.At >= period.Start && r.At < period.End).OrderBy(r => r.At)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Local(r.At, period.Zone), "shop", "refund", r.OrderId.ToString(), Csv.Number(-r.AmountCents), Csv.Number(-r.GstCents)];
        }
    }

    // ---- attendance ----

    private async Task<ReportDto> AttendanceAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var buckets = period.Buckets();
        var starts = buckets.Select(b => b.Start).ToArray();
        var checkInsBy = new decimal[buckets.Count];
        var heatmap = Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray();
        var split = await rollUp.SplitAsync(period, cancellationToken);
        foreach (var (start, end) in split.Live)
        {
            await foreach (var at in bookings.CheckIns.Where(c => c.At >= start && c.At < end).Select(c => c.At)
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var local = period.LocalTime(at);
                heatmap[DailyRollUp.HeatmapRow(DateOnly.FromDateTime(local))][local.Hour]++;
                checkInsBy[BucketIndex(starts, period.BucketOf(DateOnly.FromDateTime(local)))]++;
            }
        }

        // The rolled hours summed in the database: by day for the series, by weekday and hour for the heatmap (a year is
        // 365 and 168 rows, not 8,760).
        await foreach (var day in rollUp.CheckInHours(split).GroupBy(h => h.Day).Select(g => new { Day = g.Key, CheckIns = g.Sum(h => h.CheckIns) })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkInsBy[BucketIndex(starts, period.BucketOf(day.Day))] += day.CheckIns;
        }

        await foreach (var cell in rollUp.CheckInHours(split).GroupBy(h => new { h.Weekday, h.Hour })
                           .Select(g => new { g.Key.Weekday, g.Key.Hour, CheckIns = g.Sum(h => h.CheckIns) })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            heatmap[cell.Weekday][cell.Hour] += cell.CheckIns;
        }

        var byName = new Dictionary<string, (int Runs, long Capacity, long Booked, int Waitlisted, int NoShows, int Attended)>(StringComparer.Ordinal);
        void Add(string name, int runs, long capacity, long booked, int waitlisted, int noShows, int attended)
        {
            var now = byName.GetValueOrDefault(name);
            byName[name] = (now.Runs + runs, now.Capacity + capacity, now.Booked + booked, now.Waitlisted + waitlisted, now.NoShows + noShows, now.Attended + attended);
        }

        foreach (var (from, to) in split.LiveDays())
        {
            foreach (var c in await ClassFigures.BetweenAsync(bookings, from, to, cancellationToken))
            {
                Add(c.Name, c.Runs, c.Capacity, c.Booked, c.Waitlisted, c.NoShows, c.Attended);
            }
        }

        if (split.HasRolled)
        {
            var rolled = await rollUp.Classes(split).GroupBy(c => c.ClassName).Select(g => new
            {
                Name = g.Key, Runs = g.Sum(c => c.Runs), Capacity = g.Sum(c => c.Capacity), Booked = g.Sum(c => c.Booked),
                Waitlisted = g.Sum(c => c.Waitlisted), NoShows = g.Sum(c => c.NoShows), Attended = g.Sum(c => c.Attended),
            }).ToListAsync(cancellationToken);
            foreach (var c in rolled)
            {
                Add(c.Name, c.Runs, c.Capacity, c.Booked, c.Waitlisted, c.NoShows, c.Attended);
            }
        }

        var rows = byName.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (Name: c.Key, c.Value.Runs, c.Value.Capacity, c.Value.Booked, c.Value.Waitlisted, c.Value.NoShows, c.Value.Attended)).ToList();
        var labels = buckets.Select(b => b.Label).ToList();
        return new ReportDto("attendance", "Attendance", period.From, period.To, period.By,
            [
                new("checkIns", "Check-ins", checkInsBy.Sum(), "count"),
                new("classes", "Classes run", rows.Sum(r => r.Runs), "count"),
                new("classFillPercent", "Class fill", LocationDashboardReader.Percent(rows.Sum(r => r.Booked), rows.Sum(r => r.Capacity)) ?? 0, "percent"),
                new("waitlisted", "Waitlisted", rows.Sum(r => r.Waitlisted), "count"),
                new("noShows", "No-shows", rows.Sum(r => r.NoShows), "count"),
            ],
            [new("checkIns", "Check-ins", "bar", labels, checkInsBy)],
            [
                new("byClass", "Classes", ["Class", "Runs", "Places", "Booked", "Fill", "Attended", "Waitlisted", "No-shows"],
                    [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Csv.Number(r.Runs), Csv.Number(r.Capacity), Csv.Number(r.Booked),
                        $"{LocationDashboardReader.Percent(r.Booked, r.Capacity) ?? 0}%", Csv.Number(r.Attended), Csv.Number(r.Waitlisted), Csv.Number(r.NoShows)])]),
            ],
            heatmap);
    }

    private async IAsyncEnumerable<string[]> CheckInRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var here = tenant.Tenant!.Id;
        await foreach (var c in bookings.CheckIns.Where(c => c.At >= period.Start && c.At < period.End).OrderBy(c => c.At)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [c.Id.ToString(), Csv.Local(c.At, period.Zone), c.PersonId.ToString(), c.HomeLocationId.ToString(), c.HomeLocationId == here ? "no" : "yes"];
        }
    }

    // ---- trainers ----

    private async Task<ReportDto> TrainersAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        // Closed days rolled up (one row per trainer and day, summed in the database), the rest counted from the
        // sessions and classes themselves with the same tally.
        var tallies = new Dictionary<Guid, TrainerTally>();
        TrainerTally Of(Guid trainerId)
        {
            if (!tallies.TryGetValue(trainerId, out var tally))
            {
                tallies[trainerId] = tally = new TrainerTally();
            }

            return tally;
        }

        var split = await rollUp.SplitAsync(period, cancellationToken);
        foreach (var (start, end) in split.Live)
        {
            await foreach (var session in TrainerFigures.Sessions(bookings, start, end).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                Of(session.TrainerId).Add(session);
            }
        }

        foreach (var (from, to) in split.LiveDays())
        {
            foreach (var (_, trainerId, classes) in await TrainerFigures.ClassesTaughtAsync(bookings, from, to, clock.UtcNow, cancellationToken))
            {
                Of(trainerId).ClassesTaught += classes;
            }
        }

        foreach (var rolled in await rollUp.TrainerTotalsAsync(split, cancellationToken))
        {
            Of(rolled.TrainerId).Add(rolled);
        }

        var trainers = await bookings.Trainers.Select(t => new { t.Id, t.UserId, t.DisplayName }).ToListAsync(cancellationToken);
        var weekly = (await availability.WeeklyHours.ToListAsync(cancellationToken)).ToLookup(w => w.TrainerId);
        var exceptions = (await availability.Exceptions.Where(e => e.Date >= period.From && e.Date <= period.To).ToListAsync(cancellationToken)).ToLookup(e => e.TrainerId);

        // Earnings are what the pay module records each trainer is owed for sessions delivered (completed) in the range,
        // at their per-session rate — not what members paid. Without a pay module there is no earnings figure.
        var glance = services.GetService<ITrainerEarningsGlance>();
        var earnings = glance is null ? null : await glance.BetweenAsync([.. trainers.Select(t => t.UserId)], period.From, period.To, cancellationToken);
        var rows = new List<(string DisplayName, int Delivered, int Minutes, int BookedMinutes, long AvailableMinutes, int NoShows, int Cancelled, long PaidCents, int Classes, long? EarnedCents)>();
        foreach (var t in trainers)
        {
            var s = tallies.GetValueOrDefault(t.Id) ?? new TrainerTally();
            var earned = earnings is null ? null : (long?)earnings[t.UserId].AmountCents;
            rows.Add((t.DisplayName, s.Delivered, s.DeliveredMinutes, s.BookedMinutes,
                AvailableMinutes.Between(period.From, period.To, period.Zone, [.. weekly[t.Id]], [.. exceptions[t.Id]]),
                s.NoShows, s.Cancelled, s.PaidCents, s.ClassesTaught, earned));
        }

        rows = [.. rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture)];
        var labels = rows.Select(r => r.DisplayName).ToList();
        var available = rows.Sum(r => r.AvailableMinutes);
        return new ReportDto("trainers", "Trainers", period.From, period.To, period.By,
            [
                new("sessionsDelivered", "PT sessions delivered", rows.Sum(r => r.Delivered), "count"),
                new("noShows", "PT no-shows", rows.Sum(r => r.NoShows), "count"),
                new("classesTaught", "Classes taught", rows.Sum(r => r.Classes), "count"),
                new("availableMinutes", "Minutes available", available, "count"),
                new("bookedMinutes", "Minutes booked", rows.Sum(r => r.BookedMinutes), "count"),
                new("deliveredMinutes", "Minutes delivered", rows.Sum(r => r.Minutes), "count"),
                new("bookedPercent", "Availability booked", LocationDashboardReader.Percent(rows.Sum(r => r.BookedMinutes), available) ?? 0, "percent"),
                new("deliveredPercent", "Availability delivered", LocationDashboardReader.Percent(rows.Sum(r => r.Minutes), available) ?? 0, "percent"),
                new("earningsCents", "Trainers' earnings from delivered sessions", rows.Sum(r => r.EarnedCents ?? 0), "cents"),
                new("ptSalesCents", "PT sessions paid", rows.Sum(r => r.PaidCents), "cents"),
            ],
            [
                new("sessionsDelivered", "PT sessions delivered", "bar", labels, [.. rows.Select(r => (decimal)r.Delivered)]),
                new("deliveredPercent", "Availability delivered (%)", "bar", labels, [.. rows.Select(r => LocationDashboardReader.Percent(r.Minutes, r.AvailableMinutes) ?? 0)]),
                new("earnings", "Earnings (cents)", "bar", labels, [.. rows.Select(r => (decimal)(r.EarnedCents ?? 0))]),
            ],
            [
                new("byTrainer", "By trainer",
                    ["Trainer", "Sessions delivered", "Hours available", "Hours booked", "Hours delivered", "Booked", "Delivered", "No-shows", "Cancelled", "Classes taught", "Earnings", "PT sessions paid"],
                    [.. rows.Select(r => (IReadOnlyList<string>)[r.DisplayName, Csv.Number(r.Delivered), Hours(r.AvailableMinutes), Hours(r.BookedMinutes), Hours(r.Minutes),
                        Percent(r.BookedMinutes, r.AvailableMinutes), Percent(r.Minutes, r.AvailableMinutes),
                        Csv.Number(r.NoShows), Csv.Number(r.Cancelled), Csv.Number(r.Classes), r.EarnedCents is { } e ? Aud.Format(e) : "", Aud.Format(r.PaidCents)])]),
            ],
            null);
    }

    private static string Hours(long minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) => LocationDashboardReader.Percent(part, whole) is { } p ? $"{p}%" : "";

    private async IAsyncEnumerable<string[]> SessionRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query =
            from s in bookings.PtSessions
            join t in bookings.Trainers on s.TrainerId equals t.Id
            where s.StartsAt >= period.Start && s.StartsAt < period.End
            orderby s.StartsAt
            select new { s.Id, t.DisplayName, s.StartsAt, s.Minutes, s.Status, s.PaymentStatus, s.PriceCents };
        await foreach (var s in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var paid = s.PaymentStatus == BookingPaymentStatus.Paid ? s.PriceCents : 0;
            yield return [s.Id.ToString(), Csv.Text(s.DisplayName), Csv.Local(s.StartsAt, period.Zone), Csv.Number(s.Minutes), Wire(s.Status), Wire(s.PaymentStatus),
                Csv.Number(paid), Csv.Number(Gst.ComponentOf(paid))];
        }
    }

    // ---- shop ----

    private async Task<ReportDto> ShopAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var totals = await revenue.ReadAsync(period, cancellationToken);
        var buckets = period.Buckets();
        var starts = buckets.Select(b => b.Start).ToArray();
        var salesBy = new decimal[buckets.Count];
        var orders = 0;
        var sold = new Dictionary<(Guid ProductId, string ProductName), (long Units, long Cents, long Gst)>();
        void Sold(Guid productId, string name, long units, long cents, long gst)
        {
            var now = sold.GetValueOrDefault((productId, name));
            sold[(productId, name)] = (now.Units + units, now.Cents + cents, now.Gst + gst);
        }

        var split = await rollUp.SplitAsync(period, cancellationToken);
        foreach (var (start, end) in split.Live)
        {
            var paid = RevenueFigures.PaidOrders(shop.Orders, start, end);
            orders += await paid.CountAsync(cancellationToken);
            var live = await (
                    from l in shop.OrderLines
                    join o in paid on l.OrderId equals o.Id
                    group l by new { l.ProductId, l.ProductName } into g
                    select new { g.Key.ProductId, g.Key.ProductName, Units = g.Sum(l => l.Quantity), Cents = g.Sum(l => l.LineTotalCents), Gst = g.Sum(l => l.GstCents) })
                .ToListAsync(cancellationToken);
            foreach (var p in live)
            {
                Sold(p.ProductId, p.ProductName, p.Units, p.Cents, p.Gst);
            }

            await foreach (var o in paid.Select(o => new { o.PaidAt, o.TotalCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                salesBy[Index(period, starts, o.PaidAt!.Value)] += o.TotalCents;
            }
        }

        if (split.HasRolled)
        {
            var rolledProducts = await rollUp.ProductSales(split).GroupBy(p => new { p.ProductId, p.ProductName })
                .Select(g => new { g.Key.ProductId, g.Key.ProductName, Units = g.Sum(p => p.Units), Cents = g.Sum(p => p.LineTotalCents), Gst = g.Sum(p => p.GstCents) })
                .ToListAsync(cancellationToken);
            foreach (var p in rolledProducts)
            {
                Sold(p.ProductId, p.ProductName, p.Units, p.Cents, p.Gst);
            }

            await foreach (var day in rollUp.Days(split).Select(d => new { d.Day, d.ShopOrdersPaid, d.ShopSalesCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                orders += day.ShopOrdersPaid;
                salesBy[BucketIndex(starts, period.BucketOf(day.Day))] += day.ShopSalesCents;
            }
        }

        var byProduct = sold.Select(p => (p.Key.ProductId, p.Key.ProductName, p.Value.Units, p.Value.Cents, p.Value.Gst)).ToList();
        var categories = await shop.Stock.Select(s => new { s.ProductId, s.Category }).Distinct().ToListAsync(cancellationToken);
        var stock = await shop.Stock.Select(s => new { s.OnHand, s.PriceCents }).ToListAsync(cancellationToken);
        var stockValue = stock.Sum(s => (long)Math.Max(s.OnHand, 0) * s.PriceCents);
        var byCategory = byProduct
            .GroupBy(p => categories.FirstOrDefault(c => c.ProductId == p.ProductId)?.Category.ToString().ToLowerInvariant() ?? "other")
            .Select(g => (Category: g.Key, Units: g.Sum(p => p.Units), Cents: g.Sum(p => p.Cents)))
            .OrderBy(c => c.Category, StringComparer.Ordinal).ToList();

        var products = byProduct.OrderByDescending(p => p.Cents).ThenBy(p => p.ProductName, StringComparer.Ordinal).ToList();
        return new ReportDto("shop", "Shop", period.From, period.To, period.By,
            [
                new("orders", "Paid orders", orders, "count"),
                new("salesCents", "Sales", totals.Shop.SalesCents, "cents"),
                new("refundsCents", "Refunds", totals.Shop.RefundsCents, "cents"),
                new("gstCents", "GST collected (sales less refunds)", totals.Shop.GstCents, "cents"),
                new("stockValueCents", "Stock on hand at sale prices", stockValue, "cents"),
            ],
            [
                new("sales", "Sales", "bar", [.. buckets.Select(b => b.Label)], salesBy),
                new("byCategory", "Sales by category", "bar", [.. byCategory.Select(c => c.Category)], [.. byCategory.Select(c => (decimal)c.Cents)]),
            ],
            [
                new("byProduct", "By product", ["Product", "Units", "Sales", "GST"],
                    [.. products.Select(p => (IReadOnlyList<string>)[p.ProductName, Csv.Number(p.Units), Aud.Format(p.Cents), Aud.Format(p.Gst)])]),
                new("byCategory", "By category", ["Category", "Units", "Sales"],
                    [.. byCategory.Select(c => (IReadOnlyList<string>)[c.Category, Csv.Number(c.Units), Aud.Format(c.Cents)])]),
            ],
            null);
    }

    private async IAsyncEnumerable<string[]> ShopRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query =
            from l in shop.OrderLines
            join o in RevenueFigures.PaidOrders(shop.Orders, period.Start, period.End) on l.OrderId equals o.Id
            orderby o.PaidAt, o.Number
            select new { o.Number, o.PaidAt, o.Channel, l.ProductName, l.Quantity, l.RefundedQuantity, l.LineTotalCents, l.GstCents };
        await foreach (var l in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Text(l.Number), Csv.Local(l.PaidAt, period.Zone), l.Channel.ToString().ToLowerInvariant(), Csv.Text(l.ProductName), Csv.Number(l.Quantity),
                Csv.Number(l.RefundedQuantity), Csv.Number(l.LineTotalCents), Csv.Number(l.GstCents)];
        }
    }

    // ---- payroll ----

    private async Task<ReportDto> PayrollAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var runs = (await payroll.PayRuns.Where(r => r.PaidOn >= period.From && r.PaidOn <= period.To).ToListAsync(cancellationToken))
            .OrderBy(r => r.PaidOn).ThenBy(r => r.Number).ToList();
        var finalised = runs.Where(r => r.IsFinalised).ToList();
        var labels = finalised.Select(r => Csv.Date(r.PaidOn)).ToList();
        return new ReportDto("payroll", "Payroll", period.From, period.To, period.By,
            [
                new("payRuns", "Finalised pay runs", finalised.Count, "count"),
                new("grossCents", "Gross", finalised.Sum(r => r.GrossCents), "cents"),
                new("paygCents", "PAYG withheld", finalised.Sum(r => r.WithholdingCents), "cents"),
                new("superCents", "Super", finalised.Sum(r => r.SuperCents), "cents"),
                new("netCents", "Net", finalised.Sum(r => r.NetCents), "cents"),
            ],
            [
                new("gross", "Gross", "bar", labels, [.. finalised.Select(r => (decimal)r.GrossCents)]),
                new("payg", "PAYG", "bar", labels, [.. finalised.Select(r => (decimal)r.WithholdingCents)]),
                new("super", "Super", "bar", labels, [.. finalised.Select(r => (decimal)r.SuperCents)]),
            ],
            [
                new("byRun", "Pay runs (drafts and approved runs may still change; totals count finalised runs)",
                    ["Run", "Period", "Paid on", "Finalised", "Gross", "PAYG", "Super", "Net"],
                    [.. runs.Select(r => (IReadOnlyList<string>)[Csv.Number(r.Number), $"{Csv.Date(r.PeriodStart)} to {Csv.Date(r.PeriodEnd)}", Csv.Date(r.PaidOn),
                        r.IsFinalised ? "yes" : "no", Aud.Format(r.GrossCents), Aud.Format(r.WithholdingCents), Aud.Format(r.SuperCents), Aud.Format(r.NetCents)])]),
            ],
            null);
    }

    private async IAsyncEnumerable<string[]> PayRunRows(ReportPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in payroll.PayRuns.Where(r => r.PaidOn >= period.From && r.PaidOn <= period.To).OrderBy(r => r.PaidOn).ThenBy(r => r.Number)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [Csv.Number(r.Number), Csv.Date(r.PeriodStart), Csv.Date(r.PeriodEnd), Csv.Date(r.PaidOn), r.IsFinalised ? "yes" : "no",
                Csv.Number(r.GrossCents), Csv.Number(r.WithholdingCents), Csv.Number(r.SuperCents), Csv.Number(r.NetCents)];
        }
    }

    // ---- buckets ----

    private static int Index(ReportPeriod period, DateOnly[] starts, DateTimeOffset instant) => BucketIndex(starts, period.BucketOf(period.LocalDate(instant)));

    /// <summary>The bucket a bucket start belongs to (clamped: a row at the edge never falls outside the series).</summary>
    private static int BucketIndex(DateOnly[] starts, DateOnly bucketStart)
    {
        var i = Array.BinarySearch(starts, bucketStart);
        return i >= 0 ? i : Math.Clamp(~i - 1, 0, starts.Length - 1);
    }

    private static string Wire<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
