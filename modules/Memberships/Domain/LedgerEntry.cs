namespace Derrimut.Memberships.Domain;

/// <summary>What a ledger line records.</summary>
internal enum LedgerEntryKind
{
    /// <summary>Money taken (a joining payment or a renewal).</summary>
    Charge = 1,

    /// <summary>Money given back (cumulative per charge).</summary>
    Refund = 2,

    /// <summary>A payment that did not go through; nothing was taken.</summary>
    FailedPayment = 3,
}

/// <summary>
/// One line of a member's ledger, written from Billing's events. <see cref="Reference"/> is the gateway's id for the
/// thing recorded (invoice for charges, invoice and attempt for failures, charge for refunds), unique per kind at
/// the location, so a repeated event never writes a second line.
/// </summary>
internal sealed class LedgerEntry : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public Guid? MembershipId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>When it happened at the gateway (UTC; shown in the gym's time zone).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>GST-inclusive cents: positive for charges and failed attempts, negative for refunds.</summary>
    public long AmountCents { get; set; }

    public long GstCents { get; set; }

    public string Description { get; set; } = "";

    public string Reference { get; set; } = "";

    public string? PaymentIntentId { get; set; }

    public string? InvoiceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Who did what to a membership, for the gym's records and disputes.</summary>
internal sealed class MembershipAuditEntry : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid MembershipId { get; set; }

    /// <summary>The person who acted; null when the gateway did (a webhook).</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>What happened, e.g. <c>cancel-requested</c>, <c>freeze-requested</c>.</summary>
    public string Action { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
