using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features.GetMembership;
using Derrimut.Memberships.Features.RefundCharge;
using static Derrimut.Web.Tests.Memberships.MembershipTestKit;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// The membership pages' calls on a long-lived circuit: an admin's open member page keeps the principal it opened
/// with, but each call reads the admin's access again, so losing the right (demoted, or deactivated) while the page
/// is open refuses the next refund and refunds nothing.
/// </summary>
public abstract class MembershipPageCallsShould(AppFixture fixture)
{
    private static readonly AccessRule ViewMemberships = AccessRule.Holding(MembershipsPermissions.ViewMemberships);
    private static readonly AccessRule ManageMemberships = AccessRule.Holding(MembershipsPermissions.ManageMemberships);

    private DerrimutWebFactory App => fixture.App;

    private TestTenant Gym => fixture.A1;

    [Fact]
    public async Task RefuseARefundFromAnOpenPageOnceTheAdminWasDemoted()
    {
        var (membership, charge, refunder, page, boss) = await AdminWithTheMemberPageOpenAsync();

        var demoted = await boss.PutAsJsonAsync($"/api/identity/users/{refunder}/roles", new { roles = new[] { IdentityRoles.Staff } });
        demoted.StatusCode.ShouldBe(HttpStatusCode.OK, await demoted.Content.ReadAsStringAsync());

        await ShouldRefuseTheRefundAsync(page, membership, charge);
        // Still staff: the same open page may still read the member (view:memberships), only not refund.
        (await CallAsync(page, ViewMemberships, call => call.Get<GetMembershipHandler>().HandleAsync(membership.Id, call.CancellationToken))).Id.ShouldBe(membership.Id);
    }

    [Fact]
    public async Task RefuseARefundFromAnOpenPageOnceTheAdminWasDeactivated()
    {
        var (membership, charge, refunder, page, boss) = await AdminWithTheMemberPageOpenAsync();

        var deactivated = await boss.PostAsync($"/api/identity/users/{refunder}/deactivate", null);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivated.Content.ReadAsStringAsync());

        await ShouldRefuseTheRefundAsync(page, membership, charge);
        await Should.ThrowAsync<ForbiddenException>(() =>
            CallAsync(page, ViewMemberships, call => call.Get<GetMembershipHandler>().HandleAsync(membership.Id, call.CancellationToken)));
    }

    [Fact]
    public async Task RefundFromTheOpenPageWhileTheAdminKeepsTheRight()
    {
        // The control: the same call from the same open page goes through while nothing changed.
        var (membership, charge, _, page, _) = await AdminWithTheMemberPageOpenAsync();

        var after = await CallAsync(page, ManageMemberships, call =>
            call.Get<RefundChargeHandler>().HandleAsync(membership.Id, charge, call.UserId, new RefundChargeRequest(1000), call.CancellationToken));

        after.Ledger.ShouldContain(l => l.Kind == LedgerLineKind.Refund && l.AmountCents == -1000);
        (await RefundsOfAsync(membership)).ShouldBe(1);
    }

    /// <summary>
    /// An active member with a charge; an admin (the refunder) whose member page is open — its principal is the one
    /// the page opened with, and its first call (the page's load) went through; and a second admin who will change
    /// the refunder's access.
    /// </summary>
    private async Task<(Membership Membership, Guid Charge, Guid Refunder, ClaimsPrincipal Page, HttpClient Boss)> AdminWithTheMemberPageOpenAsync()
    {
        var membership = await ActiveMemberAsync(App, Gym);
        var refunder = await CreatePersonAsync(App, Gym.Id, $"refunder-{Guid.NewGuid():N}@example.com", IdentityRoles.Admin);
        var bossEmail = $"boss-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, Gym.Id, bossEmail, IdentityRoles.Admin);
        var boss = await App.SignedInAsync(bossEmail, Gym.Identifier);

        // The circuit's principal: the refunder's claims as they signed in, admin with manage:memberships.
        var page = (await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(Gym.Id, (sp, ct) =>
            sp.GetRequiredService<IPersonAccessReader>().ReadAsync(refunder, ct)))!;
        page.HasClaim(DerrimutClaims.Permission, MembershipsPermissions.ManageMemberships).ShouldBeTrue();

        var opened = await CallAsync(page, ViewMemberships, call => call.Get<GetMembershipHandler>().HandleAsync(membership.Id, call.CancellationToken));
        var charge = opened.Ledger.Single(l => l.Kind == LedgerLineKind.Charge).Id;
        return (membership, charge, refunder, page, boss);
    }

    private async Task ShouldRefuseTheRefundAsync(ClaimsPrincipal page, Membership membership, Guid charge)
    {
        // The page still holds the old claims; the call must not trust them.
        page.HasClaim(DerrimutClaims.Permission, MembershipsPermissions.ManageMemberships).ShouldBeTrue();

        await Should.ThrowAsync<ForbiddenException>(() => CallAsync(page, ManageMemberships, call =>
            call.Get<RefundChargeHandler>().HandleAsync(membership.Id, charge, call.UserId, new RefundChargeRequest(null), call.CancellationToken)));

        (await RefundsOfAsync(membership)).ShouldBe(0);
        (await AllAsync<MembershipAuditEntry>(App, Gym.Id)).ShouldNotContain(a => a.MembershipId == membership.Id && a.Action == "refund");
    }

    /// <summary>A page call as <see cref="Derrimut.BuildingBlocks.Ui.GymPage"/> makes it: from a scope of the page's tenant, with the page's principal.</summary>
    private Task<T> CallAsync<T>(ClaimsPrincipal page, AccessRule rule, Func<PageCall, Task<T>> work) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(Gym.Id, (sp, ct) =>
            sp.GetRequiredService<IPageCalls>().RunAsync(page, rule, work, ct));

    private async Task<int> RefundsOfAsync(Membership membership) =>
        (await AllAsync<LedgerEntry>(App, Gym.Id)).Count(l => l.MembershipId == membership.Id && l.Kind == LedgerEntryKind.Refund);
}

public sealed class MembershipPageCallsOnSqliteShould(SqliteAppFixture fixture) : MembershipPageCallsShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class MembershipPageCallsOnPostgreSqlShould(PostgresAppFixture fixture) : MembershipPageCallsShould(fixture), IClassFixture<PostgresAppFixture>;
