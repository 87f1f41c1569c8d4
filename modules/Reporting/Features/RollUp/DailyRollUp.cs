using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Reporting.Data;
using Derrimut.Reporting.Features.Reports;

namespace Derrimut.Reporting.Features.RollUp;

/// <summary>What one gym's roll-up run did.</summary>
/// <param name="FirstDay">The first day the roll-up now covers.</param>
/// <param name="LastDay">The last (closed) day it now covers.</param>
/// <param name="DaysRebuilt">Days summed again in this run.</param>
internal sealed record RollUpRun(DateOnly FirstDay, DateOnly LastDay, int DaysRebuilt);

/// <summary>
/// Sums the current gym's closed local days into the Reporting module's daily tables (decision 0073), from the same
/// read contracts and with the same rules as the live reports, so a report reads a year as 365 rows. A first run
/// starts at the gym's earliest record; later runs sum again the last <see cref="RecheckDays"/> days (a Stripe event
/// retried for up to three days, a PT session paid after it was held) and the days closed since, and start again from
/// the earliest record when older ones have appeared (an imported history), and sums again any older day whose PT
/// sessions changed since the last run (a session marked delivered weeks late). Each batch of days
/// is replaced and the state moved in one transaction, so a report sees either the old rows or the new, never half.
/// </summary>
internal sealed class DailyRollUp(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IGymClock clock,
    IMembershipReadModel memberships,
    IBookingsReadModel bookings,
    IShopReadModel shop)
{
    /// <summary>Closed days summed again on every run, for records that arrive or change after their day.</summary>
    public const int RecheckDays = 7;

    /// <summary>Days replaced per transaction (bounded work and locks per step of a first run over years).</summary>
    private const int DaysPerBatch = 92;

    /// <summary>
    /// How far before the last run's start changed sessions are looked for: a change stamped just before a run began
    /// but committed after the run read its day was not in that run's sums.
    /// </summary>
    public static readonly TimeSpan LateChangeMargin = TimeSpan.FromMinutes(5);

    public async Task<RollUpRun> RunAsync(CancellationToken cancellationToken)
    {
        var location = tenant.Tenant is { IsLocation: true } current ? current : throw new InvalidOperationException("A roll-up runs in a gym's own scope.");
        var zone = clock.Zone;
        var lastClosed = clock.Today.AddDays(-1);
        // Taken before anything is read, and kept as the state's UpdatedAt: the next run looks for PT sessions changed
        // from here on (less LateChangeMargin) on days already summed.
        var runStarted = clock.UtcNow;
        var state = await db.Set<RollUpState>().SingleOrDefaultAsync(cancellationToken);
        if (state is not null && state.ZoneId != zone.Id)
        {
            // The gym's days are cut differently now: start again from nothing.
            await ClearAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
            db.Remove(state);
            await db.SaveChangesAsync(cancellationToken);
            state = null;
        }

        DateOnly from;
        DateOnly? olderFirstDay = null;
        IReadOnlyList<DateOnly> lateDays = [];
        var earliest = await EarliestDayAsync(zone, cancellationToken) ?? clock.Today;
        if (state is null)
        {
            from = earliest;
            state = new RollUpState { TenantId = location.Id, FranchiseId = location.FranchiseId, ZoneId = zone.Id, FirstDay = earliest, LastDay = earliest.AddDays(-1) };
            db.Add(state);
        }
        else if (earliest < state.FirstDay)
        {
            // Records older than anything rolled up so far (a gym's history imported after it opened here): sum
            // from them through every day since; the older days count as covered only once all are summed.
            from = earliest;
            olderFirstDay = earliest;
        }
        else
        {
            from = Max(state.FirstDay, state.LastDay.AddDays(1 - RecheckDays));
            lateDays = await LateChangedDaysAsync(state, from, zone, cancellationToken);
        }

        var rebuilt = 0;
        async Task ReplaceAsync(DateOnly first, DateOnly last)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await ClearAsync(first, last, ct);
                await SumAsync(location, ReportPeriod.Of(first, last, zone), ct);
                state.LastDay = Max(state.LastDay, last);
                state.UpdatedAt = runStarted;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(state);
            rebuilt += last.DayNumber - first.DayNumber + 1;
        }

        // Older days whose sessions changed since the last run (a session marked delivered or missed, or refunded,
        // more than a week after its day), each summed again whole.
        foreach (var day in lateDays)
        {
            await ReplaceAsync(day, day);
        }

        for (var batchStart = from; batchStart <= lastClosed; batchStart = batchStart.AddDays(DaysPerBatch))
        {
            await ReplaceAsync(batchStart, Min(batchStart.AddDays(DaysPerBatch - 1), lastClosed));
        }

        if (olderFirstDay is { } first)
        {
            state.FirstDay = first;
        }

        if (db.Entry(state).State != EntityState.Unchanged)
        {
            // Nothing closed yet (a gym that opened today: remember where it starts), or older days now covered.
            state.UpdatedAt = runStarted;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RollUpRun(state.FirstDay, state.LastDay, rebuilt);
    }

    private async Task ClearAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await db.Set<DailyFigures>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<HourlyCheckIns>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyProductSales>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyClassFigures>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyMembershipFigures>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyTrainerFigures>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The covered days before <paramref name="from"/> holding a PT session that changed since the last run began
    /// (an index range on the sessions' change time): their rolled trainer and revenue figures are out of date.
    /// </summary>
    private async Task<IReadOnlyList<DateOnly>> LateChangedDaysAsync(RollUpState state, DateOnly from, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var since = state.UpdatedAt - LateChangeMargin;
        var first = ReportPeriod.StartOf(state.FirstDay, zone);
        var before = ReportPeriod.StartOf(from, zone);
        var starts = await bookings.PtSessions.Where(s => s.UpdatedAt >= since && s.StartsAt >= first && s.StartsAt < before)
            .Select(s => s.StartsAt).ToListAsync(cancellationToken);
        return [.. starts.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s, zone).DateTime)).Distinct().Order()];
    }

    /// <summary>The local day of the gym's oldest record of any kind the roll-up sums (each a MIN over an index).</summary>
    private async Task<DateOnly?> EarliestDayAsync(TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        DateTimeOffset?[] firsts =
        [
            await bookings.CheckIns.MinAsync(c => (DateTimeOffset?)c.At, cancellationToken),
            await memberships.Ledger.MinAsync(l => (DateTimeOffset?)l.OccurredAt, cancellationToken),
            await memberships.Memberships.MinAsync(m => m.StartedAt, cancellationToken),
            await bookings.PtSessions.MinAsync(s => (DateTimeOffset?)s.StartsAt, cancellationToken),
            await shop.Orders.MinAsync(o => o.PaidAt, cancellationToken),
            await shop.Refunds.MinAsync(r => (DateTimeOffset?)r.At, cancellationToken),
        ];
        var first = firsts.Where(f => f is not null).Min();
        return first is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime) : null;
    }

    /// <summary>Sums one batch of days into new rows (streamed: memory is the batch's days, never its records).</summary>
    private async Task SumAsync(TenantInfo location, ReportPeriod period, CancellationToken cancellationToken)
    {
        var days = new Dictionary<DateOnly, DailyFigures>();
        DailyFigures Day(DateTimeOffset at)
        {
            var day = period.LocalDate(at);
            if (!days.TryGetValue(day, out var figures))
            {
                days[day] = figures = new DailyFigures { TenantId = location.Id, FranchiseId = location.FranchiseId, Day = day };
            }

            return figures;
        }

        await foreach (var line in memberships.Ledger
                           .Where(l => l.OccurredAt >= period.Start && l.OccurredAt < period.End && (l.Kind == LedgerLineKind.Charge || l.Kind == LedgerLineKind.Refund))
                           .Select(l => new { l.OccurredAt, l.Kind, l.AmountCents, l.GstCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var d = Day(line.OccurredAt);
            if (line.Kind == LedgerLineKind.Charge)
            {
                d.MembershipChargeCents += line.AmountCents;
                d.MembershipChargeGstCents += line.GstCents;
            }
            else
            {
                d.MembershipRefundCents += line.AmountCents;
                d.MembershipRefundGstCents += line.GstCents;
            }
        }

        await foreach (var session in RevenueFigures.PaidSessions(bookings.PtSessions, period.Start, period.End)
                           .Select(s => new { s.StartsAt, s.PriceCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var d = Day(session.StartsAt);
            d.PtSessionsPaid++;
            d.PtPaidCents += session.PriceCents;
            d.PtGstCents += Gst.ComponentOf(session.PriceCents);
        }

        await foreach (var order in RevenueFigures.PaidOrders(shop.Orders, period.Start, period.End)
                           .Select(o => new { o.PaidAt, o.TotalCents, o.GstCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var d = Day(order.PaidAt!.Value);
            d.ShopOrdersPaid++;
            d.ShopSalesCents += order.TotalCents;
            d.ShopSalesGstCents += order.GstCents;
        }

        await foreach (var refund in shop.Refunds.Where(r => r.At >= period.Start && r.At < period.End)
                           .Select(r => new { r.At, r.AmountCents, r.GstCents }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var d = Day(refund.At);
            d.ShopRefundCents += refund.AmountCents;
            d.ShopRefundGstCents += refund.GstCents;
        }

        var hours = new Dictionary<(DateOnly Day, int Hour), int>();
        await foreach (var at in bookings.CheckIns.Where(c => c.At >= period.Start && c.At < period.End).Select(c => c.At)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var local = period.LocalTime(at);
            var key = (DateOnly.FromDateTime(local), local.Hour);
            hours[key] = hours.GetValueOrDefault(key) + 1;
        }

        var products = new Dictionary<(DateOnly Day, Guid ProductId, string Name), DailyProductSales>();
        var lines =
            from l in shop.OrderLines
            join o in RevenueFigures.PaidOrders(shop.Orders, period.Start, period.End) on l.OrderId equals o.Id
            select new { o.PaidAt, l.ProductId, l.ProductName, l.Quantity, l.LineTotalCents, l.GstCents };
        await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (period.LocalDate(line.PaidAt!.Value), line.ProductId, line.ProductName);
            if (!products.TryGetValue(key, out var sales))
            {
                products[key] = sales = new DailyProductSales
                {
                    TenantId = location.Id, FranchiseId = location.FranchiseId, Day = key.Item1, ProductId = line.ProductId, ProductName = line.ProductName,
                };
            }

            sales.Units += line.Quantity;
            sales.LineTotalCents += line.LineTotalCents;
            sales.GstCents += line.GstCents;
        }

        db.AddRange((await ClassFigures.BetweenAsync(bookings, period.From, period.To, cancellationToken)).Select(c => new DailyClassFigures
        {
            TenantId = location.Id, FranchiseId = location.FranchiseId, Day = c.Day, ClassName = c.Name, Runs = c.Runs, Capacity = c.Capacity,
            Booked = c.Booked, Waitlisted = c.Waitlisted, NoShows = c.NoShows, Attended = c.Attended,
        }));

        var plans = new Dictionary<(DateOnly Day, string Plan), DailyMembershipFigures>();
        DailyMembershipFigures Plan(DateTimeOffset at, string plan)
        {
            var key = (period.LocalDate(at), plan);
            if (!plans.TryGetValue(key, out var figures))
            {
                plans[key] = figures = new DailyMembershipFigures { TenantId = location.Id, FranchiseId = location.FranchiseId, Day = key.Item1, PlanCode = plan };
            }

            return figures;
        }

        await foreach (var join in MembershipMovements.Joins(memberships, period.Start, period.End).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Plan(join.At, join.PlanCode).Joins++;
        }

        await foreach (var end in MembershipMovements.Ends(memberships, period.Start, period.End).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var figures = Plan(end.At, end.PlanCode);
            figures.Ends++;
            figures.Cancellations += end.Cancelled ? 1 : 0;
        }

        var trainers = new Dictionary<(DateOnly Day, Guid TrainerId), TrainerTally>();
        TrainerTally Trainer(DateOnly day, Guid trainerId)
        {
            if (!trainers.TryGetValue((day, trainerId), out var tally))
            {
                trainers[(day, trainerId)] = tally = new TrainerTally();
            }

            return tally;
        }

        await foreach (var session in TrainerFigures.Sessions(bookings, period.Start, period.End).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Trainer(period.LocalDate(session.StartsAt), session.TrainerId).Add(session);
        }

        foreach (var (day, trainerId, classes) in await TrainerFigures.ClassesTaughtAsync(bookings, period.From, period.To, clock.UtcNow, cancellationToken))
        {
            Trainer(day, trainerId).ClassesTaught += classes;
        }

        foreach (var ((day, trainerId), tally) in trainers)
        {
            var row = new DailyTrainerFigures { TenantId = location.Id, FranchiseId = location.FranchiseId, Day = day, TrainerId = trainerId };
            tally.CopyTo(row);
            db.Add(row);
        }

        db.AddRange(plans.Values);
        db.AddRange(days.Values);
        db.AddRange(hours.Select(h => new HourlyCheckIns
        {
            TenantId = location.Id, FranchiseId = location.FranchiseId, Day = h.Key.Day, Hour = h.Key.Hour, Weekday = HeatmapRow(h.Key.Day), CheckIns = h.Value,
        }));
        db.AddRange(products.Values);
    }

    /// <summary>The attendance heatmap's row for a day: Monday 0 to Sunday 6.</summary>
    public static int HeatmapRow(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
