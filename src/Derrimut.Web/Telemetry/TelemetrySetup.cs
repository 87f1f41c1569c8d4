using System.Diagnostics;
using Derrimut.BuildingBlocks;
using Derrimut.BuildingBlocks.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;

namespace Derrimut.Web.Telemetry;

/// <summary>What this node exports, decided once at start-up (tests and the start-up log read it).</summary>
/// <param name="Enabled">Traces and metrics are collected (instrumentation subscribed).</param>
/// <param name="OtlpEndpoint">Where they are sent; null = nowhere (only an exporter a test adds sees them).</param>
public sealed record TelemetryExport(bool Enabled, Uri? OtlpEndpoint);

/// <summary>
/// OpenTelemetry for the web host (decision 0063): ASP.NET Core, HttpClient, EF Core (every provider), Npgsql's pool
/// metrics, Redis when configured, the Quartz scheduler and every <c>Derrimut.*</c> source and meter the modules own,
/// with the tenant id on the request span and copied to its children. Exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the standard variable, with its <c>OTEL_*</c> companions) or
/// <c>Telemetry:OtlpEndpoint</c> is set. Without an endpoint nothing is registered at all — no listener, so the
/// instrumented libraries create no spans and measurements are no-ops — unless <c>Telemetry:Enabled</c> asks for
/// collection anyway (tests add an in-memory exporter that way).
/// </summary>
internal static class TelemetrySetup
{
    public const string Section = "Telemetry";

    /// <summary>The standard variable; read through configuration so it can also be set in appsettings.</summary>
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddDerrimutTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var standard = configuration[StandardEndpointKey];
        var own = configuration[$"{Section}:OtlpEndpoint"];
        var endpoint = !string.IsNullOrWhiteSpace(standard) ? new Uri(standard) : !string.IsNullOrWhiteSpace(own) ? new Uri(own) : null;
        var enabled = configuration.GetValue<bool?>($"{Section}:Enabled") ?? endpoint is not null;
        builder.Services.AddSingleton(new TelemetryExport(enabled, enabled ? endpoint : null));
        if (!enabled)
        {
            return;
        }

        var redis = !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DerrimutKernel.RedisConnectionStringName));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration[$"{Section}:ServiceName"] ?? "derrimut-web",
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource($"{DerrimutTelemetry.Prefix}.*")
                    .AddSource(QuartzInstrumentation.ActivitySourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        // Probes and static files are a proxy's heartbeat and a browser's cache misses, not work.
                        o.Filter = http => !Lifecycle.HealthProbes.Is(http.Request) && !http.Request.Path.StartsWithSegments("/_framework")
                                           && !http.Request.Path.StartsWithSegments("/_content");
                    })
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddProcessor(new TenantSpanProcessor());
                if (redis)
                {
                    tracing.AddRedisInstrumentation();
                }
            })
            .WithMetrics(metrics => metrics
                .AddMeter($"{DerrimutTelemetry.Prefix}.*")
                .AddMeter(QuartzInstrumentation.MeterName)
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation());

        if (endpoint is null)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(standard))
        {
            // The SDK reads the endpoint, protocol, headers and timeout from the OTEL_* variables itself.
            telemetry.WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
            return;
        }

        var http = string.Equals(configuration[$"{Section}:OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        telemetry
            .WithTracing(t => t.AddOtlpExporter(o => Point(o, endpoint, http, "v1/traces")))
            .WithMetrics(m => m.AddOtlpExporter(o => Point(o, endpoint, http, "v1/metrics")));
    }

    private static void Point(OtlpExporterOptions options, Uri endpoint, bool http, string signalPath)
    {
        options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Set in code, the HTTP endpoint is the signal's own URL (only the variable gets the path appended).
        options.Endpoint = http ? new Uri(endpoint, signalPath) : endpoint;
    }
}

/// <summary>
/// Copies the tenant from the nearest ancestor span to each new span (database, HTTP client, Redis, jobs), so a
/// span can be found by gym without joining on its trace. Runs only while tracing is on; a few parent hops per span.
/// </summary>
internal sealed class TenantSpanProcessor : BaseProcessor<Activity>
{
    private const int MaxHops = 16;

    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(DerrimutTelemetry.TenantAttribute) is not null)
        {
            return;
        }

        var parent = data.Parent;
        for (var hop = 0; parent is not null && hop < MaxHops; hop++, parent = parent.Parent)
        {
            if (parent.GetTagItem(DerrimutTelemetry.TenantAttribute) is { } tenant)
            {
                data.SetTag(DerrimutTelemetry.TenantAttribute, tenant);
                return;
            }
        }
    }
}
