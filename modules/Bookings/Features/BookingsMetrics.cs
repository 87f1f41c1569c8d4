using System.Diagnostics.Metrics;
using Derrimut.BuildingBlocks.Telemetry;

namespace Derrimut.Bookings.Features;

/// <summary>
/// Bookings' business measurements (decision 0063), counted where the rows are committed: class bookings (booked or
/// waitlisted), PT sessions booked and check-ins, each by gym. A no-op until the host subscribes to <c>Derrimut.*</c>.
/// </summary>
internal static class BookingsMetrics
{
    public const string MeterName = $"{DerrimutTelemetry.Prefix}.Bookings";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> ClassBookings = Meter.CreateCounter<long>(
        "derrimut.bookings.class_bookings", unit: "{booking}", description: "Class bookings made, by status (booked or waitlisted).");

    public static readonly Counter<long> PtSessions = Meter.CreateCounter<long>(
        "derrimut.bookings.pt_sessions", unit: "{session}", description: "Personal training sessions booked.");

    public static readonly Counter<long> CheckIns = Meter.CreateCounter<long>(
        "derrimut.bookings.check_ins", unit: "{visit}", description: "Check-ins recorded (doors and the front desk).");

    public static void Add(Counter<long> counter, Guid tenantId, string? status = null)
    {
        if (!counter.Enabled)
        {
            return;
        }

        if (status is null)
        {
            counter.Add(1, DerrimutTelemetry.TenantTag(tenantId));
        }
        else
        {
            counter.Add(1, DerrimutTelemetry.TenantTag(tenantId), new("status", status));
        }
    }
}
