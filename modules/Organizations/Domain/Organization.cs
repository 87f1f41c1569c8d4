namespace Derrimut.Organizations.Domain;

/// <summary>
/// A tenant: a franchise or one of its gym locations. Platform-owned (no tenant filter): only the platform
/// writes it, and the request pipeline reads it through the cached catalog.
/// </summary>
internal sealed class Organization : IAuditable, IVersioned, Derrimut.BuildingBlocks.Caching.IShownOnPublicPages
{
    public const string DefaultTimeZone = "Australia/Melbourne";
    public const string DefaultCurrency = "AUD";

    public Guid Id { get; set; }

    /// <summary>Subdomain label; unique across all tenants (a franchise and a location cannot share one).</summary>
    public string Identifier { get; set; } = "";

    public string Name { get; set; } = "";

    public TenantKind Kind { get; set; }

    /// <summary>The franchise a location belongs to; null for a franchise.</summary>
    public Guid? ParentId { get; set; }

    public TenantState State { get; set; } = TenantState.Provisioning;

    public string TimeZone { get; set; } = DefaultTimeZone;

    public string Currency { get; set; } = DefaultCurrency;

    public AustralianAddress? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsOpen24x7 { get; set; }

    /// <summary>Australian Business Number (11 digits, no spaces): payslips and tax invoices must show it.</summary>
    public string? Abn { get; set; }

    /// <summary>An https address of the gym's photo for its public site (the gym hosts the image; we keep the link).</summary>
    public string? PhotoUrl { get; set; }

    public List<DailyHours> OpeningHours { get; set; } = [];

    public List<string> Amenities { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The franchise this tenant belongs to (itself, for a franchise).</summary>
    public Guid FranchiseId => ParentId ?? Id;

    /// <summary>
    /// Its own pages, and its franchise's (whose home lists the locations; that tag also covers the sibling locations'
    /// pages, which a rename or a new location re-renders once).
    /// </summary>
    IEnumerable<Guid> Derrimut.BuildingBlocks.Caching.IShownOnPublicPages.PublicPageOwners => ParentId is { } franchise ? [Id, franchise] : [Id];

    public TenantInfo ToTenantInfo() => new(Id, Identifier, Name, Kind, FranchiseId, State, TimeZone, Currency);
}

/// <summary>An Australian street address (owned by <see cref="Organization"/>).</summary>
internal sealed class AustralianAddress
{
    public string Street { get; set; } = "";

    public string Suburb { get; set; } = "";

    public string State { get; set; } = "";

    public string Postcode { get; set; } = "";
}

/// <summary>One day's hours, local time.</summary>
internal sealed record DailyHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes, bool ClosesAtMidnight);
