using Derrimut.Billing.Contracts;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Organizations.Contracts;
using Derrimut.Reporting.Contracts;
using Derrimut.Reporting.Features.Dashboard;
using Derrimut.Reporting.Features.Reports;

namespace Derrimut.Reporting.Features.Platform;

/// <summary>
/// The platform view for superadmins on the platform site: every active franchise with its active gyms' dashboards and
/// totals, growth over the last twelve months (gyms opened, joins, cancellations, net revenue) and each gym's webhook
/// inbox health. Each gym is read in its own tenant scope, one after another (decision 0003: no query widens a
/// filter), with the same handlers its own admin's dashboard and reports use, so the platform's figures are the gyms'.
/// </summary>
internal sealed class PlatformDashboardHandler(ICurrentTenant tenant, ITenantStore tenants, ILocationOpenings openings, ITenantScopeFactory scopes, TimeProvider time)
{
    public const int Months = 12;

    /// <summary>The revenue report's series, one per stream, each net of its refunds.</summary>
    private static readonly string[] RevenueStreams = ["memberships", "personalTraining", "shop"];

    public async Task<PlatformDashboardDto> HandleAsync(CancellationToken cancellationToken)
    {
        if (tenant.Tenant is not null)
        {
            throw new NotFoundException("The platform figures are on the platform site.");
        }

        var all = (await tenants.ListAsync(cancellationToken)).Where(t => t.State == TenantState.Active).ToList();
        var opened = (await openings.ListAsync(cancellationToken)).ToDictionary(o => o.LocationId);

        // The platform's months are Melbourne's (the platform's home); each gym buckets its own rows by its own months.
        var platformToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), GymTime.Melbourne).DateTime);
        var firstMonth = new DateOnly(platformToday.Year, platformToday.Month, 1).AddMonths(-(Months - 1));
        var keys = Enumerable.Range(0, Months).Select(i => Key(firstMonth.AddMonths(i))).ToList();
        var growth = keys.ToDictionary(k => k, _ => (NewLocations: 0, Joins: 0, Cancellations: 0, RevenueCents: 0L));

        var franchises = new List<FranchiseDashboardDto>();
        var webhooks = new List<LocationWebhookHealthDto>();
        foreach (var franchise in all.Where(t => t.Kind == TenantKind.Franchise).OrderBy(t => t.Name, StringComparer.CurrentCulture))
        {
            var dashboards = new List<DashboardDto>();
            foreach (var location in all.Where(t => t.IsLocation && t.FranchiseId == franchise.Id).OrderBy(t => t.Name, StringComparer.CurrentCulture))
            {
                var read = await scopes.RunAsync(location.Id, (sp, ct) => ReadLocationAsync(sp, location, ct), cancellationToken);
                dashboards.Add(read.Dashboard);
                webhooks.Add(read.Webhooks);
                foreach (var (month, joins, cancellations, revenue) in read.Months)
                {
                    if (growth.TryGetValue(month, out var m))
                    {
                        growth[month] = (m.NewLocations, m.Joins + joins, m.Cancellations + cancellations, m.RevenueCents + revenue);
                    }
                }

                // A gym opened in the month it was created, in its own local time.
                if (opened.TryGetValue(location.Id, out var o)
                    && Key(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.OpenedAt, GymTime.ZoneOf(location)).DateTime)) is var openedIn
                    && growth.TryGetValue(openedIn, out var g))
                {
                    growth[openedIn] = (g.NewLocations + 1, g.Joins, g.Cancellations, g.RevenueCents);
                }
            }

            franchises.Add(new FranchiseDashboardDto(franchise.Id, franchise.Name, dashboards, DashboardTotalsDto.Of(dashboards)));
        }

        return new PlatformDashboardDto(
            franchises,
            DashboardTotalsDto.Of([.. franchises.SelectMany(f => f.Locations)]),
            [.. keys.Select(k => new PlatformMonthDto(k, growth[k].NewLocations, growth[k].Joins, growth[k].Cancellations, growth[k].RevenueCents))],
            new PlatformWebhookHealthDto(
                webhooks.Sum(w => w.Parked), webhooks.Sum(w => w.Failed), webhooks.Sum(w => w.ReceivedLastDay), webhooks,
                webhooks.Sum(w => w.Waiting), webhooks.Min(w => w.OldestWaitingAt)));
    }

    private static async Task<(DashboardDto Dashboard, LocationWebhookHealthDto Webhooks, List<(string Month, int Joins, int Cancellations, long RevenueCents)> Months)> ReadLocationAsync(
        IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        // Read afresh, not from the dashboards' memory (decision 0075): this view puts each gym's month beside its
        // twelve months of growth from the reports, and the two must agree in the one answer.
        var dashboard = await services.GetRequiredService<LocationDashboardReader>().ReadAsync(cancellationToken);

        // The gym's last twelve months through its own membership and revenue reports (the same figures its admin sees).
        var clock = services.GetRequiredService<IGymClock>();
        var from = new DateOnly(clock.Today.Year, clock.Today.Month, 1).AddMonths(-(Months - 1));
        var reports = services.GetRequiredService<ReportsHandler>();
        var (fromText, toText) = (Csv.Date(from), Csv.Date(clock.Today));
        var membership = await reports.HandleAsync("membership", fromText, toText, "month", cancellationToken);
        var revenue = await reports.HandleAsync("revenue", fromText, toText, "month", cancellationToken);
        var joins = Series(membership, "joins");
        var cancellations = Series(membership, "cancellations");
        var money = RevenueStreams.Select(k => Series(revenue, k)).ToList();
        var months = Enumerable.Range(0, joins.Count)
            .Select(i => (Key(from.AddMonths(i)), (int)joins[i], (int)cancellations[i], (long)money.Sum(s => s[i])))
            .ToList();

        var inbox = services.GetRequiredService<IWebhookInboxReadModel>().Events;
        var dayAgo = clock.UtcNow.AddDays(-1);
        var health = await inbox.GroupBy(_ => 1).Select(g => new
        {
            Parked = g.Count(e => e.IsParked),
            Failed = g.Count(e => e.IsFailed),
            LastDay = g.Count(e => e.ReceivedAt >= dayAgo),
            Waiting = g.Count(e => e.IsWaiting),
        }).FirstOrDefaultAsync(cancellationToken);
        var last = await inbox.OrderByDescending(e => e.ReceivedAt).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);

        // How long the queue has let an acknowledged event wait: a backlog's age says more than its size.
        var oldestWaiting = health is { Waiting: > 0 }
            ? await inbox.Where(e => e.IsWaiting).OrderBy(e => e.ReceivedAt).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return (dashboard, new LocationWebhookHealthDto(
            location.Id, location.Name, health?.Parked ?? 0, health?.Failed ?? 0, health?.LastDay ?? 0, last, health?.Waiting ?? 0, oldestWaiting), months);
    }

    private static IReadOnlyList<decimal> Series(ReportDto report, string key) => report.Series.Single(s => s.Key == key).Values;

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
