using Derrimut.Bookings.Contracts;
using Derrimut.Marketplace.Contracts;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Reporting.Contracts;

/// <summary>
/// The live-update topics an open location dashboard reloads its tiles on: a check-in, a class booking (or a class
/// changing), a PT booking or its payment, a membership payment (every ledger line is a membership notice) and a shop
/// order paid, refunded or cancelled. A notice carries no data: the page reads the dashboard again.
/// </summary>
public static class DashboardLiveTopics
{
    /// <summary>Every topic the dashboard listens to.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ClassTopics.CheckIns, ClassTopics.Classes, BookingTopics.TrainerSchedule, MembershipTopics.Memberships, ShopTopics.Orders,
    ];
}
