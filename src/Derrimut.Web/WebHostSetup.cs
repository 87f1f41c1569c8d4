using System.Threading.RateLimiting;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Hosting;
using Derrimut.Web.Components;
using Derrimut.Web.Lifecycle;
using Derrimut.Web.Security;
using Derrimut.Web.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Serilog;

namespace Derrimut.Web;

/// <summary>Everything the web host adds around the kernel: logging, authentication, rate limits, OpenAPI, the UI.</summary>
internal static class WebHostSetup
{
    private const string DerrimutScheme = "Derrimut";

    public static void AddDerrimutWeb(this WebApplicationBuilder builder, IReadOnlyList<DerrimutModule> modules)
    {
        ProductionSafety.Check(builder);
        builder.Services.AddSerilog((services, lc) => lc
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(IsExpectedReadinessState)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Tenant} {Message:lj} {TraceId}{NewLine}{Exception}"));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DerrimutKernel.MaxRequestBodyBytes);

        builder.AddDerrimutKernel(modules, DerrimutModules.PrecompiledModels);
        builder.AddDerrimutTelemetry();
        builder.AddDerrimutDrain();
        builder.AddDerrimutWarmUp();

        // Until the Identity module issues real principals, platform endpoints accept a configured API key
        // (Development and tests only; without Platform:ApiKey nobody passes). The permission policies are the
        // seam Identity plugs into.
        // One default scheme that picks the right handler per request: the development platform key when its
        // header is present, a bearer access token (OpenIddict validation), otherwise the sign-in cookie.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = DerrimutScheme;
                o.DefaultChallengeScheme = DerrimutScheme;
            })
            .AddPolicyScheme(DerrimutScheme, "Derrimut", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(PlatformApiKeyAuthenticationHandler.HeaderName)
                    ? PlatformApiKeyAuthenticationHandler.SchemeName
                    : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? Derrimut.Identity.Contracts.BearerAuthentication.Scheme
                        : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .AddScheme<PlatformApiKeyOptions, PlatformApiKeyAuthenticationHandler>(PlatformApiKeyAuthenticationHandler.SchemeName, o =>
                o.ApiKey = builder.Configuration["Platform:ApiKey"]);
        builder.Services.AddAuthorization();

        var writesPerMinute = builder.Configuration.GetValue("RateLimiting:WritesPerMinute", 60);
        var signInsPerMinute = builder.Configuration.GetValue("RateLimiting:SignInsPerMinute", 10);
        // A gym's webhook allowance: a burst, refilled every second (settings so the per-gym buckets can be tested).
        var webhookBurst = builder.Configuration.GetValue("RateLimiting:WebhooksPerGymBurst", 2000);
        var webhooksPerSecond = builder.Configuration.GetValue("RateLimiting:WebhooksPerGymPerSecond", 1000);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await ProblemWriter.WriteAsync(context.HttpContext, 429, ProblemTypes.RateLimited, "Too many requests.", "Slow down and try again shortly.");
            };
            // Writes that people make by hand are few; a flood is a script gone wrong or an attack.
            options.AddPolicy(RateLimitPolicies.Writes, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = writesPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(RateLimitPolicies.SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // One bucket per gym (its id, not the Host text, which varies in case and trailing dots): one gym's
            // flood of deliveries never spends another gym's allowance (decision 0062).
            options.AddPolicy(RateLimitPolicies.Webhooks, http => RateLimitPartition.GetTokenBucketLimiter(
                "webhooks:" + (http.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id.ToString() ?? "platform"), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = webhookBurst, TokensPerPeriod = webhooksPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0,
                }));
        });

        builder.Services.AddCredentialAttempts();
        builder.Services.AddOpenApi();
        builder.AddTransportSecurity();
        builder.AddDerrimutUi();

        // Last: everything above may register Data Protection again.
        builder.DeferKeyRingReadToWarmUp();
    }

    /// <summary>
    /// The level of a request's log line. A proxy asks every node for <c>/health/*</c> every second or two, and a warming
    /// or draining node's 503 there is its answer, not a failure: those lines are Debug, so a day's log is not tens of
    /// thousands of probes, and a deployment does not print an error per probe. A probe that throws is still an error.
    /// Everything else as Serilog's default: Error from 500 (or an exception), otherwise Information.
    /// </summary>
    internal static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext http, double elapsedMilliseconds, Exception? exception) =>
        exception is not null ? Serilog.Events.LogEventLevel.Error
        : HealthProbes.Is(http.Request) ? Serilog.Events.LogEventLevel.Debug
        : http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information;

    /// <summary>
    /// The health-check service's own line for a readiness check that reports a node warming up or draining: it logs
    /// every unhealthy result as an error, once per probe, while a starting or stopping node is doing exactly what it
    /// should. Those two states have their own Information lines (the warm-up's timings, the drain's start) and the
    /// readiness report, so these lines are dropped; a database or Redis check that fails is still logged.
    /// </summary>
    internal static bool IsExpectedReadinessState(Serilog.Events.LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is Serilog.Events.ScalarValue { Value: "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService" }
        && logEvent.Properties.TryGetValue("HealthCheckName", out var check)
        && check is Serilog.Events.ScalarValue { Value: WarmUpHealthCheck.Name or DrainingHealthCheck.Name };

    private static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static void UseDerrimutWeb(this WebApplication app)
    {
        // First: the client address and scheme must be settled before anything logs, limits or redirects on them.
        app.UseTransportSecurity();
        app.UseSerilogRequestLogging(o =>
        {
            o.GetLevel = RequestLogLevel;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                var tenant = http.RequestServices.GetService<ICurrentTenant>();
                if (tenant?.IsResolved == true)
                {
                    diagnostics.Set("TenantId", tenant.Id);
                    diagnostics.Set("Tenant", tenant.Tenant?.Identifier ?? "platform");
                }
            };
        });
        app.UseDerrimutKernel();
        app.UseCredentialAttempts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After the limiter (a "slow down" is never stored as a write's answer) and authentication (keys are per caller).
        app.UseIdempotencyKeys();
        // After authentication and authorization: the pages' form posts are checked against the signed-in person.
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryRefusal>();
        // Last before the endpoints: the tenant and the person are known, so the public page policy can serve a gym's
        // anonymous visitors its stored page and let everyone else through (decision 0070).
        app.UseOutputCache();

        app.MapDerrimutModules();
        // The API's map helps attackers as much as integrators: Production serves it only when asked to.
        if (!app.Environment.IsProduction() || app.Configuration.GetValue<bool>(ProductionSafety.ApiReferenceKey))
        {
            app.MapOpenApi().SkipTenantResolution();
            app.MapScalarApiReference().SkipTenantResolution();
        }
        app.MapDerrimutUi();
    }

    /// <summary>In Development (or when configured), migrates and seeds before serving, then prints where to look.</summary>
    public static async Task PrepareOnStartupAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            var parallelism = options.Provider == DatabaseProvider.Sqlite ? 1 : 4;
            await app.Services.PrepareDatabaseAsync(options.SeedDemoData, parallelism);
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app, options));
    }

    private static void PrintUrls(WebApplication app, DatabaseOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var root = app.Services.GetRequiredService<IOptions<TenancyOptions>>().Value.RootDomain;
        var first = addresses.Select(a => new Uri(a.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)))
            .FirstOrDefault();
        if (first is null)
        {
            return;
        }

        var port = first.IsDefaultPort ? "" : $":{first.Port}";
        var scheme = first.Scheme;
        Console.WriteLine();
        Console.WriteLine($"Derrimut is running on {options.Provider}. Open:");
        Console.WriteLine($"  Platform (superadmin)  {scheme}://admin.{root}{port}/");
        foreach (var location in new[] { "st-albans", "werribee", "derrimut", "sunshine-west", "coburg" })
        {
            Console.WriteLine($"  {location,-22} {scheme}://{location}.{root}{port}/");
        }

        Console.WriteLine($"  API reference          {scheme}://{root}{port}/scalar");
        Console.WriteLine($"  Health                 {scheme}://{root}{port}/health/ready");
        Console.WriteLine();
    }
}
