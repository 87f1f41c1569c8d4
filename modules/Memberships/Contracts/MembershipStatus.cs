using System.Text.Json.Serialization;

namespace Derrimut.Memberships.Contracts;

/// <summary>Where a membership is in its life. In JSON: <c>pending</c>, <c>active</c>, <c>past_due</c>, <c>cancelled</c>, <c>expired</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MembershipStatus>))]
public enum MembershipStatus
{
    /// <summary>Checkout started; not paid yet.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    /// <summary>Paid up: the member may train.</summary>
    [JsonStringEnumMemberName("active")]
    Active = 2,

    /// <summary>A payment failed and is being retried: access is at the gym's discretion until it clears.</summary>
    [JsonStringEnumMemberName("past_due")]
    PastDue = 3,

    /// <summary>Ended by cancellation (the member's, the gym's, or the gateway's after failed retries). Terminal.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 4,

    /// <summary>Never started: the checkout was abandoned or the first payment never cleared. Terminal.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired = 5,
}

/// <summary>What a line of a member's ledger records. In JSON: <c>charge</c>, <c>refund</c>, <c>failed_payment</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerLineKind>))]
public enum LedgerLineKind
{
    /// <summary>Money taken (a joining payment or a renewal).</summary>
    [JsonStringEnumMemberName("charge")]
    Charge = 1,

    /// <summary>Money given back (cumulative per charge); the amount is negative.</summary>
    [JsonStringEnumMemberName("refund")]
    Refund = 2,

    /// <summary>A payment that did not go through; nothing was taken.</summary>
    [JsonStringEnumMemberName("failed_payment")]
    FailedPayment = 3,
}
