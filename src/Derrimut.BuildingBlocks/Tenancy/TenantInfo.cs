namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>Whether a tenant is a franchise (a group of locations) or one gym location.</summary>
public enum TenantKind
{
    /// <summary>A franchise: owns locations, franchise admins run all of them.</summary>
    Franchise = 1,

    /// <summary>One gym location, served on its own subdomain.</summary>
    Location = 2,
}

/// <summary>A tenant's life cycle.</summary>
public enum TenantState
{
    /// <summary>Created but not open yet: its site refuses requests.</summary>
    Provisioning = 0,

    /// <summary>Open for business.</summary>
    Active = 1,

    /// <summary>Switched off by the platform: its site answers 403.</summary>
    Suspended = 2,
}

/// <summary>
/// What the request pipeline knows about a tenant: small, immutable and cached. <see cref="Id"/> never changes;
/// <see cref="Identifier"/> is the subdomain label and may be renamed.
/// </summary>
/// <param name="Id">The stable id every owned row carries.</param>
/// <param name="Identifier">The subdomain label, lowercase.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Franchise or location.</param>
/// <param name="FranchiseId">The owning franchise; a franchise's own id for a franchise.</param>
/// <param name="State">Provisioning, active or suspended.</param>
/// <param name="TimeZoneId">IANA time zone, <c>Australia/Melbourne</c> by default.</param>
/// <param name="Currency">ISO currency, AUD.</param>
[System.ComponentModel.ImmutableObject(true)] // lets HybridCache hand out one instance instead of deserialising per hit
public sealed record TenantInfo(
    Guid Id,
    string Identifier,
    string Name,
    TenantKind Kind,
    Guid FranchiseId,
    TenantState State,
    string TimeZoneId,
    string Currency)
{
    /// <summary>True for a gym location.</summary>
    public bool IsLocation => Kind == TenantKind.Location;
}
