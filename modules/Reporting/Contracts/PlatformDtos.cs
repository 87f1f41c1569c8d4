namespace Derrimut.Reporting.Contracts;

/// <summary>
/// The platform view (<c>GET /api/reports/platform</c>, superadmins on the platform site): every active franchise's
/// gyms side by side with their totals, the platform's total, growth month by month, and each gym's webhook health.
/// </summary>
/// <param name="Franchises">Each active franchise with its active gyms' dashboards and their total.</param>
/// <param name="Total">Every gym's figures added up.</param>
/// <param name="Growth">The last twelve months, oldest first (each gym's months in its own local time).</param>
/// <param name="Webhooks">Each gym's Stripe webhook inbox health, and the sum.</param>
public sealed record PlatformDashboardDto(
    IReadOnlyList<FranchiseDashboardDto> Franchises,
    DashboardTotalsDto Total,
    IReadOnlyList<PlatformMonthDto> Growth,
    PlatformWebhookHealthDto Webhooks);

/// <summary>One month of the platform's growth.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="NewLocations">Gyms opened on the platform that month (still active).</param>
/// <param name="Joins">Memberships that started that month, every gym.</param>
/// <param name="Cancellations">Memberships that ended cancelled that month, every gym.</param>
/// <param name="RevenueCents">Net revenue that month (memberships, PT and shop, less refunds), every gym.</param>
public sealed record PlatformMonthDto(string Month, int NewLocations, int Joins, int Cancellations, long RevenueCents);

/// <summary>The Stripe webhook inboxes' health.</summary>
/// <param name="Parked">Events parked after repeated failures, every gym.</param>
/// <param name="Failed">Events failed and waiting for the retry job, every gym.</param>
/// <param name="ReceivedLastDay">Events received in the last 24 hours, every gym.</param>
/// <param name="Locations">Each gym's own figures.</param>
/// <param name="Waiting">Events acknowledged to Stripe and not yet applied by the queue, every gym (decision 0082).</param>
/// <param name="OldestWaitingAt">When the oldest of them arrived, UTC; null when none waits.</param>
public sealed record PlatformWebhookHealthDto(
    int Parked, int Failed, int ReceivedLastDay, IReadOnlyList<LocationWebhookHealthDto> Locations, int Waiting, DateTimeOffset? OldestWaitingAt);

/// <summary>One gym's webhook inbox health.</summary>
/// <param name="LocationId">The gym.</param>
/// <param name="LocationName">Its name.</param>
/// <param name="Parked">Parked events.</param>
/// <param name="Failed">Failed events waiting for a retry.</param>
/// <param name="ReceivedLastDay">Events received in the last 24 hours.</param>
/// <param name="LastReceivedAt">When the last event arrived, UTC; null if none ever has.</param>
/// <param name="Waiting">Events acknowledged to Stripe and not yet applied by the queue (decision 0082).</param>
/// <param name="OldestWaitingAt">When the oldest of them arrived, UTC; null when none waits.</param>
public sealed record LocationWebhookHealthDto(
    Guid LocationId, string LocationName, int Parked, int Failed, int ReceivedLastDay, DateTimeOffset? LastReceivedAt, int Waiting, DateTimeOffset? OldestWaitingAt);
