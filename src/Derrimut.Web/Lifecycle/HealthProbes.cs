namespace Derrimut.Web.Lifecycle;

/// <summary>
/// The proxy's health probes (<c>/health/live</c>, <c>/health/ready</c>): asked of every node every second or two, over
/// plain HTTP on the node's own address. Transport security, tracing and the request log all treat them apart.
/// </summary>
internal static class HealthProbes
{
    /// <summary>Whether the request is a health probe (any case: proxies differ).</summary>
    public static bool Is(HttpRequest request) => request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
