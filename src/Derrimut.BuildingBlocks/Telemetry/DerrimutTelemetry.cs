using System.Diagnostics;

namespace Derrimut.BuildingBlocks.Telemetry;

/// <summary>
/// The names telemetry is published under (decision 0063). Modules own their meters (<c>Derrimut.&lt;Module&gt;</c>);
/// the kernel owns the tenant attribute and the activity source of tenant scopes. Nothing here costs anything while
/// nobody listens: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and counters check
/// <c>Enabled</c> before building tags.
/// </summary>
public static class DerrimutTelemetry
{
    /// <summary>The prefix of every Derrimut meter and activity source; the host subscribes to <c>Derrimut.*</c>.</summary>
    public const string Prefix = "Derrimut";

    /// <summary>The attribute carrying the tenant (location, franchise) id on spans and business measurements.</summary>
    public const string TenantAttribute = "derrimut.tenant.id";

    /// <summary>The kernel's activity source: a span per tenant scope (jobs, roll-ups, webhooks delivered in-process).</summary>
    public static readonly ActivitySource Tenancy = new($"{Prefix}.Tenancy");

    /// <summary>Puts the resolved tenant on the request's span, so its child spans (and the trace) carry it.</summary>
    public static void TagRequest(Guid? tenantId)
    {
        if (tenantId is { } id && Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TenantAttribute, id.ToString());
        }
    }

    /// <summary>A span for work run as another tenant (or the platform); null when nobody listens.</summary>
    public static Activity? StartTenantScope(Guid? tenantId)
    {
        if (!Tenancy.HasListeners())
        {
            return null;
        }

        var activity = Tenancy.StartActivity(tenantId is null ? "platform scope" : "tenant scope");
        if (tenantId is { } id)
        {
            activity?.SetTag(TenantAttribute, id.ToString());
        }

        return activity;
    }

    /// <summary>The tenant tag for a business measurement, from the scope's tenant (none in platform scope).</summary>
    public static KeyValuePair<string, object?> TenantTag(Guid tenantId) => new(TenantAttribute, tenantId.ToString());
}
