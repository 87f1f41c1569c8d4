using System.Diagnostics;
using System.Globalization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Lifecycle;

/// <summary>The <c>Hosting:WarmUp</c> setting (decision 0066).</summary>
public sealed class WarmUpOptions
{
    /// <summary>
    /// Whether a starting node builds the EF Core model, opens its first database connection, loads the Data Protection
    /// key ring and builds its endpoints before <c>/health/ready</c> reports 200, so the proxy's first request never
    /// pays for them.
    /// Default: on in Production, off elsewhere (a developer's first request may pay; the tests' hosts start at once).
    /// </summary>
    public bool? WarmUp { get; set; }
}

/// <summary>Whether this node has finished warming up (or was told not to, or gave up).</summary>
public sealed class WarmUpState
{
    private volatile string? _outcome;

    /// <summary>True once the node may take traffic as far as the warm-up is concerned.</summary>
    public bool IsWarm => _outcome is not null;

    /// <summary>What happened, for the readiness report: the timings, "not configured" or "failed".</summary>
    public string Outcome => _outcome ?? "Warming up: building the data model and opening the first database connection.";

    internal void Finish(string outcome) => _outcome = outcome;
}

/// <summary>
/// Cold start (decision 0066): a new node answers 503 on <c>/health/ready</c> until the one-off costs of its first
/// request are paid in the background — the EF Core model of every module, one physical database connection in the
/// pool, the Data Protection key ring read from the database (its first EF Core query), every endpoint's request
/// delegate, and one request through the real server's pipeline. The proxy sends traffic only to ready nodes, so no visitor waits for them. Liveness answers from the start:
/// a warming node is not a broken one.
/// </summary>
internal static class WarmUpSetup
{
    public static void AddDerrimutWarmUp(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<WarmUpOptions>().Bind(builder.Configuration.GetSection(DrainOptions.Section))
            .PostConfigure(o => o.WarmUp ??= production);
        builder.Services.AddSingleton<WarmUpState>();
        builder.Services.AddHealthChecks().AddCheck<WarmUpHealthCheck>(WarmUpHealthCheck.Name, tags: ["ready"]);
        // First among the hosted services: the warm-up runs beside the others' start-up (Quartz, the caches) rather
        // than after it, and its timeline's first mark is the moment the built host starts.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, WarmUp>());
    }

    /// <summary>
    /// Hands the framework's start-up read of the Data Protection key ring to the warm-up when it is on. Called last in
    /// the web host's registration, after everything that registers Data Protection (authentication, antiforgery and
    /// Identity each add it again, and would add the framework's service back).
    /// </summary>
    /// <remarks>
    /// ASP.NET Core reads the key ring in a hosted service of its own, synchronously, on the main thread, before the
    /// server listens. Our ring lives in the database, so that read was the node's first EF Core query, and through the
    /// modules' context it built the model of every module there: the whole model build on the main thread, while the
    /// warm-up's own build on the other core only waited for it (a <c>perf</c> profile of one start, decision 0087). The
    /// ring now has a small context of its own, but its first query still loads EF Core's query pipeline. With the
    /// warm-up on, the warm-up reads the ring beside the model build, off the main thread and before readiness says 200,
    /// so the server listens sooner. With it off (development, the tests' hosts) the framework's own read is kept.
    /// </remarks>
    public static void DeferKeyRingReadToWarmUp(this WebApplicationBuilder builder)
    {
        for (var i = 0; i < builder.Services.Count; i++)
        {
            var descriptor = builder.Services[i];
            if (descriptor.ServiceType == typeof(IHostedService)
                && descriptor.ImplementationType?.FullName == KeyRingAtStart.FrameworkServiceName)
            {
                var framework = descriptor.ImplementationType;
                builder.Services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new KeyRingAtStart(
                    () => (IHostedService)ActivatorUtilities.CreateInstance(sp, framework),
                    sp.GetRequiredService<IOptions<WarmUpOptions>>()));
            }
        }
    }
}

/// <summary>
/// Stands in for the framework's start-up read of the key ring (<see cref="WarmUpSetup.DeferKeyRingReadToWarmUp"/>):
/// skipped when the warm-up reads the ring instead, the framework's own otherwise.
/// </summary>
internal sealed class KeyRingAtStart(Func<IHostedService> framework, IOptions<WarmUpOptions> options) : IHostedService
{
    /// <summary>The framework's hosted service that reads the key ring at start (internal to ASP.NET Core).</summary>
    public const string FrameworkServiceName = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    private IHostedService? _started;

    /// <summary>True when the warm-up reads the key ring and this start skipped the framework's read.</summary>
    public bool LeftToWarmUp => options.Value.WarmUp == true;

    /// <summary>True once this start has run the framework's own read (the warm-up is off).</summary>
    public bool ReadByFramework => _started is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (LeftToWarmUp)
        {
            return Task.CompletedTask;
        }

        _started = framework();
        return _started.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _started?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}

internal sealed class WarmUpHealthCheck(WarmUpState state) : IHealthCheck
{
    /// <summary>The check's name in the readiness report.</summary>
    public const string Name = "warm-up";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsWarm ? HealthCheckResult.Healthy(state.Outcome) : HealthCheckResult.Unhealthy(state.Outcome));
}

/// <summary>
/// Runs the warm-up beside the rest of the start-up (the web server starts listening meanwhile, so liveness answers).
/// A failure is logged and ends the warm-up: a database that is down at boot is the <c>database</c> check's to report,
/// and a node must not stay out of rotation forever because its warm-up could not finish.
/// </summary>
internal sealed class WarmUp(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    WarmUpState state,
    IOptions<WarmUpOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WarmUp> logger) : IHostedService
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The start-up timeline, for the cold-start breakdown (docs/performance.md): the host is built and every module
        // registered by now; the web server starts listening after the hosted services have started.
        var hostBuilt = SinceProcessStart();
        lifetime.ApplicationStarted.Register(() =>
        {
            logger.LogInformation(
                "Listening {Listening:0} ms after the process started (host built, hosted services starting at {HostBuilt:0} ms; image prefetch: {ImagePrefetch}).",
                SinceProcessStart().TotalMilliseconds, hostBuilt.TotalMilliseconds, ImagePrefetch.Outcome ?? "still running");
            _started.TrySetResult();
        });
        if (options.Value.WarmUp != true)
        {
            state.Finish("No warm-up configured (Hosting:WarmUp).");
            return Task.CompletedTask;
        }

        _running = Task.Run(() => RunAsync(lifetime.ApplicationStopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    /// <summary>The wall-clock time since the operating system started this process (what an operator waits for).</summary>
    internal static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.UtcNow - process.StartTime.ToUniversalTime();
    }

    /// <summary>
    /// GET <c>/health/live</c> from this node's own plain-HTTP listener (a wildcard address asked on the loopback), so
    /// the pipeline's first pass is paid here. False when there is no such listener (the tests' in-memory server, an
    /// HTTPS-only node): the first real request pays instead.
    /// </summary>
    private async Task<bool> RequestLivenessAsync(CancellationToken stopping)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listener = addresses
            .Select(a => Uri.TryCreate(a.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is { Scheme: "http" });
        if (listener is null)
        {
            return false;
        }

        var loopback = new UriBuilder(listener)
        {
            Host = listener.Host is "0.0.0.0" or "[::]" ? "localhost" : listener.Host,
            Path = "/health/live",
        }.Uri;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(loopback, stopping);
        return true;
    }

    /// <summary>
    /// Compiles the tenant lookups every request starts with (by subdomain, by id; EF Core compiles a compiled query on
    /// its first call) by asking for a label and an id no gym can have: nothing is found and nothing is cached. Null when
    /// the store cannot answer yet (a test host migrates after it has started; a Production node starts on a migrated
    /// database): then the first request compiles them, as it did before.
    /// </summary>
    private async Task<TimeSpan?> WarmTenantLookupsAsync(CancellationToken stopping)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<ITenantStore>() is not { } store)
            {
                return null;
            }

            _ = await store.FindByIdentifierAsync(NoGymsLabel, stopping);
            _ = await store.FindByIdAsync(Guid.Empty, stopping);
            return Stopwatch.GetElapsedTime(started);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Deliberately broad, like the warm-up's own catch: this step only saves the first request some time.
            logger.LogDebug(ex, "Warm-up: the tenant lookups could not be compiled yet; the first request will.");
            return null;
        }
    }

    /// <summary>A subdomain label no gym can have: labels never start with a hyphen.</summary>
    internal const string NoGymsLabel = "-warm-up-";

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var clock = Stopwatch.StartNew();

            // Beside the model's lane, since none of the three needs another (decisions 0087, 0089): the key ring, read
            // from the database by the framework's repository through its own small context (the first sign-in cookie or
            // antiforgery token needs it, and it is the node's first EF Core query: query pipeline, materializer); and,
            // as soon as the server has started, every endpoint's request delegate (the first request's routing asks for
            // all of them at once, each bound on first use — the generator's code, or an expression tree where it does
            // not reach, and the Blazor pages' component endpoints; the web server adds them once it has built the
            // pipeline). The endpoints once waited for the key ring: then one core sat idle for their ~0.5 s.
            var keyRingLane = Task.Run(
                () =>
                {
                    var beforeKeyRing = clock.Elapsed;
                    var protector = dataProtection.CreateProtector("Derrimut.WarmUp");
                    _ = protector.Unprotect(protector.Protect([1]));
                    return clock.Elapsed - beforeKeyRing;
                },
                CancellationToken.None);
            var endpointsLane = Task.Run(
                async () =>
                {
                    await _started.Task.WaitAsync(stopping);
                    var beforeEndpoints = clock.Elapsed;
                    var count = services.GetRequiredService<EndpointDataSource>().Endpoints.Count;
                    return (Count: count, Took: clock.Elapsed - beforeEndpoints);
                },
                CancellationToken.None);

            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();

                // One physical connection into the pool (and the provider's own type loading). First in this lane: the
                // key ring's lane opens its own connection when its query runs, and two first opens at the same moment
                // cost ~0.3–0.5 s more each; opening here first makes that rarer, not impossible (decision 0089). Most of
                // this step is the first context itself (EF Core's services, the pooled factory), not the physical
                // connection: opened in advance while the host was built, that took ~0.22 s and this step no less
                // (decision 0091).
                await db.Database.OpenConnectionAsync(stopping);
                await db.Database.CloseConnectionAsync();
                var connection = clock.Elapsed;

                // Every module's entities, filters and conventions: the largest single cost of a first request. The
                // model is precompiled (decision 0088), which builds its table mappings on first use, not as it loads:
                // they are asked for here, and one query compiled (translation, SQL, materializer; nothing is sent, so
                // this needs no migrated table), so that the first request does not pay for either.
                _ = db.Model.GetRelationalModel();
                _ = db.Set<Derrimut.BuildingBlocks.Http.IdempotentRequest>().Where(r => r.Key == "warm-up").Select(r => r.Id).ToQueryString();
                var model = clock.Elapsed - connection;

                // Still beside the key ring's and the endpoints' lanes, which take longer (measured: decision 0089).
                var tenantLookups = await WarmTenantLookupsAsync(stopping);

                var keyRing = await keyRingLane;
                var (endpointCount, endpoints) = await endpointsLane;

                // One request through the real server and the whole middleware pipeline (transport, logging, routing's
                // matcher over every endpoint, authentication, antiforgery, the output cache...): measured, this first
                // pass costs more than everything above. Liveness, because it touches no tenant and no database (asking
                // readiness instead, to run its checks once, cost ~0.1 s more here and left the proxy's first probe no
                // faster: decision 0089).
                var beforePipeline = clock.Elapsed;
                var pipeline = await RequestLivenessAsync(stopping) ? clock.Elapsed - beforePipeline : (TimeSpan?)null;

                var sinceStart = SinceProcessStart();
                var lookups = tenantLookups?.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) ?? "skipped";
                state.Finish($"Warm {sinceStart.TotalMilliseconds:0} ms after the process started (model {model.TotalMilliseconds:0} ms, " +
                    $"first connection {connection.TotalMilliseconds:0} ms, tenant lookups {lookups} ms, key ring {keyRing.TotalMilliseconds:0} ms, " +
                    $"{endpointCount} endpoints {endpoints.TotalMilliseconds:0} ms, first request {pipeline?.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) ?? "skipped"} ms).");
                logger.LogInformation(
                    "Warm: {SinceStart:0} ms after the process started (model {Model:0} ms, first connection {Connection:0} ms, tenant lookups {TenantLookups} ms, key ring {KeyRing:0} ms, {EndpointCount} endpoints {Endpoints:0} ms, first request {Pipeline:0} ms); ready for traffic.",
                    sinceStart.TotalMilliseconds, model.TotalMilliseconds, connection.TotalMilliseconds, lookups, keyRing.TotalMilliseconds, endpointCount, endpoints.TotalMilliseconds,
                    pipeline?.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while warming: readiness stays 503, which is what a stopping node reports anyway.
        }
        catch (Exception ex)
        {
            // Deliberately broad: the warm-up is an optimisation, never a reason to keep a node out of rotation.
            logger.LogWarning(ex, "Warm-up failed; reporting ready anyway (the database check reports the database).");
            state.Finish("Warm-up failed; serving cold (see the log).");
        }
    }
}
