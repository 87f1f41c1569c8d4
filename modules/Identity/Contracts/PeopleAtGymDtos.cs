using System.Text.Json.Serialization;

namespace Derrimut.Identity.Contracts;

/// <summary>Where a person stands at the gym, as the people list shows it (the API writes it in lowercase).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PersonStatus>))]
public enum PersonStatus
{
    /// <summary>Signs in and uses the gym.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Added by an admin and has not set a password yet, or (a login from elsewhere) has not come to this gym yet.</summary>
    [JsonStringEnumMemberName("invited")]
    Invited,

    /// <summary>An admin switched their access here off; their login still works at their other gyms.</summary>
    [JsonStringEnumMemberName("deactivated")]
    Deactivated,
}

/// <summary>A person at the current location, as <c>/api/identity/users</c> and the admin's people page show them.</summary>
/// <param name="UserId">The person's id.</param>
/// <param name="Email">Their login.</param>
/// <param name="DisplayName">How they are addressed.</param>
/// <param name="Roles">Their roles here, lowest first (<see cref="IdentityRoles.Location"/>).</param>
/// <param name="IsActive">False once an admin deactivated them here.</param>
/// <param name="EmailConfirmed">Whether their email address is confirmed.</param>
/// <param name="JoinedAt">When they joined this gym.</param>
/// <param name="Status">Where they stand here.</param>
public sealed record TenantUserDto(Guid UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive, bool EmailConfirmed, DateTimeOffset JoinedAt, PersonStatus Status);

/// <summary>One page of the gym's people, ordered by name.</summary>
/// <param name="Items">The people on this page.</param>
/// <param name="Total">How many people match in all.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">People per page.</param>
public sealed record TenantUserPage(IReadOnlyList<TenantUserDto> Items, int Total, int Page, int PageSize);

/// <summary>One cell of the grants matrix: whether <paramref name="Role"/> holds <paramref name="Permission"/> here.</summary>
/// <param name="Role">A location role.</param>
/// <param name="Permission">A tenant permission's name.</param>
/// <param name="Description">What the permission lets a person do.</param>
/// <param name="Granted">Whether the role holds it at this gym now.</param>
/// <param name="IsDefault">Whether the platform's default would grant it.</param>
/// <param name="Locked">Cannot be changed (admins always keep <see cref="IdentityPermissions.ManageOrganizationUsers"/>).</param>
public sealed record GrantDto(string Role, string Permission, string Description, bool Granted, bool IsDefault, bool Locked);

/// <summary>An integration client of the gym (client-credentials sign-in for another system).</summary>
/// <param name="ClientId">The id the integration signs in with.</param>
/// <param name="Name">What the admin called it.</param>
/// <param name="Permissions">What its tokens may do here.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ClientSecret">Its secret: only in the response that created it, never stored in clear.</param>
public sealed record ClientDto(string ClientId, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, string? ClientSecret = null);

/// <summary>The <see cref="Derrimut.BuildingBlocks.Realtime.LiveUpdate"/> topics Identity publishes after a change is committed.</summary>
public static class IdentityTopics
{
    /// <summary>Someone's roles or access at the gym changed, or someone was invited (the detail is their id).</summary>
    public const string People = "identity.people";

    /// <summary>The gym's grants matrix changed.</summary>
    public const string Grants = "identity.grants";

    /// <summary>An integration client was created or revoked.</summary>
    public const string Clients = "identity.clients";
}
