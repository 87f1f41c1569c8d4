using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Lifecycle;

/// <summary>The <c>Hosting</c> settings of a node's shutdown (decision 0064).</summary>
public sealed class DrainOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// How long the node keeps serving after it is told to stop, while <c>/health/ready</c> answers 503, so the proxy's
    /// health check takes it out of rotation before the listeners close. Two of the proxy's check intervals.
    /// Default: 10 s in Production, none elsewhere (a developer's Ctrl+C and the tests' hosts stop at once).
    /// </summary>
    public TimeSpan? DrainDelay { get; set; }

    /// <summary>
    /// The whole shutdown budget: the drain delay, then the in-flight requests (a Stripe or Vapi webhook mid-way),
    /// then the hosted services. Requests still running when it ends are abandoned (their transactions roll back, and
    /// Stripe retries what it was not told 2xx for). Default 30 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Whether this node has been told to stop (set the moment <c>ApplicationStopping</c> fires).</summary>
public sealed class DrainState
{
    private volatile bool _draining;

    public DrainState(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(() => _draining = true);

    public bool IsDraining => _draining;
}

/// <summary>
/// Readiness and graceful shutdown (decision 0064): <c>/health/ready</c> turns 503 as soon as the node starts to
/// stop, the node keeps serving for <see cref="DrainOptions.DrainDelay"/> so the proxy moves traffic away, then Kestrel
/// stops accepting and waits for in-flight requests within <see cref="DrainOptions.ShutdownTimeout"/>. Liveness
/// (<c>/health/live</c>) stays 200 throughout: the process is fine, it is only leaving.
/// </summary>
internal static class DrainSetup
{
    public static void AddDerrimutDrain(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DrainOptions.Section);
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<DrainOptions>().Bind(section).PostConfigure(o => o.DrainDelay ??= production ? TimeSpan.FromSeconds(10) : TimeSpan.Zero);
        builder.Services.AddSingleton<DrainState>();
        builder.Services.AddHealthChecks().AddCheck<DrainingHealthCheck>(DrainingHealthCheck.Name, tags: ["ready"]);
        // First among the hosted services' stopping steps, so nothing has stopped while the proxy still sends traffic.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DrainDelay>());
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<DrainOptions>>((host, drain) =>
            host.ShutdownTimeout = drain.Value.ShutdownTimeout);
    }
}

internal sealed class DrainingHealthCheck(DrainState state) : IHealthCheck
{
    /// <summary>The check's name in the readiness report.</summary>
    public const string Name = "draining";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining
            ? HealthCheckResult.Unhealthy("Draining: this node is shutting down and takes no new work.")
            : HealthCheckResult.Healthy("Serving."));
}

/// <summary>
/// Holds the host's stop for the drain delay before any hosted service (the web server included) stops. A lifecycle
/// service because every <c>StoppingAsync</c> runs before the first <c>StopAsync</c>.
/// </summary>
internal sealed class DrainDelay(DrainState state, IOptions<DrainOptions> options, ILogger<DrainDelay> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.DrainDelay ?? TimeSpan.Zero;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Draining for {Delay}: readiness reports 503 (draining {Draining}) while in-flight and late requests finish.", delay, state.IsDraining);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown budget ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
