using System.Text.Json.Serialization;

namespace Derrimut.Organizations.Contracts;

/// <summary>What an organisation is: one gym, or the franchise that runs gyms (the API writes it in lowercase).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganizationKind>))]
public enum OrganizationKind
{
    /// <summary>One gym, with its own site, people and members.</summary>
    [JsonStringEnumMemberName("location")]
    Location,

    /// <summary>A franchise: its admins act at each of its gyms.</summary>
    [JsonStringEnumMemberName("franchise")]
    Franchise,
}

/// <summary>Whether a site serves its people (the API writes it in lowercase).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SiteState>))]
public enum SiteState
{
    /// <summary>Being set up: not open yet.</summary>
    [JsonStringEnumMemberName("provisioning")]
    Provisioning,

    /// <summary>Open.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Suspended by the platform: its site answers 403.</summary>
    [JsonStringEnumMemberName("suspended")]
    Suspended,
}

/// <summary>An Australian street address.</summary>
/// <param name="Street">Street line, e.g. "2/15 Ballarat Road".</param>
/// <param name="Suburb">Suburb, e.g. "Sunshine West".</param>
/// <param name="State">One of ACT, NSW, NT, QLD, SA, TAS, VIC, WA.</param>
/// <param name="Postcode">Four digits, within the state's ranges.</param>
public sealed record AddressDto(string Street, string Suburb, string State, string Postcode);

/// <summary>A day's staffed or opening hours, local time at the location.</summary>
/// <param name="Day">Lowercase English weekday, e.g. "monday".</param>
/// <param name="Opens">"HH:mm".</param>
/// <param name="Closes">"HH:mm", later than <paramref name="Opens"/> ("24:00" for midnight).</param>
public sealed record OpeningHoursDto(string Day, string Opens, string Closes);

/// <summary>The public profile of a location or franchise, as its site shows it.</summary>
/// <param name="Identifier">Subdomain label.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">A location or a franchise.</param>
/// <param name="Address">Street address (locations).</param>
/// <param name="Phone">Contact phone.</param>
/// <param name="Email">Contact email.</param>
/// <param name="TimeZone">IANA zone the gym keeps its times in.</param>
/// <param name="Currency">ISO currency.</param>
/// <param name="OpeningHours">Opening (or staffed, for 24/7 gyms) hours.</param>
/// <param name="IsOpen24x7">Open around the clock.</param>
/// <param name="Amenities">Amenity codes, e.g. "sauna".</param>
/// <param name="PhotoUrl">An https address of the gym's photo, or null.</param>
public sealed record OrganizationProfileDto(
    string Identifier,
    string Name,
    OrganizationKind Kind,
    AddressDto? Address,
    string? Phone,
    string? Email,
    string TimeZone,
    string Currency,
    IReadOnlyList<OpeningHoursDto> OpeningHours,
    bool IsOpen24x7,
    IReadOnlyList<string> Amenities,
    string? PhotoUrl = null);

/// <summary>A franchise or location as the platform API and console see it.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Identifier">Subdomain label.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">A franchise or a location.</param>
/// <param name="FranchiseId">The franchise a location belongs to; null for a franchise.</param>
/// <param name="State">Whether its site is open.</param>
/// <param name="Profile">Its public profile.</param>
/// <param name="Version">The version to send back with an update (optimistic concurrency).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record PlatformTenantDto(
    Guid Id,
    string Identifier,
    string Name,
    OrganizationKind Kind,
    Guid? FranchiseId,
    SiteState State,
    OrganizationProfileDto Profile,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One page of tenants, franchises first, then by name.</summary>
/// <param name="Items">The tenants on this page.</param>
/// <param name="Total">How many tenants match in all.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Tenants per page.</param>
public sealed record TenantPage(IReadOnlyList<PlatformTenantDto> Items, int Total, int Page, int PageSize);

/// <summary>A gym's (or franchise's) profile as its admins edit it (<c>GET/PUT /api/organizations/current</c>).</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Kind">A location or a franchise.</param>
/// <param name="Profile">The public profile, as the site shows it.</param>
/// <param name="Abn">Australian Business Number, 11 digits, or null.</param>
/// <param name="Version">Send it back with the change: a stale version gets 409.</param>
/// <param name="Locations">On a franchise: its locations, to edit each on its own site; empty on a location.</param>
/// <param name="UpdatedAt">When the profile last changed.</param>
public sealed record GymProfileDto(
    Guid Id,
    OrganizationKind Kind,
    OrganizationProfileDto Profile,
    string? Abn,
    long Version,
    IReadOnlyList<GymLocationDto> Locations,
    DateTimeOffset UpdatedAt);

/// <summary>One location of a franchise.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Identifier">Subdomain label.</param>
/// <param name="Name">Display name.</param>
/// <param name="State">Whether its site is open.</param>
public sealed record GymLocationDto(Guid Id, string Identifier, string Name, SiteState State);

/// <summary>One change to a gym's profile, newest first on the profile page.</summary>
/// <param name="At">When.</param>
/// <param name="ActorId">Who (a person's id).</param>
/// <param name="Action">What kind of change, e.g. "profile-updated".</param>
/// <param name="Detail">The fields that changed.</param>
public sealed record GymProfileChangeDto(DateTimeOffset At, Guid? ActorId, string Action, string Detail);
