using System.Security.Claims;

namespace Derrimut.Identity.Contracts;

/// <summary>Where a person stands at the gym, as the people list shows it.</summary>
public static class PersonStatus
{
    /// <summary>Signs in and uses the gym.</summary>
    public const string Active = "active";

    /// <summary>Added by an admin and has not set a password yet.</summary>
    public const string Invited = "invited";

    /// <summary>An admin switched their access here off; their login still works at their other gyms.</summary>
    public const string Deactivated = "deactivated";
}

/// <summary>A person at the current location, as the admin's people list shows them.</summary>
/// <param name="UserId">The person's id.</param>
/// <param name="Email">Their login.</param>
/// <param name="DisplayName">How they are addressed.</param>
/// <param name="Roles">Their roles here, lowest first (<see cref="IdentityRoles.Location"/>).</param>
/// <param name="Status">One of <see cref="PersonStatus"/>.</param>
/// <param name="JoinedAt">When they joined this gym.</param>
public sealed record GymPerson(Guid UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, string Status, DateTimeOffset JoinedAt);

/// <summary>One page of the gym's people, ordered by name.</summary>
/// <param name="Items">The people on this page.</param>
/// <param name="Total">How many people match in all.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">People per page.</param>
public sealed record GymPeoplePage(IReadOnlyList<GymPerson> Items, int Total, int Page, int PageSize);

/// <summary>One cell of the grants matrix: whether <paramref name="Role"/> holds <paramref name="Permission"/> here.</summary>
/// <param name="Role">A location role.</param>
/// <param name="Permission">A tenant permission's name.</param>
/// <param name="Description">What the permission lets a person do.</param>
/// <param name="Granted">Whether the role holds it at this gym now.</param>
/// <param name="IsDefault">Whether the platform's default would grant it.</param>
/// <param name="Locked">Cannot be changed (admins always keep <see cref="IdentityPermissions.ManageOrganizationUsers"/>).</param>
public sealed record GrantCell(string Role, string Permission, string Description, bool Granted, bool IsDefault, bool Locked);

/// <summary>An integration client of the gym (client-credentials sign-in for another system).</summary>
/// <param name="ClientId">The id the integration signs in with.</param>
/// <param name="Name">What the admin called it.</param>
/// <param name="Permissions">What its tokens may do here.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ClientSecret">Its secret: only on the result of creating it, never stored in clear.</param>
public sealed record IntegrationClientSummary(string ClientId, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, string? ClientSecret);

/// <summary>
/// The gym admin's people, permissions and integrations pages: the same handlers, validation and rules as
/// <c>/api/identity/users</c>, <c>/api/identity/grants</c> and <c>/api/identity/clients</c>, for the web host's
/// interactive pages. Every call runs in a fresh scope of the current location and first re-reads the acting
/// person's access there, so an admin who lost <see cref="IdentityPermissions.ManageOrganizationUsers"/> while the
/// page was open is refused on their next click.
/// </summary>
/// <remarks>
/// Errors are the API's: <see cref="Derrimut.BuildingBlocks.Errors.ValidationException"/> with the API's field
/// names (<c>email</c>, <c>roles[0]</c>, <c>permission</c>…), <see cref="Derrimut.BuildingBlocks.Errors.ConflictException"/>
/// (e.g. removing one's own admin role, field <c>roles</c>), <see cref="Derrimut.BuildingBlocks.Errors.NotFoundException"/>
/// for someone not at this gym, and <see cref="Derrimut.BuildingBlocks.Errors.ForbiddenException"/> when the current
/// tenant is not a location or <paramref name="actor"/> may not manage its people.
/// </remarks>
public interface ILocationAccessAdmin
{
    /// <summary>The gym's people, searched by name or email, optionally with one role, paged.</summary>
    Task<GymPeoplePage> ListPeopleAsync(ClaimsPrincipal actor, string? search, string? role, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Adds a person by email with <paramref name="roles"/> and emails them a link to set their password.</summary>
    /// <param name="actor">The signed-in admin.</param>
    /// <param name="email">Their email address (field <c>email</c>).</param>
    /// <param name="displayName">Their name, for a new login (field <c>displayName</c>).</param>
    /// <param name="roles">Their roles here (field <c>roles</c>, <c>roles[i]</c>).</param>
    /// <param name="siteAddress">This gym's site, e.g. <c>https://st-albans.derrimut.com.au</c>, for the link in the email.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<GymPerson> InviteAsync(ClaimsPrincipal actor, string email, string? displayName, IReadOnlyList<string> roles, Uri siteAddress, CancellationToken cancellationToken = default);

    /// <summary>Replaces a person's roles here. Admins cannot remove their own admin role.</summary>
    Task<GymPerson> SetRolesAsync(ClaimsPrincipal actor, Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default);

    /// <summary>Switches a person's access here off (not one's own).</summary>
    Task<GymPerson> DeactivateAsync(ClaimsPrincipal actor, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Switches a deactivated person's access here back on.</summary>
    Task<GymPerson> ReactivateAsync(ClaimsPrincipal actor, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The grants matrix: every location role × every tenant permission.</summary>
    Task<IReadOnlyList<GrantCell>> ListGrantsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default);

    /// <summary>Grants or withdraws one permission from one role here; returns the whole matrix afterwards.</summary>
    Task<IReadOnlyList<GrantCell>> ChangeGrantAsync(ClaimsPrincipal actor, string role, string permission, bool granted, CancellationToken cancellationToken = default);

    /// <summary>The gym's integration clients, by name (no secrets).</summary>
    Task<IReadOnlyList<IntegrationClientSummary>> ListClientsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default);

    /// <summary>Creates an integration client with chosen permissions; the result carries its secret, once.</summary>
    Task<IntegrationClientSummary> CreateClientAsync(ClaimsPrincipal actor, string name, IReadOnlyList<string> permissions, CancellationToken cancellationToken = default);

    /// <summary>Revokes an integration client: it can get no new tokens.</summary>
    Task RevokeClientAsync(ClaimsPrincipal actor, string clientId, CancellationToken cancellationToken = default);
}

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
