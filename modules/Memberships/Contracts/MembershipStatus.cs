namespace Derrimut.Memberships.Contracts;

/// <summary>Where a membership is in its life.</summary>
public enum MembershipStatus
{
    /// <summary>Checkout started; not paid yet.</summary>
    Pending = 1,

    /// <summary>Paid up: the member may train.</summary>
    Active = 2,

    /// <summary>A payment failed and is being retried: access is at the gym's discretion until it clears.</summary>
    PastDue = 3,

    /// <summary>Ended by cancellation (the member's, the gym's, or the gateway's after failed retries). Terminal.</summary>
    Cancelled = 4,

    /// <summary>Never started: the checkout was abandoned or the first payment never cleared. Terminal.</summary>
    Expired = 5,
}
