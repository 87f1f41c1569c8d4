using System.Security.Claims;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Features.Clients;
using Derrimut.Identity.Features.Grants;
using Derrimut.Identity.Features.TenantUsers;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Derrimut.Identity.Features.AccessAdmin;

/// <summary>
/// The gym admin's pages run the very handlers behind <c>/api/identity/users</c>, <c>/grants</c> and <c>/clients</c>,
/// validating first as the API's validation filter does, so the rules (self-demotion, the inalienable grant, unknown
/// roles) cannot drift between the page and the API.
/// </summary>
/// <remarks>
/// An interactive page lives for minutes or hours in one circuit, i.e. one DI scope. Each call therefore runs in a
/// fresh scope of the page's location: a fresh DbContext (no stale tracked rows, nothing half-added left behind by a
/// failed save, and no two queries on one context when a live update reloads the list mid-click), and a fresh read of
/// the acting person's access, as the membership check does on every HTTP request.
/// </remarks>
internal sealed class LocationAccessAdmin(ICurrentTenant currentTenant, ITenantScopeFactory scopes) : ILocationAccessAdmin
{
    public Task<GymPeoplePage> ListPeopleAsync(ClaimsPrincipal actor, string? search, string? role, int page, int pageSize, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (sp, _, ct) =>
        {
            var result = (await TenantUsersEndpoints.ListAsync(sp.GetRequiredService<DerrimutDbContext>(), search, role, page, pageSize, ct)).Value!;
            return new GymPeoplePage([.. result.Items.Select(ToPerson)], result.Total, result.Page, result.PageSize);
        }, cancellationToken);

    public Task<GymPerson> InviteAsync(ClaimsPrincipal actor, string email, string? displayName, IReadOnlyList<string> roles, Uri siteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteAddress);
        var request = new InviteUserRequest(email, displayName, roles);
        Validate(request);
        return RunAsync(actor, async (sp, _, ct) => ToPerson((await TenantUsersEndpoints.InviteToSiteAsync(
            request, siteAddress, sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<DerrimutDbContext>(),
            sp.GetRequiredService<UserManager<DerrimutUser>>(), sp.GetRequiredService<IEmailSender>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILiveUpdates>(), ct)).Value!), cancellationToken);
    }

    public Task<GymPerson> SetRolesAsync(ClaimsPrincipal actor, Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default)
    {
        var request = new SetRolesRequest(roles);
        Validate(request);
        return RunAsync(actor, async (sp, me, ct) => ToPerson((await TenantUsersEndpoints.SetRolesAsync(
            userId, request, me, sp.GetRequiredService<DerrimutDbContext>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<ILiveUpdates>(), ct)).Value!), cancellationToken);
    }

    public Task<GymPerson> DeactivateAsync(ClaimsPrincipal actor, Guid userId, CancellationToken cancellationToken = default) =>
        SetActiveAsync(actor, userId, false, cancellationToken);

    public Task<GymPerson> ReactivateAsync(ClaimsPrincipal actor, Guid userId, CancellationToken cancellationToken = default) =>
        SetActiveAsync(actor, userId, true, cancellationToken);

    public Task<IReadOnlyList<GrantCell>> ListGrantsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (sp, _, ct) => ToCells((await GrantsEndpoints.ListAsync(
            sp.GetRequiredService<DerrimutDbContext>(), sp.GetRequiredService<GrantCalculator>(), ct)).Value!), cancellationToken);

    public Task<IReadOnlyList<GrantCell>> ChangeGrantAsync(ClaimsPrincipal actor, string role, string permission, bool granted, CancellationToken cancellationToken = default)
    {
        var request = new ChangeGrantRequest(role, permission, granted);
        Validate(request);
        return RunAsync(actor, async (sp, _, ct) => ToCells((await GrantsEndpoints.ChangeAsync(
            request, sp.GetRequiredService<DerrimutDbContext>(), sp.GetRequiredService<GrantCalculator>(),
            sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<ILiveUpdates>(), ct)).Value!), cancellationToken);
    }

    public Task<IReadOnlyList<IntegrationClientSummary>> ListClientsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<IntegrationClientSummary>>(actor, async (sp, _, ct) =>
            [.. (await ClientsEndpoints.ListAsync(sp.GetRequiredService<DerrimutDbContext>(), ct)).Value!.Select(ToSummary)], cancellationToken);

    public Task<IntegrationClientSummary> CreateClientAsync(ClaimsPrincipal actor, string name, IReadOnlyList<string> permissions, CancellationToken cancellationToken = default)
    {
        var request = new CreateClientRequest(name, permissions);
        Validate(request);
        return RunAsync(actor, async (sp, me, ct) => ToSummary((await ClientsEndpoints.CreateAsync(
            request, sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<DerrimutDbContext>(),
            sp.GetRequiredService<GrantCalculator>(), sp.GetRequiredService<IOpenIddictApplicationManager>(), me,
            sp.GetRequiredService<ILiveUpdates>(), ct)).Value!), cancellationToken);
    }

    public Task RevokeClientAsync(ClaimsPrincipal actor, string clientId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (sp, _, ct) =>
        {
            await ClientsEndpoints.DeleteAsync(
                clientId, sp.GetRequiredService<DerrimutDbContext>(), sp.GetRequiredService<IOpenIddictApplicationManager>(),
                sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<ILiveUpdates>(), ct);
            return true;
        }, cancellationToken);

    private Task<GymPerson> SetActiveAsync(ClaimsPrincipal actor, Guid userId, bool active, CancellationToken cancellationToken) =>
        RunAsync(actor, async (sp, me, ct) => ToPerson((await TenantUsersEndpoints.SetActiveAsync(
            userId, active, me, sp.GetRequiredService<DerrimutDbContext>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<ILiveUpdates>(), ct)).Value!), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a new scope of the current location, once the acting person is confirmed to
    /// hold <see cref="IdentityPermissions.ManageOrganizationUsers"/> here now (the API's route policy, re-read from
    /// the database rather than trusted from the claims the page was opened with).
    /// </summary>
    private async Task<T> RunAsync<T>(ClaimsPrincipal actor, Func<IServiceProvider, ClaimsPrincipal, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (currentTenant.Tenant is not { IsLocation: true } location)
        {
            throw new ForbiddenException("People, permissions and integrations are managed on each gym's own site.");
        }

        var userId = actor.FindUserId() ?? throw new ForbiddenException("Sign in to manage this gym's people.");
        return await scopes.RunAsync(location, async (sp, ct) =>
        {
            var access = await sp.GetRequiredService<TenantAccessResolver>().ResolveAsync(userId, ct);
            if (!access.Permissions.Contains(IdentityPermissions.ManageOrganizationUsers))
            {
                throw new ForbiddenException("You may not manage this gym's people.");
            }

            // The handlers compare the acting person by id (self-demotion, self-deactivation, who created a client).
            var me = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "derrimut:page"));
            return await work(sp, me, ct);
        }, cancellationToken);
    }

    private static void Validate(IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }

    private static GymPerson ToPerson(TenantUserDto user) =>
        new(user.UserId, user.Email, user.DisplayName, user.Roles, user.Status, user.JoinedAt);

    private static IReadOnlyList<GrantCell> ToCells(IReadOnlyList<GrantDto> grants) =>
        [.. grants.Select(g => new GrantCell(g.Role, g.Permission, g.Description, g.Granted, g.IsDefault, g.Locked))];

    private static IntegrationClientSummary ToSummary(ClientDto client) =>
        new(client.ClientId, client.Name, client.Permissions, client.CreatedAt, client.ClientSecret);
}
