namespace Derrimut.Memberships.Domain;

/// <summary>
/// A new price for one member's membership from a billing date at least the notice period away, recorded when the
/// gym raised a plan's price for existing members too, with the date the member was told.
/// </summary>
internal sealed class PlanPriceChange : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid MembershipId { get; set; }

    public Guid UserId { get; set; }

    public Guid PlanId { get; set; }

    public long OldPriceCents { get; set; }

    public long NewPriceCents { get; set; }

    /// <summary>The member's first billing date on or after the notice period's end.</summary>
    public DateTimeOffset EffectiveFrom { get; set; }

    /// <summary>When the notice email went out.</summary>
    public DateTimeOffset NoticeSentAt { get; set; }

    public Guid? ChangedByUserId { get; set; }

    /// <summary>When the new price was set on the member's subscription at the gateway; null until then.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>Why the last attempt to apply it failed (the job tries again on its next run).</summary>
    public string? LastError { get; set; }
}

/// <summary>Who created, changed or retired a plan, and what changed.</summary>
internal sealed class PlanAuditEntry : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid PlanId { get; set; }

    public Guid? ActorUserId { get; set; }

    /// <summary><c>plan-created</c>, <c>plan-updated</c>, <c>price-changed</c>, <c>plan-retired</c>.</summary>
    public string Action { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>The notice an Australian consumer gets before their price goes up (<c>Memberships:PriceChanges</c>).</summary>
internal sealed class PriceChangeOptions
{
    public const string Section = "Memberships:PriceChanges";

    /// <summary>The shortest notice the platform allows: 30 days.</summary>
    public const int MinimumNoticeDays = 30;

    /// <summary>Days of notice before a higher price applies to an existing member (at least 30).</summary>
    public int NoticeDays { get; set; } = MinimumNoticeDays;

    public int EffectiveNoticeDays => Math.Max(NoticeDays, MinimumNoticeDays);
}
