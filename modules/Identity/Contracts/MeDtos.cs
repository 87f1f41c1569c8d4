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
