using System.Text.Json;
using Derrimut.BuildingBlocks.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks.Http;

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(db.Database.ProviderName)
                : HealthCheckResult.Unhealthy("The database does not accept connections.");
        }
        catch (Exception ex)
        {
            // A probe reports, it never throws.
            return HealthCheckResult.Unhealthy("The database is unreachable.", ex);
        }
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex)
        {
            // Redis is an optimisation (L2 cache, invalidation bus): down means degraded, not unready. Readiness stays
            // 200 so the proxy keeps every node in rotation (they share the one Redis: taking them all out would turn a
            // cache outage into a full one), while the report says so (decision 0068).
            return HealthCheckResult.Degraded("Redis is unreachable; serving from memory and the database.", ex);
        }
    }
}

/// <summary>Writes the readiness report as JSON: overall status and each check's status, description and duration.</summary>
/// <remarks>
/// Written field by field rather than by serialising an anonymous object: that built the object's JSON shape by
/// reflection on the node's first probe, while it starts (decision 0094). The JSON is the same: camel-case names, the
/// web defaults' escaping, a null description written as null.
/// </remarks>
internal static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", entry.Duration.TotalMilliseconds);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
