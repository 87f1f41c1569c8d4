using Derrimut.Reporting.Data;
using Derrimut.Reporting.Features.Reports;

namespace Derrimut.Reporting.Features.RollUp;

/// <summary>
/// A report's period split by what the roll-up holds: the closed days it covers (read as one row per day) and, around
/// them, the instants read from the modules' own records (today, days not rolled up yet, days before the gym's first
/// record). With no roll-up, or a roll-up cut in another zone, the whole period is live.
/// </summary>
internal sealed record RolledPeriod(ReportPeriod Period, DateOnly? RolledFrom, DateOnly? RolledTo, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Live)
{
    public bool HasRolled => RolledFrom is not null;

    /// <summary>The local days read live (for records dated by local day, such as classes).</summary>
    public IEnumerable<(DateOnly From, DateOnly To)> LiveDays()
    {
        if (!HasRolled)
        {
            yield return (Period.From, Period.To);
            yield break;
        }

        if (Period.From < RolledFrom!.Value)
        {
            yield return (Period.From, RolledFrom.Value.AddDays(-1));
        }

        if (Period.To > RolledTo!.Value)
        {
            yield return (RolledTo.Value.AddDays(1), Period.To);
        }
    }

    /// <summary>Whether a gym's roll-up holds any days cut in this zone (otherwise everything is read live).</summary>
    public static bool Covers(RollUpState? state, TimeZoneInfo zone) =>
        state is not null && state.ZoneId == zone.Id && state.LastDay >= state.FirstDay;

    public static RolledPeriod Split(ReportPeriod period, RollUpState? state)
    {
        if (!Covers(state, period.Zone))
        {
            return new(period, null, null, [(period.Start, period.End)]);
        }

        var from = period.From > state!.FirstDay ? period.From : state.FirstDay;
        var to = period.To < state.LastDay ? period.To : state.LastDay;
        if (from > to)
        {
            return new(period, null, null, [(period.Start, period.End)]);
        }

        var live = new List<(DateTimeOffset, DateTimeOffset)>(2);
        if (period.From < from)
        {
            live.Add((period.Start, ReportPeriod.StartOf(from, period.Zone)));
        }

        if (period.To > to)
        {
            live.Add((ReportPeriod.StartOf(to.AddDays(1), period.Zone), period.End));
        }

        return new(period, from, to, live);
    }
}

/// <summary>Reads the current gym's roll-up rows for a split period (each an index range of the gym's days).</summary>
internal sealed class RollUpReader(DerrimutDbContext db)
{
    private bool _loaded;
    private RollUpState? _state;

    public async Task<RolledPeriod> SplitAsync(ReportPeriod period, CancellationToken cancellationToken) =>
        RolledPeriod.Split(period, await StateAsync(cancellationToken));

    /// <summary>
    /// Memberships running at the start of the period, from the rolled joins and ends of every day before it, when
    /// the roll-up covers all of them (it starts at the gym's oldest record, so nothing started before its first day);
    /// null when it does not (read the memberships instead).
    /// </summary>
    public async Task<int?> MembershipsRunningAtStartAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        if (!RolledPeriod.Covers(state, period.Zone) || period.From > state!.LastDay.AddDays(1))
        {
            return null;
        }

        var before = period.From;
        return await db.Set<DailyMembershipFigures>().AsNoTracking().Where(m => m.Day < before).SumAsync(m => m.Joins - m.Ends, cancellationToken);
    }

    private async Task<RollUpState?> StateAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            _state = await db.Set<RollUpState>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            _loaded = true;
        }

        return _state;
    }

    public IQueryable<DailyFigures> Days(RolledPeriod split)
    {
        var (from, to) = Range(split);
        return db.Set<DailyFigures>().AsNoTracking().Where(d => d.Day >= from && d.Day <= to);
    }

    public IQueryable<HourlyCheckIns> CheckInHours(RolledPeriod split)
    {
        var (from, to) = Range(split);
        return db.Set<HourlyCheckIns>().AsNoTracking().Where(h => h.Day >= from && h.Day <= to);
    }

    public IQueryable<DailyProductSales> ProductSales(RolledPeriod split)
    {
        var (from, to) = Range(split);
        return db.Set<DailyProductSales>().AsNoTracking().Where(p => p.Day >= from && p.Day <= to);
    }

    public IQueryable<DailyClassFigures> Classes(RolledPeriod split)
    {
        var (from, to) = Range(split);
        return db.Set<DailyClassFigures>().AsNoTracking().Where(c => c.Day >= from && c.Day <= to);
    }

    public IQueryable<DailyMembershipFigures> MembershipDays(RolledPeriod split)
    {
        var (from, to) = Range(split);
        return db.Set<DailyMembershipFigures>().AsNoTracking().Where(m => m.Day >= from && m.Day <= to);
    }

    /// <summary>Each trainer's rolled days summed (one row per trainer who worked in them).</summary>
    public async Task<List<DailyTrainerFigures>> TrainerTotalsAsync(RolledPeriod split, CancellationToken cancellationToken)
    {
        var (from, to) = Range(split);
        return await db.Set<DailyTrainerFigures>().AsNoTracking().Where(t => t.Day >= from && t.Day <= to)
            .GroupBy(t => t.TrainerId)
            .Select(g => new DailyTrainerFigures
            {
                TrainerId = g.Key,
                Delivered = g.Sum(t => t.Delivered),
                DeliveredMinutes = g.Sum(t => t.DeliveredMinutes),
                BookedMinutes = g.Sum(t => t.BookedMinutes),
                NoShows = g.Sum(t => t.NoShows),
                Cancelled = g.Sum(t => t.Cancelled),
                PaidCents = g.Sum(t => t.PaidCents),
                ClassesTaught = g.Sum(t => t.ClassesTaught),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The rolled days, or an empty range (from after to) when the period has none.</summary>
    private static (DateOnly From, DateOnly To) Range(RolledPeriod split) =>
        split.HasRolled ? (split.RolledFrom!.Value, split.RolledTo!.Value) : (DateOnly.MaxValue, DateOnly.MinValue);
}
