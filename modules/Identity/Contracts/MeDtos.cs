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
