using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Bookings.Contracts;
using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.TrainerSessions;

/// <summary>
/// A trainer's delivered sessions per pay period, from Payroll's own records (the payables Bookings' completion events
/// created): finalised runs show what was paid (the payslip's commission lines), the rest waits for the next pay run
/// at the current per-session rate. Also answers Bookings' <see cref="ITrainerEarningsGlance"/> for the dashboard.
/// </summary>
internal sealed class TrainerEarningsHandler(DerrimutDbContext db) : ITrainerEarningsGlance
{
    /// <summary>How far back the page goes: a financial year of fortnights and a little more.</summary>
    public const int MaxPeriods = 30;

    public async Task<IReadOnlyList<TrainerEarningsPeriodDto>> HandleAsync(Guid trainerPersonId, CancellationToken cancellationToken)
    {
        var sessions = await db.Set<CompletedSession>().AsNoTracking().Where(c => c.TrainerUserId == trainerPersonId)
            .Select(c => new { c.SessionId, c.CompletedOn, c.Description, c.PaidInRunId }).ToListAsync(cancellationToken);
        var runIds = sessions.Where(s => s.PaidInRunId != null).Select(s => s.PaidInRunId!.Value).Distinct().ToList();
        var runs = await db.Set<PayRun>().AsNoTracking().Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.PeriodStart, r.PeriodEnd, r.PaidOn }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.UserId == trainerPersonId && runIds.Contains(p.PayRunId)).ToListAsync(cancellationToken);
        var currentRate = await CurrentRateAsync(trainerPersonId, cancellationToken);

        var result = new List<TrainerEarningsPeriodDto>();
        var unpaid = sessions.Where(s => s.PaidInRunId is null).OrderByDescending(s => s.CompletedOn).ToList();
        if (unpaid.Count > 0)
        {
            result.Add(new TrainerEarningsPeriodDto(unpaid.Min(s => s.CompletedOn), unpaid.Max(s => s.CompletedOn), null, null, unpaid.Count,
                Dollars(currentRate), Dollars((currentRate ?? 0) * unpaid.Count) ?? 0m,
                [.. unpaid.Select(s => new TrainerEarningsSessionDto(s.SessionId, s.CompletedOn, s.Description))]));
        }

        foreach (var group in sessions.Where(s => s.PaidInRunId is not null).GroupBy(s => s.PaidInRunId!.Value)
                     .OrderByDescending(g => runs[g.Key].PaidOn).Take(MaxPeriods))
        {
            var run = runs[group.Key];
            // What the run actually paid for sessions: its payslip's commission lines (finalised payslips never change).
            var commission = payslips.Where(p => p.PayRunId == run.Id).SelectMany(p => p.Lines).Where(l => l.Kind == "commission").ToList();
            var amount = commission.Sum(l => l.AmountCents);
            long? rate = commission.Count > 0 ? commission[0].AmountCents : null;
            result.Add(new TrainerEarningsPeriodDto(run.PeriodStart, run.PeriodEnd, run.PaidOn, run.Number, group.Count(), Dollars(rate), Dollars(amount) ?? 0m,
                [.. group.OrderByDescending(s => s.CompletedOn).Select(s => new TrainerEarningsSessionDto(s.SessionId, s.CompletedOn, s.Description))]));
        }

        return result;
    }

    public async Task<TrainerEarningsGlance> BetweenAsync(Guid trainerPersonId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        (await BetweenAsync([trainerPersonId], from, to, cancellationToken))[trainerPersonId];

    public async Task<IReadOnlyDictionary<Guid, TrainerEarningsGlance>> BetweenAsync(IReadOnlyCollection<Guid> trainerPersonIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var ids = trainerPersonIds.Distinct().ToList();
        var counts = await db.Set<CompletedSession>().Where(c => ids.Contains(c.TrainerUserId) && c.CompletedOn >= from && c.CompletedOn <= to)
            .GroupBy(c => c.TrainerUserId).Select(g => new { Person = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Person, g => g.Count, cancellationToken);
        // The per-session rate of each person paid per session (pay settings are unique per person at a gym).
        var rateOf = await db.Set<EmployeePaySettings>().AsNoTracking().Where(s => ids.Contains(s.UserId) && s.PayBasis == PayBasis.PerSession)
            .Select(s => new { s.UserId, s.SessionRateCents }).ToDictionaryAsync(s => s.UserId, s => s.SessionRateCents, cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            var count = counts.GetValueOrDefault(id);
            var rate = rateOf.GetValueOrDefault(id);
            return new TrainerEarningsGlance(from, to, count, rate, (rate ?? 0) * count);
        });
    }

    private async Task<long?> CurrentRateAsync(Guid trainerPersonId, CancellationToken cancellationToken) =>
        await db.Set<EmployeePaySettings>().AsNoTracking().Where(s => s.UserId == trainerPersonId && s.PayBasis == PayBasis.PerSession)
            .Select(s => s.SessionRateCents).FirstOrDefaultAsync(cancellationToken);

    private static decimal? Dollars(long? cents) => cents is null ? null : cents.Value / 100m;
}

internal static class TrainerEarningsEndpoint
{
    public static void MapTrainerEarnings(this RouteGroupBuilder own) =>
        own.MapGet("/trainer-earnings", (ClaimsPrincipal me, TrainerEarningsHandler handler, CancellationToken ct) => handler.HandleAsync(me.RequireUserId(), ct))
            .RequireAuthorization(BookingsPermissions.ViewOwnEarnings).WithName("ListMyTrainerEarnings");
}
