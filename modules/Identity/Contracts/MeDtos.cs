using System.Text.Json.Serialization;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Identity.Contracts;

/// <summary>A gym (or franchise) the person has access at, with their roles there.</summary>
public sealed record GymAccessDto(Guid TenantId, string Identifier, string Name, OrganizationKind Kind, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>The tenant the request was made at.</summary>
public sealed record TenantRefDto(Guid Id, string Identifier, string Name, OrganizationKind Kind);

/// <summary>Body of <c>GET /api/me</c>.</summary>
public sealed record MeDto(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailConfirmed,
    bool TwoFactorEnabled,
    bool IsSuperAdmin,
    TenantRefDto? Tenant,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    // The wire name predates the rename of Identity's person-at-a-gym concept; the API keeps it.
    [property: JsonPropertyName("memberships")] IReadOnlyList<GymAccessDto> Places);

/// <summary>A gym (or franchise) site the signed-in person can move to from the header's gym switcher.</summary>
/// <param name="Identifier">Subdomain label.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">A location or a franchise.</param>
/// <param name="Url">The site's address, built from the configured root domain.</param>
/// <param name="IsCurrent">The site this request was made at.</param>
public sealed record GymLinkDto(string Identifier, string Name, OrganizationKind Kind, string Url, bool IsCurrent);

/// <summary>A person's own profile (<c>GET/PUT /api/me/profile</c>), which staff also see on the member view.</summary>
/// <param name="DisplayName">How the person is addressed.</param>
/// <param name="Email">Their sign-in email (changed through the account pages, not here).</param>
/// <param name="Phone">Their phone number.</param>
/// <param name="PhotoUrl">Their photo's address: the app's own <c>/people/{id}/photo?v=…</c> for an uploaded one (served on any gym site they belong to), or an https link.</param>
/// <param name="EmergencyContactName">Who to call if something happens at the gym.</param>
/// <param name="EmergencyContactPhone">The emergency contact's phone number.</param>
public sealed record PersonProfileDto(string DisplayName, string Email, string? Phone, string? PhotoUrl, string? EmergencyContactName, string? EmergencyContactPhone);

/// <summary>Reads a person's profile for staff pages of other modules (the member view).</summary>
public interface IPersonProfiles
{
    /// <summary>The profile of a person who belongs to the current gym, or null when they don't.</summary>
    Task<PersonProfileDto?> FindAtThisGymAsync(Guid userId, CancellationToken cancellationToken = default);
}
