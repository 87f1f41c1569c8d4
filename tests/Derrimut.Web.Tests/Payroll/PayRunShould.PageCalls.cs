using System.Security.Claims;
using System.Text.Json;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Features.PayRuns;
using Derrimut.Web.Tests.Identity;
using static Derrimut.Web.Tests.Memberships.MembershipTestKit;

namespace Derrimut.Web.Tests.Payroll;

/// <summary>
/// The pay run page on a long-lived circuit: it keeps the principal it opened with, but every call reads the admin's
/// access again, so an admin demoted or deactivated while the run is open cannot finalise it from that page.
/// </summary>
public abstract partial class PayRunShould
{
    private static readonly AccessRule ManagePayroll = AccessRule.Holding(PayrollPermissions.ManagePayroll);

    [Fact]
    public async Task RefuseToFinaliseFromAnOpenPayRunPageOnceTheAdminWasDemoted()
    {
        var (run, payroller, page, boss) = await AdminWithTheApprovedRunOpenAsync(new DateOnly(2026, 10, 12));

        var demoted = await boss.PutAsJsonAsync($"/api/identity/users/{payroller}/roles", new { roles = new[] { IdentityRoles.Staff } });
        demoted.StatusCode.ShouldBe(HttpStatusCode.OK, await demoted.Content.ReadAsStringAsync());

        await ShouldRefuseToFinaliseAsync(page, run, boss);
    }

    [Fact]
    public async Task RefuseToFinaliseFromAnOpenPayRunPageOnceTheAdminWasDeactivated()
    {
        var (run, payroller, page, boss) = await AdminWithTheApprovedRunOpenAsync(new DateOnly(2026, 10, 19));

        var deactivated = await boss.PostAsync($"/api/identity/users/{payroller}/deactivate", null);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivated.Content.ReadAsStringAsync());

        await ShouldRefuseToFinaliseAsync(page, run, boss);
        // Nor may the open page still read the run.
        await Should.ThrowAsync<ForbiddenException>(() => PageCallAsync(page, ManagePayroll, call => call.Get<GetPayRunHandler>().HandleAsync(run, call.CancellationToken)));
    }

    [Fact]
    public async Task FinaliseFromTheOpenPayRunPageWhileTheAdminKeepsTheRight()
    {
        // The control: the same call from the same open page goes through while nothing changed.
        var (run, _, page, boss) = await AdminWithTheApprovedRunOpenAsync(new DateOnly(2026, 10, 26));

        var finalised = await PageCallAsync(page, ManagePayroll, call => call.Get<FinalisePayRunHandler>().HandleAsync(run, call.UserId, call.CancellationToken));

        finalised.Run.Status.ShouldBe(PayRunStage.Finalised);
        (await StatusOfAsync(boss, run)).ShouldBe("finalised");
    }

    /// <summary>
    /// An approved weekly run; a second admin (the payroller) whose pay run page is open — the principal it opened
    /// with, and its first call (the page's load) went through; and the boss, who changes the payroller's access.
    /// </summary>
    private async Task<(Guid Run, Guid Payroller, ClaimsPrincipal Page, HttpClient Boss)> AdminWithTheApprovedRunOpenAsync(DateOnly monday)
    {
        var boss = await AdminAsync();
        var sue = await SueAsync(boss);
        var approved = await ApprovedRunAsync(boss, sue, monday, (0, 6m), (1, 6m));
        var run = approved.GetProperty("run").GetProperty("id").GetGuid();
        var payroller = await CreatePersonAsync(fixture.App, await StAlbansAsync(), $"payroller-{Guid.NewGuid():N}@example.com", IdentityRoles.Admin);

        var page = (await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(await StAlbansAsync(), (sp, ct) =>
            sp.GetRequiredService<IPersonAccessReader>().ReadAsync(payroller, ct)))!;
        page.HasClaim(DerrimutClaims.Permission, PayrollPermissions.ManagePayroll).ShouldBeTrue();

        var opened = await PageCallAsync(page, ManagePayroll, call => call.Get<GetPayRunHandler>().HandleAsync(run, call.CancellationToken));
        opened.Run.Status.ShouldBe(PayRunStage.Approved);
        return (run, payroller, page, boss);
    }

    private async Task ShouldRefuseToFinaliseAsync(ClaimsPrincipal page, Guid run, HttpClient boss)
    {
        // The page still holds the old claims; the call must not trust them.
        page.HasClaim(DerrimutClaims.Permission, PayrollPermissions.ManagePayroll).ShouldBeTrue();

        await Should.ThrowAsync<ForbiddenException>(() => PageCallAsync(page, ManagePayroll, call =>
            call.Get<FinalisePayRunHandler>().HandleAsync(run, call.UserId, call.CancellationToken)));

        (await StatusOfAsync(boss, run)).ShouldBe("approved");
    }

    private static async Task<string?> StatusOfAsync(HttpClient admin, Guid run) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/pay-runs/{run}")).GetProperty("run").GetProperty("status").GetString();

    private async Task<Guid> StAlbansAsync() =>
        (await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(Home) ?? throw new InvalidOperationException(Home)).Id;

    /// <summary>A page call as <see cref="Derrimut.BuildingBlocks.Ui.GymPage"/> makes it: from a scope of the page's tenant, with the page's principal.</summary>
    private async Task<T> PageCallAsync<T>(ClaimsPrincipal page, AccessRule rule, Func<PageCall, Task<T>> work) =>
        await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(await StAlbansAsync(), (sp, ct) =>
            sp.GetRequiredService<IPageCalls>().RunAsync(page, rule, work, ct));
}
