namespace Derrimut.Organizations.Contracts;

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
/// <param name="Kind">"location" or "franchise".</param>
/// <param name="Address">Street address (locations).</param>
/// <param name="Phone">Contact phone.</param>
/// <param name="Email">Contact email.</param>
/// <param name="TimeZone">IANA zone the gym keeps its times in.</param>
/// <param name="Currency">ISO currency.</param>
/// <param name="OpeningHours">Opening (or staffed, for 24/7 gyms) hours.</param>
/// <param name="IsOpen24x7">Open around the clock.</param>
/// <param name="Amenities">Amenity codes, e.g. "sauna".</param>
public sealed record OrganizationProfileDto(
    string Identifier,
    string Name,
    string Kind,
    AddressDto? Address,
    string? Phone,
    string? Email,
    string TimeZone,
    string Currency,
    IReadOnlyList<OpeningHoursDto> OpeningHours,
    bool IsOpen24x7,
    IReadOnlyList<string> Amenities);
