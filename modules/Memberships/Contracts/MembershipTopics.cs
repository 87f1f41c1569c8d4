namespace Derrimut.Memberships.Contracts;

/// <summary>Live-update topics this module publishes (see <c>ILiveUpdates</c>).</summary>
public static class MembershipTopics
{
    /// <summary>A membership changed state (status, freeze, cancellation, a ledger line). UserId = the member.</summary>
    public const string Memberships = "memberships";
}
