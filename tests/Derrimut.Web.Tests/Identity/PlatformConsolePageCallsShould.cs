using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Features.PlatformTenants;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The platform console's calls (Organizations' <see cref="PlatformTenants"/> handler under
/// <see cref="AccessRule.SuperAdmin"/>) read the caller again each time: a superadmin whose flag is taken away while
/// the console is open is refused on the next click, and nobody else gets in.
/// </summary>
public abstract class PlatformConsolePageCallsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private Task<T> ConsoleAsync<T>(ClaimsPrincipal caller, Func<PageCall, Task<T>> work) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsPlatformAsync((sp, ct) =>
            sp.GetRequiredService<IPageCalls>().RunAsync(caller, AccessRule.SuperAdmin, work, ct));

    private static Task<TenantPage> ListAsync(PageCall call) =>
        call.Get<PlatformTenants>().ListAsync(null, null, null, null, 1, 200, call.CancellationToken);

    [Fact]
    public async Task RefuseASuperadminDemotedWhileTheConsoleIsOpen()
    {
        var email = $"operator-{Guid.NewGuid():N}@example.com";
        var operatorId = await ChangeUserAsync(email, superAdmin: true);
        var console = Caller(operatorId);
        (await ConsoleAsync(console, ListAsync)).Items.ShouldContain(t => t.Identifier == "st-albans");

        await ChangeUserAsync(email, superAdmin: false);

        await Should.ThrowAsync<ForbiddenException>(ConsoleAsync(console, ListAsync));
        var stAlbans = (await ConsoleAsync(Caller(await SuperadminIdAsync()), ListAsync)).Items.Single(t => t.Identifier == "st-albans");
        await Should.ThrowAsync<ForbiddenException>(ConsoleAsync(console, call => call.Get<PlatformTenants>().ChangeStateAsync(stAlbans.Id, TenantState.Suspended, call.CancellationToken)));
        (await ConsoleAsync(Caller(await SuperadminIdAsync()), ListAsync)).Items.Single(t => t.Identifier == "st-albans").State.ShouldBe(SiteState.Active);
    }

    [Fact]
    public async Task RefuseAGymAdmin()
    {
        var admin = Caller(await IdOfAsync($"admin@st-albans.{D}"));
        await Should.ThrowAsync<ForbiddenException>(ConsoleAsync(admin, ListAsync));
    }

    private static ClaimsPrincipal Caller(Guid userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test"));

    private Task<Guid> SuperadminIdAsync() => IdOfAsync($"superadmin@{D}");

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException(email);
        return user.Id;
    }

    /// <summary>Creates the person if needed and sets their platform flag, as a platform operator's change would.</summary>
    private async Task<Guid> ChangeUserAsync(string email, bool superAdmin)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = email, CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        }

        user.IsSuperAdmin = superAdmin;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return user.Id;
    }
}

public sealed class PlatformConsolePageCallsOnSqliteShould(SqliteDemoAppFixture fixture) : PlatformConsolePageCallsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PlatformConsolePageCallsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PlatformConsolePageCallsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
