using System.Text.Json.Serialization;

namespace Derrimut.Memberships.Contracts;

/// <summary>
/// What a person's membership lets them do at a location, decided as of an instant. The one place the rule
/// "active; not frozen, past due or cancelled; at the home gym unless the plan is multi-club" lives: classes,
/// check-in, door decisions and the PT allowance all ask here, never the membership table.
/// </summary>
public interface IMembershipEntitlements
{
    /// <summary>
    /// Decides whether <paramref name="personId"/> may use <paramref name="locationId"/> at <paramref name="asOf"/>.
    /// Reads the person's memberships at every location of the current scope's franchise (and only that franchise): a
    /// location of another franchise is refused with <see cref="EntitlementRefusal.NoMembership"/>.
    /// Call it in a location's scope; <paramref name="locationId"/> is normally that location.
    /// </summary>
    Task<MembershipEntitlement> GetAsync(Guid personId, Guid locationId, DateTimeOffset asOf, CancellationToken cancellationToken = default);
}

/// <summary>What a plan includes besides 24/7 access to its home gym.</summary>
/// <param name="IncludesClasses">Group classes may be booked.</param>
/// <param name="PtSessionsPerMonth">Personal-training sessions included each calendar month (0 = none).</param>
/// <param name="CoversAllFranchiseLocations">Multi-club: every location of the franchise, not only the home gym.</param>
public sealed record PlanInclusions(bool IncludesClasses, int PtSessionsPerMonth, bool CoversAllFranchiseLocations)
{
    /// <summary>A plan (or no plan) that includes nothing extra.</summary>
    public static PlanInclusions None { get; } = new(false, 0, false);
}

/// <summary>Why a person is not entitled. In JSON: <c>none</c>, <c>no_membership</c>, <c>pending</c>, <c>frozen</c>, …</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntitlementRefusal>))]
public enum EntitlementRefusal
{
    /// <summary>Not refused: the person is entitled.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>No membership at this location or any location of its franchise.</summary>
    [JsonStringEnumMemberName("no_membership")]
    NoMembership = 1,

    /// <summary>Joined but the first payment has not cleared.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 2,

    /// <summary>The membership is frozen (payments paused, no training).</summary>
    [JsonStringEnumMemberName("frozen")]
    Frozen = 3,

    /// <summary>A payment failed and has not been made good.</summary>
    [JsonStringEnumMemberName("past_due")]
    PastDue = 4,

    /// <summary>The membership was cancelled (or its scheduled cancellation has passed).</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 5,

    /// <summary>The membership never started (the checkout was abandoned).</summary>
    [JsonStringEnumMemberName("expired")]
    Expired = 6,

    /// <summary>A good membership of another gym of the franchise, on a single-club plan: home gym only.</summary>
    [JsonStringEnumMemberName("home_gym_only")]
    HomeGymOnly = 7,
}

/// <summary>The answer of <see cref="IMembershipEntitlements"/>.</summary>
/// <param name="IsEntitled">True when the person may train (enter, check in, book) here now.</param>
/// <param name="Refusal">Why not; <see cref="EntitlementRefusal.None"/> when entitled.</param>
/// <param name="Reason">The refusal (or "Active membership") in words a member and a front desk understand.</param>
/// <param name="Inclusions">The deciding membership's plan inclusions (<see cref="PlanInclusions.None"/> when there is none).</param>
/// <param name="HomeLocationId">The location the deciding membership belongs to (the member's home gym), if any.</param>
/// <param name="MembershipId">The deciding membership, if any.</param>
/// <param name="PlanCode">Its plan's code, if any.</param>
public sealed record MembershipEntitlement(
    bool IsEntitled,
    EntitlementRefusal Refusal,
    string Reason,
    PlanInclusions Inclusions,
    Guid? HomeLocationId,
    Guid? MembershipId,
    string? PlanCode)
{
    /// <summary>True when the deciding membership belongs to another gym of the franchise (a multi-club visit).</summary>
    public bool IsVisit(Guid locationId) => HomeLocationId is { } home && home != locationId;

    /// <summary>Entitled, and the plan includes group classes.</summary>
    public bool MayBookClasses => IsEntitled && Inclusions.IncludesClasses;
}

/// <summary>Finds the current location's members by name or email (the front desk's "search by name").</summary>
public interface IMemberDirectory
{
    /// <summary>Up to <paramref name="max"/> people holding (or having held) a membership of this gym whose name or email contains <paramref name="text"/>.</summary>
    Task<IReadOnlyList<MemberMatch>> SearchAsync(string text, int max, CancellationToken cancellationToken = default);
}

/// <summary>A member found by <see cref="IMemberDirectory"/>.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="Email">Their email.</param>
public sealed record MemberMatch(Guid PersonId, string DisplayName, string Email);
