namespace Derrimut.Reporting.Data;

/// <summary>
/// Where a gym's roll-up stands: rows exist for every closed local day from <see cref="FirstDay"/> through
/// <see cref="LastDay"/> (a day with no activity simply has none), bucketed in the zone named by <see cref="ZoneId"/>.
/// Days outside that range, and every day while the gym's zone differs, are read from the modules' own records.
/// </summary>
internal sealed class RollUpState : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The IANA zone the days were cut in; a gym moved to another zone is rebuilt.</summary>
    public string ZoneId { get; set; } = "";

    public DateOnly FirstDay { get; set; }

    /// <summary>The last closed day rolled up (yesterday, once the job has run today).</summary>
    public DateOnly LastDay { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One gym's money for one closed local day, summed from the modules' records exactly as the live reports sum them.
/// Amounts keep the sign their source stores: membership refund lines are negative, shop refunds positive.
/// </summary>
internal sealed class DailyFigures : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public long MembershipChargeCents { get; set; }

    public long MembershipChargeGstCents { get; set; }

    public long MembershipRefundCents { get; set; }

    public long MembershipRefundGstCents { get; set; }

    public int PtSessionsPaid { get; set; }

    public long PtPaidCents { get; set; }

    /// <summary>One eleventh of each paid session's price, summed session by session (as each receipt shows it).</summary>
    public long PtGstCents { get; set; }

    public int ShopOrdersPaid { get; set; }

    public long ShopSalesCents { get; set; }

    public long ShopSalesGstCents { get; set; }

    public long ShopRefundCents { get; set; }

    public long ShopRefundGstCents { get; set; }
}

/// <summary>Check-ins in one local hour of one closed day (the repeated hour of a daylight-saving night counts once, merged).</summary>
internal sealed class HourlyCheckIns : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public int Hour { get; set; }

    /// <summary>The day's weekday, Monday 0 to Sunday 6 (the heatmap's rows), so a year's heatmap is summed in the database.</summary>
    public int Weekday { get; set; }

    public int CheckIns { get; set; }
}

/// <summary>A product's sales on paid orders in one closed day, by the name it was sold under.</summary>
internal sealed class DailyProductSales : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public Guid ProductId { get; set; }

    public string ProductName { get; set; } = "";

    public int Units { get; set; }

    public long LineTotalCents { get; set; }

    public long GstCents { get; set; }
}

/// <summary>
/// One class name's runs on one closed day (by the class's own local date, not cancelled): places, bookings, and how
/// its booked members turned out.
/// </summary>
internal sealed class DailyClassFigures : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public string ClassName { get; set; } = "";

    public int Runs { get; set; }

    public int Capacity { get; set; }

    public int Booked { get; set; }

    public int Waitlisted { get; set; }

    public int NoShows { get; set; }

    public int Attended { get; set; }
}

/// <summary>
/// One plan's membership movements on one closed day: memberships that started (joins) and that ended that day, and
/// of those ended, how many were cancelled. With the live count of memberships running at a period's start, these
/// give the membership report's series (decision 0074). Both instants are written once, near the moment they name.
/// </summary>
internal sealed class DailyMembershipFigures : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public string PlanCode { get; set; } = "";

    public int Joins { get; set; }

    public int Ends { get; set; }

    public int Cancellations { get; set; }
}

/// <summary>
/// One trainer's work on one closed local day: their PT sessions by the day they start (counted by
/// <see cref="Features.Reports.TrainerTally"/>, the rule the live report counts with) and the classes they led by the
/// class's own local date.
/// </summary>
internal sealed class DailyTrainerFigures : ILocationOwned
{
    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Day { get; set; }

    public Guid TrainerId { get; set; }

    public int Delivered { get; set; }

    public int DeliveredMinutes { get; set; }

    public int BookedMinutes { get; set; }

    public int NoShows { get; set; }

    public int Cancelled { get; set; }

    public long PaidCents { get; set; }

    public int ClassesTaught { get; set; }
}
