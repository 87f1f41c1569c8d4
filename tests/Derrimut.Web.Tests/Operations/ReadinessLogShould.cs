using Derrimut.Web.Lifecycle;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// The health-check service logs every unhealthy result as an error, once per probe. A node warming up or draining is
/// doing what it should, so the web host's log filter drops those two checks' lines — and keeps a failing database's.
/// The framework's real health-check service writes the lines here, so the filter is proven against its actual
/// properties, not a copy of them.
/// </summary>
public sealed class ReadinessLogShould
{
    [Fact]
    public async Task DropTheWarmUpAndDrainLinesAndKeepAFailingDatabase()
    {
        var sink = new CollectingLogSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose()
            .Filter.ByExcluding(WebHostSetup.IsExpectedReadinessState)
            .WriteTo.Sink(sink)
            .CreateLogger();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSerilog(logger))
            .AddHealthChecks()
            .AddCheck(WarmUpHealthCheck.Name, () => HealthCheckResult.Unhealthy("Warming up."), tags: ["ready"])
            .AddCheck(DrainingHealthCheck.Name, () => HealthCheckResult.Unhealthy("Draining."), tags: ["ready"])
            .AddCheck("database", () => HealthCheckResult.Unhealthy("The database is unreachable."), tags: ["ready"])
            .Services;
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        report.Status.ShouldBe(HealthStatus.Unhealthy);
        var errors = sink.Events.Where(e => e.Level == LogEventLevel.Error).Select(e => e.RenderMessage()).ToList();
        errors.ShouldContain(m => m.Contains("database", StringComparison.Ordinal));
        errors.ShouldNotContain(m => m.Contains(WarmUpHealthCheck.Name, StringComparison.Ordinal));
        errors.ShouldNotContain(m => m.Contains(DrainingHealthCheck.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void KeepOtherLinesThatMerelyNameTheChecks()
    {
        var parser = new Serilog.Parsing.MessageTemplateParser();
        var fromElsewhere = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, null, parser.Parse("{HealthCheckName} failed"),
            [new LogEventProperty("SourceContext", new ScalarValue("Derrimut.Web.Lifecycle.WarmUp")), new LogEventProperty("HealthCheckName", new ScalarValue(WarmUpHealthCheck.Name))]);

        WebHostSetup.IsExpectedReadinessState(fromElsewhere).ShouldBeFalse();
    }
}
