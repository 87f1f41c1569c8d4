using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Features.Clients;
using Derrimut.Identity.Features.Grants;
using Derrimut.Identity.Features.TenantUsers;
using Derrimut.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The gym admin's people, permissions and integrations pages make page calls to the API's own handlers, so they
/// meet the API's rules: validation naming the field, no self-demotion or self-deactivation, the inalienable grant,
/// the tenant filter, and the caller's access read again on every call (a demoted or deactivated admin's open page
/// is refused on its next click).
/// </summary>
public abstract class GymAdminPageCallsShould(AccountFixture fixture)
{
    private const string D = AccountFixture.Domain;

    private async Task<ClaimsPrincipal> ActorAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException(email);
        // What a page has: the signed-in person's id. Each page call reads what they may do here from the database itself.
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString())], "test"));
    }

    /// <summary>Runs <paramref name="work"/> as the admin pages do: on the location's page, through its page calls.</summary>
    private async Task<T> AtAsync<T>(string location, Func<AdminPage, Task<T>> work)
    {
        var tenant = await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(location)
            ?? throw new InvalidOperationException(location);
        return await fixture.App.Services.GetRequiredService<ITenantScopeFactory>()
            .RunAsync(tenant, (sp, _) => work(new AdminPage(sp.GetRequiredService<IPageCalls>())));
    }

    private async Task<TenantUserDto> PersonAsync(string location, ClaimsPrincipal admin, string email) =>
        (await AtAsync(location, a => a.ListPeopleAsync(admin, email, null, 1, 10))).Items.Single(p => p.Email == email);

    [Fact]
    public async Task RefuseAnAdminRemovingTheirOwnAdminRole()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var me = await PersonAsync("st-albans", admin, $"admin@st-albans.{D}");

        var refused = await Should.ThrowAsync<ConflictException>(AtAsync("st-albans", a => a.SetRolesAsync(admin, me.UserId, [IdentityRoles.Staff])));
        refused.Field.ShouldBe("roles");
        (await PersonAsync("st-albans", admin, $"admin@st-albans.{D}")).Roles.ShouldBe([IdentityRoles.Admin]);

        await Should.ThrowAsync<ConflictException>(AtAsync("st-albans", a => a.DeactivateAsync(admin, me.UserId)));
    }

    [Fact]
    public async Task NameTheFieldOfAnUnknownRoleOrABadEmail()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var mia = await PersonAsync("st-albans", admin, $"member@st-albans.{D}");

        var unknownRole = await Should.ThrowAsync<ValidationException>(AtAsync("st-albans", a => a.SetRolesAsync(admin, mia.UserId, [IdentityRoles.Member, "owner"])));
        unknownRole.Errors.Keys.ShouldBe(["roles[1]"]);
        unknownRole.Errors["roles[1]"].Single().ShouldContain("owner");

        var noRoles = await Should.ThrowAsync<ValidationException>(AtAsync("st-albans", a => a.SetRolesAsync(admin, mia.UserId, [])));
        noRoles.Errors.Keys.ShouldBe(["roles"]);

        var badEmail = await Should.ThrowAsync<ValidationException>(AtAsync("st-albans", a => a.InviteAsync(admin, "not an email", null, [IdentityRoles.Trainer])));
        badEmail.Errors.Keys.ShouldBe(["email"]);

        var superRole = await Should.ThrowAsync<ValidationException>(AtAsync("st-albans", a => a.InviteAsync(admin, $"x-{Guid.NewGuid():N}@example.com", null, [IdentityRoles.SuperAdmin])));
        superRole.Errors.Keys.ShouldBe(["roles[0]"]);
    }

    [Fact]
    public async Task InviteATrainerByEmailWithALinkToSetTheirPassword()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var email = $"coach-{Guid.NewGuid():N}@example.com";

        var invited = await AtAsync("st-albans", a => a.InviteAsync(admin, email, "Casey Coach", [IdentityRoles.Trainer]));

        invited.Roles.ShouldBe([IdentityRoles.Trainer]);
        invited.Status.ShouldBe(PersonStatus.Invited);
        var message = fixture.Mail.Latest(email, "You're invited to Derrimut 24:7 Gym St Albans");
        new Uri(fixture.Mail.LinkIn(message, "/account/reset-password")).Host.ShouldBe($"st-albans.{D}");
        (await PersonAsync("st-albans", admin, email)).DisplayName.ShouldBe("Casey Coach");

        var again = await Should.ThrowAsync<ConflictException>(AtAsync("st-albans", a => a.InviteAsync(admin, email, null, [IdentityRoles.Staff])));
        again.Field.ShouldBe("email");
    }

    [Fact]
    public async Task LetOnlyOneOfSeveralRacingInvitationsOfOnePersonThrough()
    {
        var admin = await ActorAsync($"admin@werribee.{D}");
        var email = $"race-{Guid.NewGuid():N}@example.com";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await AtAsync("werribee", a => a.InviteAsync(admin, email, null, [IdentityRoles.Staff]));
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }));

        outcomes.Count(e => e is null).ShouldBe(1);
        foreach (var refused in outcomes.OfType<Exception>())
        {
            // The database's unique indexes decide: the others are told the person is already here, on the email field.
            var conflict = refused.ShouldBeOfType<ConflictException>();
            conflict.Field.ShouldBe("email");
        }

        (await AtAsync("werribee", a => a.ListPeopleAsync(admin, email, null, 1, 10))).Total.ShouldBe(1);
        fixture.Mail.CountTo(email).ShouldBe(1);
    }

    [Fact]
    public async Task ChangeRolesAndDeactivateAndReactivateSomeoneElse()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var email = $"desk-{Guid.NewGuid():N}@example.com";
        var person = await AtAsync("st-albans", a => a.InviteAsync(admin, email, null, [IdentityRoles.Member]));

        (await AtAsync("st-albans", a => a.SetRolesAsync(admin, person.UserId, [IdentityRoles.Staff, IdentityRoles.Member, IdentityRoles.Staff]))).Roles
            .ShouldBe([IdentityRoles.Member, IdentityRoles.Staff]);
        (await AtAsync("st-albans", a => a.DeactivateAsync(admin, person.UserId))).Status.ShouldBe(PersonStatus.Deactivated);
        (await PersonAsync("st-albans", admin, email)).Status.ShouldBe(PersonStatus.Deactivated);
        (await AtAsync("st-albans", a => a.ReactivateAsync(admin, person.UserId))).Status.ShouldBe(PersonStatus.Invited);
    }

    [Fact]
    public async Task KeepAnotherGymsPeopleOutOfReach()
    {
        var stAlbansAdmin = await ActorAsync($"admin@st-albans.{D}");
        var werribeeAdmin = await ActorAsync($"admin@werribee.{D}");
        var wes = await PersonAsync("werribee", werribeeAdmin, $"member@werribee.{D}");

        (await AtAsync("st-albans", a => a.ListPeopleAsync(stAlbansAdmin, "Wes", null, 1, 10))).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(AtAsync("st-albans", a => a.DeactivateAsync(stAlbansAdmin, wes.UserId)));
        await Should.ThrowAsync<NotFoundException>(AtAsync("st-albans", a => a.SetRolesAsync(stAlbansAdmin, wes.UserId, [IdentityRoles.Admin])));
        (await PersonAsync("werribee", werribeeAdmin, $"member@werribee.{D}")).Roles.ShouldBe([IdentityRoles.Member]);

        // Werribee's admin acting on St Albans's site holds nothing there.
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListPeopleAsync(werribeeAdmin, null, null, 1, 10)));
    }

    [Theory]
    [InlineData("member@st-albans")]
    [InlineData("trainer@st-albans")]
    public async Task RefuseMembersAndTrainers(string who)
    {
        var person = await ActorAsync($"{who}.{D}");
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListPeopleAsync(person, null, null, 1, 10)));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListGrantsAsync(person)));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListClientsAsync(person)));
    }

    [Fact]
    public async Task WorkOnlyOnALocationsOwnSite()
    {
        var franchiseAdmin = await ActorAsync($"franchise-admin@{D}");
        await Should.ThrowAsync<ForbiddenException>(AtAsync("derrimut-group", a => a.ListPeopleAsync(franchiseAdmin, null, null, 1, 10)));
        (await AtAsync("st-albans", a => a.ListPeopleAsync(franchiseAdmin, null, null, 1, 10))).Total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ChangeGrantsButNeverTakeManagingPeopleFromAdmins()
    {
        var admin = await ActorAsync($"admin@sunshine-west.{D}");

        var refused = await Should.ThrowAsync<ValidationException>(AtAsync("sunshine-west", a => a.ChangeGrantAsync(admin, IdentityRoles.Admin, IdentityPermissions.ManageOrganizationUsers, false)));
        refused.Errors.Keys.ShouldBe(["permission"]);
        var unknown = await Should.ThrowAsync<ValidationException>(AtAsync("sunshine-west", a => a.ChangeGrantAsync(admin, "owner", IdentityPermissions.ViewClients, true)));
        unknown.Errors.Keys.ShouldBe(["role"]);

        var matrix = await AtAsync("sunshine-west", a => a.ChangeGrantAsync(admin, IdentityRoles.Staff, IdentityPermissions.ManageTrainers, true));
        var cell = matrix.Single(c => c.Role == IdentityRoles.Staff && c.Permission == IdentityPermissions.ManageTrainers);
        cell.Granted.ShouldBeTrue();
        cell.IsDefault.ShouldBeFalse();
        matrix.Single(c => c.Role == IdentityRoles.Admin && c.Permission == IdentityPermissions.ManageOrganizationUsers).Locked.ShouldBeTrue();

        // Another gym keeps its own grants.
        var werribeeAdmin = await ActorAsync($"admin@werribee.{D}");
        var werribee = await AtAsync("werribee", a => a.ListGrantsAsync(werribeeAdmin));
        werribee.Single(c => c.Role == IdentityRoles.Staff && c.Permission == IdentityPermissions.ManageTrainers).Granted.ShouldBeFalse();

        (await AtAsync("sunshine-west", a => a.ChangeGrantAsync(admin, IdentityRoles.Staff, IdentityPermissions.ManageTrainers, false)))
            .Single(c => c.Role == IdentityRoles.Staff && c.Permission == IdentityPermissions.ManageTrainers).Granted.ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAnIntegrationShowingItsSecretOnceAndRevokeIt()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");

        var bad = await Should.ThrowAsync<ValidationException>(AtAsync("st-albans", a => a.CreateClientAsync(admin, "Door", ["view:clients", "manage:all_users"])));
        bad.Errors.Keys.ShouldBe(["permissions[1]"]);

        var created = await AtAsync("st-albans", a => a.CreateClientAsync(admin, "Front door", [IdentityPermissions.ViewClients]));
        created.ClientSecret.ShouldNotBeNullOrWhiteSpace();
        created.ClientId.ShouldStartWith("st-albans-");

        var listed = (await AtAsync("st-albans", a => a.ListClientsAsync(admin))).Single(c => c.ClientId == created.ClientId);
        listed.ClientSecret.ShouldBeNull();
        listed.Permissions.ShouldBe([IdentityPermissions.ViewClients]);
        var werribeeAdmin = await ActorAsync($"admin@werribee.{D}");
        (await AtAsync("werribee", a => a.ListClientsAsync(werribeeAdmin))).ShouldNotContain(c => c.ClientId == created.ClientId);
        await Should.ThrowAsync<NotFoundException>(AtAsync("werribee", async a => { await a.RevokeClientAsync(werribeeAdmin, created.ClientId); return true; }));

        // The secret works at the token endpoint until the client is revoked.
        var client = fixture.App.CreateClient(new() { BaseAddress = new Uri($"http://st-albans.{D}/") });
        (await TokenAsync(client, created)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AtAsync("st-albans", async a => { await a.RevokeClientAsync(admin, created.ClientId); return true; });
        (await AtAsync("st-albans", a => a.ListClientsAsync(admin))).ShouldNotContain(c => c.ClientId == created.ClientId);
        var refused = await TokenAsync(client, created);
        refused.IsSuccessStatusCode.ShouldBeFalse();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("invalid_client");
    }

    [Fact]
    public async Task RefuseAnAdminDemotedWhileTheirPageIsOpenOnTheirNextClick()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var other = await AtAsync("st-albans", a => a.InviteAsync(admin, $"second-admin-{Guid.NewGuid():N}@example.com", null, [IdentityRoles.Admin]));
        var secondAdmin = Person(other.UserId);
        var mia = await PersonAsync("st-albans", admin, $"member@st-albans.{D}");
        (await AtAsync("st-albans", a => a.ListPeopleAsync(secondAdmin, null, null, 1, 10))).Total.ShouldBeGreaterThan(0);

        await AtAsync("st-albans", a => a.SetRolesAsync(admin, other.UserId, [IdentityRoles.Staff]));

        // The same page (the same principal it opened with) is refused on its next read and its next write.
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListPeopleAsync(secondAdmin, null, null, 1, 10)));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.DeactivateAsync(secondAdmin, mia.UserId)));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ChangeGrantAsync(secondAdmin, IdentityRoles.Staff, IdentityPermissions.ManageTrainers, true)));
        (await PersonAsync("st-albans", admin, $"member@st-albans.{D}")).Status.ShouldBe(PersonStatus.Active);
    }

    [Fact]
    public async Task RefuseAnAdminDeactivatedWhileTheirPageIsOpenOnTheirNextClick()
    {
        var admin = await ActorAsync($"admin@st-albans.{D}");
        var other = await AtAsync("st-albans", a => a.InviteAsync(admin, $"leaving-admin-{Guid.NewGuid():N}@example.com", null, [IdentityRoles.Admin]));
        var leavingAdmin = Person(other.UserId);
        (await AtAsync("st-albans", a => a.ListClientsAsync(leavingAdmin))).ShouldNotBeNull();

        await AtAsync("st-albans", a => a.DeactivateAsync(admin, other.UserId));

        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.ListClientsAsync(leavingAdmin)));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.CreateClientAsync(leavingAdmin, "Back door", [IdentityPermissions.ViewClients])));
        await Should.ThrowAsync<ForbiddenException>(AtAsync("st-albans", a => a.InviteAsync(leavingAdmin, $"x-{Guid.NewGuid():N}@example.com", null, [IdentityRoles.Admin])));

        // Reactivated, the same page works again: the call reads access as it is now, whichever way it changed.
        await AtAsync("st-albans", a => a.ReactivateAsync(admin, other.UserId));
        (await AtAsync("st-albans", a => a.ListClientsAsync(leavingAdmin))).ShouldNotBeNull();
    }

    private static ClaimsPrincipal Person(Guid userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test"));

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, ClientDto created) =>
        client.ClientCredentialsAsync(created.ClientId, created.ClientSecret!);
}

public sealed class GymAdminPageCallsOnSqliteShould(SqliteAccountFixture fixture) : GymAdminPageCallsShould(fixture), IClassFixture<SqliteAccountFixture>;

public sealed class GymAdminPageCallsOnPostgreSqlShould(PostgresAccountFixture fixture) : GymAdminPageCallsShould(fixture), IClassFixture<PostgresAccountFixture>;

/// <summary>The calls the admin pages make, each a page call to the API's handler under the pages' access rule.</summary>
internal sealed class AdminPage(IPageCalls calls)
{
    private static readonly AccessRule ManagesPeople = AccessRule.Holding(IdentityPermissions.ManageOrganizationUsers);

    public Task<TenantUserPage> ListPeopleAsync(ClaimsPrincipal actor, string? search, string? role, int page, int pageSize) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<PeopleAtGym>().ListAsync(search, role, page, pageSize, c.CancellationToken));

    public Task<TenantUserDto> InviteAsync(ClaimsPrincipal actor, string email, string? displayName, IReadOnlyList<string> roles) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<PeopleAtGym>().InviteAsync(new InviteUserRequest(email, displayName, roles), c.CancellationToken));

    public Task<TenantUserDto> SetRolesAsync(ClaimsPrincipal actor, Guid userId, IReadOnlyList<string> roles) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<PeopleAtGym>().SetRolesAsync(c.User, userId, new SetRolesRequest(roles), c.CancellationToken));

    public Task<TenantUserDto> DeactivateAsync(ClaimsPrincipal actor, Guid userId) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<PeopleAtGym>().SetActiveAsync(c.User, userId, false, c.CancellationToken));

    public Task<TenantUserDto> ReactivateAsync(ClaimsPrincipal actor, Guid userId) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<PeopleAtGym>().SetActiveAsync(c.User, userId, true, c.CancellationToken));

    public Task<IReadOnlyList<GrantDto>> ListGrantsAsync(ClaimsPrincipal actor) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<GrantsAtGym>().ListAsync(c.CancellationToken));

    public Task<IReadOnlyList<GrantDto>> ChangeGrantAsync(ClaimsPrincipal actor, string role, string permission, bool granted) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<GrantsAtGym>().ChangeAsync(new ChangeGrantRequest(role, permission, granted), c.CancellationToken));

    public Task<IReadOnlyList<ClientDto>> ListClientsAsync(ClaimsPrincipal actor) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<ClientsAtGym>().ListAsync(c.CancellationToken));

    public Task<ClientDto> CreateClientAsync(ClaimsPrincipal actor, string name, IReadOnlyList<string> permissions) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<ClientsAtGym>().CreateAsync(c.User, new CreateClientRequest(name, permissions), c.CancellationToken));

    public Task RevokeClientAsync(ClaimsPrincipal actor, string clientId) =>
        calls.RunAsync(actor, ManagesPeople, c => c.Get<ClientsAtGym>().RevokeAsync(clientId, c.CancellationToken));
}
