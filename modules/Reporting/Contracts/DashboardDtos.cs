namespace Derrimut.Reporting.Contracts;

/// <summary>
/// The location dashboard's tiles (<c>GET /api/reports/dashboard</c>). "Today" and "this month" are the gym's local
/// day and month (its time zone, daylight saving included).
/// </summary>
/// <param name="LocationId">The location.</param>
/// <param name="LocationName">Its name.</param>
/// <param name="Today">The gym's local date.</param>
/// <param name="MonthStart">The first day of the gym's current month.</param>
/// <param name="AsOf">When the figures were read (UTC).</param>
/// <param name="ActiveMembers">Memberships paid up now (status <c>active</c>, frozen ones included).</param>
/// <param name="FrozenMembers">Memberships frozen now (active or past due).</param>
/// <param name="PastDueMembers">Memberships whose payment failed and is being retried (status <c>past_due</c>).</param>
/// <param name="CheckInsToday">Check-ins at this gym today.</param>
/// <param name="CheckInsByHour">Today's check-ins per local hour of the day, 0 to 23.</param>
/// <param name="ClassesToday">Today's classes (not cancelled) with their fill.</param>
/// <param name="ClassFillPercent">Places taken over places offered in today's classes, in percent (null without classes).</param>
/// <param name="PtSessionsToday">PT sessions starting today that are not cancelled.</param>
/// <param name="JoinsThisMonth">Memberships that started (first payment cleared) this month.</param>
/// <param name="CancellationsThisMonth">Memberships that ended cancelled this month.</param>
/// <param name="RevenueThisMonth">Money taken this month by stream, with GST.</param>
/// <param name="FailedPaymentsThisMonth">Failed membership payments this month (ledger lines) to chase.</param>
/// <param name="FailedPaymentsCents">Their amount.</param>
/// <param name="LowStockLines">Shop variants at or below their low-stock threshold.</param>
/// <param name="ParkedWebhooks">Stripe events parked after repeated failures, waiting for an admin's retry.</param>
public sealed record DashboardDto(
    Guid LocationId,
    string LocationName,
    DateOnly Today,
    DateOnly MonthStart,
    DateTimeOffset AsOf,
    int ActiveMembers,
    int FrozenMembers,
    int PastDueMembers,
    int CheckInsToday,
    IReadOnlyList<int> CheckInsByHour,
    IReadOnlyList<ClassTodayDto> ClassesToday,
    decimal? ClassFillPercent,
    int PtSessionsToday,
    int JoinsThisMonth,
    int CancellationsThisMonth,
    RevenueDto RevenueThisMonth,
    int FailedPaymentsThisMonth,
    long FailedPaymentsCents,
    int LowStockLines,
    int ParkedWebhooks);

/// <summary>One of today's classes on the dashboard.</summary>
/// <param name="Id">The class.</param>
/// <param name="Name">Its name.</param>
/// <param name="Starts">When it starts, in the gym's local time.</param>
/// <param name="Capacity">Places.</param>
/// <param name="Booked">Places taken.</param>
/// <param name="FillPercent">Booked over capacity, in percent.</param>
public sealed record ClassTodayDto(Guid Id, string Name, DateTimeOffset Starts, int Capacity, int Booked, decimal FillPercent);

/// <summary>Money by stream over a period, GST-inclusive cents.</summary>
/// <param name="Memberships">Membership charges and refunds from the members' ledger.</param>
/// <param name="PersonalTraining">Paid PT sessions.</param>
/// <param name="Shop">Paid shop orders and their refunds.</param>
/// <param name="TotalCents">Net of refunds, all streams.</param>
/// <param name="GstCents">GST collected, all streams: in the sales less in the refunds.</param>
public sealed record RevenueDto(RevenueStreamDto Memberships, RevenueStreamDto PersonalTraining, RevenueStreamDto Shop, long TotalCents, long GstCents);

/// <summary>One revenue stream over a period.</summary>
/// <param name="SalesCents">Money taken, GST-inclusive.</param>
/// <param name="RefundsCents">Money given back (positive).</param>
/// <param name="NetCents">Sales less refunds.</param>
/// <param name="GstCents">GST collected: the GST in the sales (one eleventh of each GST-inclusive line, GST-free lines none) less the GST in the refunds.</param>
public sealed record RevenueStreamDto(long SalesCents, long RefundsCents, long NetCents, long GstCents);

/// <summary>The franchise roll-up (<c>GET /api/reports/franchise/dashboard</c>): each location's tiles side by side and the total.</summary>
/// <param name="FranchiseId">The franchise.</param>
/// <param name="FranchiseName">Its name.</param>
/// <param name="Locations">Each active location's dashboard, by name.</param>
/// <param name="Total">The locations' figures added up.</param>
public sealed record FranchiseDashboardDto(Guid FranchiseId, string FranchiseName, IReadOnlyList<DashboardDto> Locations, DashboardTotalsDto Total);

/// <summary>Dashboard figures added up over several locations.</summary>
/// <param name="ActiveMembers">Sum of active members.</param>
/// <param name="FrozenMembers">Sum of frozen members.</param>
/// <param name="PastDueMembers">Sum of past-due members.</param>
/// <param name="CheckInsToday">Sum of today's check-ins.</param>
/// <param name="PtSessionsToday">Sum of today's PT sessions.</param>
/// <param name="JoinsThisMonth">Sum of this month's joins.</param>
/// <param name="CancellationsThisMonth">Sum of this month's cancellations.</param>
/// <param name="RevenueThisMonthCents">Sum of this month's net revenue.</param>
/// <param name="GstThisMonthCents">Sum of this month's GST.</param>
/// <param name="FailedPaymentsThisMonth">Sum of this month's failed payments.</param>
/// <param name="LowStockLines">Sum of low stock lines.</param>
/// <param name="ParkedWebhooks">Sum of parked webhook events.</param>
public sealed record DashboardTotalsDto(
    int ActiveMembers, int FrozenMembers, int PastDueMembers, int CheckInsToday, int PtSessionsToday, int JoinsThisMonth,
    int CancellationsThisMonth, long RevenueThisMonthCents, long GstThisMonthCents, int FailedPaymentsThisMonth, int LowStockLines, int ParkedWebhooks)
{
    /// <summary>Adds up the locations' dashboards.</summary>
    public static DashboardTotalsDto Of(IReadOnlyCollection<DashboardDto> locations) => new(
        locations.Sum(l => l.ActiveMembers), locations.Sum(l => l.FrozenMembers), locations.Sum(l => l.PastDueMembers),
        locations.Sum(l => l.CheckInsToday), locations.Sum(l => l.PtSessionsToday), locations.Sum(l => l.JoinsThisMonth),
        locations.Sum(l => l.CancellationsThisMonth), locations.Sum(l => l.RevenueThisMonth.TotalCents), locations.Sum(l => l.RevenueThisMonth.GstCents),
        locations.Sum(l => l.FailedPaymentsThisMonth), locations.Sum(l => l.LowStockLines), locations.Sum(l => l.ParkedWebhooks));
}
