using System.Diagnostics.Metrics;
using Derrimut.BuildingBlocks.Telemetry;

namespace Derrimut.Marketplace.Features;

/// <summary>
/// The shop's business measurements (decision 0063): orders placed (committed with their stock reserved), by gym and
/// channel. A no-op until the host subscribes to <c>Derrimut.*</c>.
/// </summary>
internal static class ShopMetrics
{
    public const string MeterName = $"{DerrimutTelemetry.Prefix}.Marketplace";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Orders = Meter.CreateCounter<long>(
        "derrimut.shop.orders", unit: "{order}", description: "Shop orders placed, by channel.");

    public static void OrderPlaced(Guid tenantId, string channel)
    {
        if (Orders.Enabled)
        {
            Orders.Add(1, DerrimutTelemetry.TenantTag(tenantId), new("channel", channel));
        }
    }
}
