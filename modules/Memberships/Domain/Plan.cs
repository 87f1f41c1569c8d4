namespace Derrimut.Memberships.Domain;

/// <summary>A membership plan a location sells, e.g. "No lock-in, $33.90 a fortnight".</summary>
internal sealed class Plan : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>Stable code, unique at the location; travels to the gateway as metadata <c>plan</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The recurring price in cents, GST included.</summary>
    public long PriceCents { get; set; }

    public BillingIntervalUnit IntervalUnit { get; set; }

    public int IntervalCount { get; set; } = 1;

    /// <summary>Months the member commits to; 0 for no lock-in. Cancelling earlier takes effect when it ends.</summary>
    public int MinimumTermMonths { get; set; }

    /// <summary>One-off fee added to the first charge, GST included; 0 for none.</summary>
    public long JoiningFeeCents { get; set; }

    /// <summary>A Stripe price the gym created for this plan; otherwise the price is sent inline.</summary>
    public string? StripePriceId { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Members on this plan may book the location's group classes.</summary>
    public bool IncludesClasses { get; set; }

    /// <summary>Personal-training sessions included each calendar month (0 = none; extra sessions are paid).</summary>
    public int PtSessionsPerMonth { get; set; }

    /// <summary>Multi-club: the plan opens every location of the franchise, not only the home gym.</summary>
    public bool CoversAllFranchiseLocations { get; set; }

    /// <summary>False once the gym stops selling it; existing members keep it.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public BillingInterval Interval => new(IntervalUnit, IntervalCount);

    public PlanInclusions Inclusions => new(IncludesClasses, PtSessionsPerMonth, CoversAllFranchiseLocations);

    public CheckoutPlan ToCheckoutPlan() => new(Code, Name, PriceCents, Interval, JoiningFeeCents, StripePriceId);
}
