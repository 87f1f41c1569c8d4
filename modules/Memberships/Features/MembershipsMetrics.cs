using System.Diagnostics.Metrics;
using Derrimut.BuildingBlocks.Telemetry;
using Derrimut.Memberships.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Derrimut.Memberships.Features;

/// <summary>
/// Memberships by gym and state, as an observable gauge (decision 0063): read when the metrics pipeline collects
/// (once per export interval, a minute by default), never on a request. One grouped count over the
/// <c>(tenant, status)</c> index across every gym — the platform's view, so the tenant filter is lifted for this
/// read only. A hosted service only so the meter exists when the host starts; with telemetry off nothing collects and
/// the callback never runs.
/// </summary>
internal sealed class MembershipsMetrics : IHostedService
{
    public const string MeterName = $"{DerrimutTelemetry.Prefix}.Memberships";

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<MembershipsMetrics> _logger;

    public MembershipsMetrics(IMeterFactory meters, IServiceScopeFactory scopes, ILogger<MembershipsMetrics> logger)
    {
        _scopes = scopes;
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge(
            "derrimut.memberships", Observe, unit: "{membership}", description: "Memberships by gym and state.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
            // The collector calls synchronously on its own thread; a blocking read there holds no request.
            var counts = db.Set<Membership>().IgnoreQueryFilters([DataFilters.Tenant]).AsNoTracking()
                .GroupBy(m => new { m.TenantId, m.Status })
                .Select(g => new { g.Key.TenantId, g.Key.Status, Count = g.LongCount() })
                .ToListAsync(timeout.Token).GetAwaiter().GetResult();
            return counts.Select(c => new Measurement<long>(c.Count,
                DerrimutTelemetry.TenantTag(c.TenantId), new KeyValuePair<string, object?>("state", c.Status.ToString().ToLowerInvariant())));
        }
        catch (Exception ex)
        {
            // A metric must never take the exporter down; the database's own health is the readiness probe's job.
            _logger.LogWarning(ex, "Could not count memberships by state for telemetry.");
            return [];
        }
    }
}
