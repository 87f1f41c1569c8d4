using System.Text.Json;
using Derrimut.Billing.Contracts;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using static Derrimut.Web.Tests.Memberships.MembershipTestKit;

namespace Derrimut.Web.Tests.Bookings;

/// <summary>
/// Check-in codes, the front desk and door decisions (decision 0032) on real memberships made through the simulated
/// gateway and its webhooks: decided from the entitlement contract as of the swipe, at the gym's doors only.
/// </summary>
public abstract class AccessShould(AppFixture fixture)
{
    private DerrimutWebFactory App => fixture.App;

    private async Task<HttpClient> AdminAsync(TestTenant gym)
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, gym.Id, email, IdentityRoles.Admin);
        return await App.SignedInAsync(email, gym.Identifier);
    }

    private async Task<HttpClient> DeskAsync(TestTenant gym)
    {
        var email = $"desk-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, gym.Id, email, IdentityRoles.Staff);
        return await App.SignedInAsync(email, gym.Identifier);
    }

    /// <summary>A door at the gym and a door controller's client (an integration client holding access:doors).</summary>
    private async Task<(Guid DoorId, HttpClient Controller)> DoorAsync(TestTenant gym, object? door = null)
    {
        var admin = await AdminAsync(gym);
        var created = await admin.PostAsJsonAsync("/api/access/doors", door ?? new { name = $"Front door {Guid.NewGuid():N}"[..20] });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var doorId = (await created.Content.ReadFromJsonAsync<DoorDto>())!.Id;
        var client = await admin.PostAsJsonAsync("/api/identity/clients", new { name = "Door controller", permissions = new[] { ClassesPermissions.AccessDoors } });
        client.StatusCode.ShouldBe(HttpStatusCode.Created, await client.Content.ReadAsStringAsync());
        var body = await client.Content.ReadFromJsonAsync<JsonElement>();
        var token = await App.ClientFor(gym.Identifier).ClientCredentialsAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return (doorId, App.BearerClient(gym.Identifier, access));
    }

    private async Task<(Membership Membership, HttpClient Member)> MemberWithCodeAsync(TestTenant gym)
    {
        var membership = await ActiveMemberAsync(App, gym);
        var email = (await AllAsync<DerrimutUser>(App, gym.Id)).Single(u => u.Id == membership.UserId).Email!;
        return (membership, await App.SignedInAsync(email, gym.Identifier));
    }

    private static async Task<string> CodeAsync(HttpClient member)
    {
        var code = (await member.GetFromJsonAsync<CheckInCodeDto>("/api/check-in/code"))!;
        code.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        code.ExpiresAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));
        return code.Code;
    }

    private static async Task<DoorDecisionDto> DecideAsync(HttpClient controller, Guid doorId, string code)
    {
        var response = await controller.PostAsJsonAsync("/api/access/decisions", new { doorId, code });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DoorDecisionDto>())!;
    }

    [Fact]
    public async Task OpenTheDoorForAGoodMembershipAndRefuseTheVeryNextSwipeAfterAWebhookCancelsIt()
    {
        var (doorId, controller) = await DoorAsync(fixture.A1);
        var (membership, member) = await MemberWithCodeAsync(fixture.A1);
        var code = await CodeAsync(member);

        var allowed = await DecideAsync(controller, doorId, code);
        allowed.Allow.ShouldBeTrue(allowed.Reason);
        allowed.MemberName.ShouldNotBeNullOrWhiteSpace();

        // The gym cancels now: the gateway's customer.subscription.deleted webhook ends the membership.
        var admin = await AdminAsync(fixture.A1);
        var cancel = await admin.PostAsJsonAsync($"/api/memberships/{membership.Id}/cancel", new { immediately = true });
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());

        var refused = await DecideAsync(controller, doorId, code);
        refused.Allow.ShouldBeFalse();
        refused.Reason.ShouldBe("Membership cancelled");
        var log = await AllAsync<DoorDecision>(App, fixture.A1.Id);
        log.Where(d => d.PersonId == membership.UserId).Select(d => d.Allowed).ShouldBe([true, false], ignoreOrder: true);
    }

    [Fact]
    public async Task RefuseTheNextSwipeOnceARenewalIsDeclinedByWebhook()
    {
        var (doorId, controller) = await DoorAsync(fixture.A1);
        var (membership, member) = await MemberWithCodeAsync(fixture.A1);
        var code = await CodeAsync(member);
        (await DecideAsync(controller, doorId, code)).Allow.ShouldBeTrue();

        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(fixture.A1.Id, (sp, ct) =>
            sp.GetRequiredService<ISimulatedPayments>().BillRenewalAsync(fixture.A1.Id, membership.SubscriptionId!, paymentSucceeds: false, ct));

        var refused = await DecideAsync(controller, doorId, code);
        refused.Allow.ShouldBeFalse();
        refused.Reason.ShouldBe("A payment is overdue");
    }

    [Fact]
    public async Task RefuseForgedExpiredAndOtherGymsCodesAndDoorsOutsideTheirHours()
    {
        var (doorId, controller) = await DoorAsync(fixture.A1);
        (await DecideAsync(controller, doorId, "DM1.forged")).Allow.ShouldBeFalse();
        (await DecideAsync(controller, doorId, "not-a-code")).Allow.ShouldBeFalse();

        // A single-club member of A1 at A2's door, and a member of another franchise's gym.
        var (_, atA1) = await MemberWithCodeAsync(fixture.A1);
        var (a2Door, a2Controller) = await DoorAsync(fixture.A2);
        var homeOnly = await DecideAsync(a2Controller, a2Door, await CodeAsync(atA1));
        homeOnly.Allow.ShouldBeFalse();
        homeOnly.Reason.ShouldStartWith("Home gym only");
        var (_, atB1) = await MemberWithCodeAsync(fixture.B1);
        var otherFranchise = await DecideAsync(controller, doorId, await CodeAsync(atB1));
        otherFranchise.Allow.ShouldBeFalse();
        otherFranchise.MemberName.ShouldBeNull("nothing about another franchise's member is revealed");

        // A door that is closed around the clock except one minute far from now.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Derrimut.BuildingBlocks.Time.GymTime.Melbourne);
        var opens = TimeOnly.FromDateTime(now.AddHours(6).DateTime);
        var (staffed, staffedController) = await DoorAsync(fixture.A1, new { name = "Staffed door", opensAt = opens.ToString("HH:mm"), closesAt = opens.AddMinutes(1).ToString("HH:mm") });
        var (_, good) = await MemberWithCodeAsync(fixture.A1);
        var closed = await DecideAsync(staffedController, staffed, await CodeAsync(good));
        closed.Allow.ShouldBeFalse();
        closed.Reason.ShouldContain("closed");
    }

    [Fact]
    public async Task AnswerDoorControllersOnlyAboutTheirOwnGymsDoors()
    {
        var (doorId, _) = await DoorAsync(fixture.A1);
        var (_, b1Controller) = await DoorAsync(fixture.B1);
        var (_, member) = await MemberWithCodeAsync(fixture.A1);

        await ProblemAssert.NamesFieldAsync(await b1Controller.PostAsJsonAsync("/api/access/decisions", new { doorId, code = await CodeAsync(member) }), "doorId");
        (await b1Controller.GetFromJsonAsync<List<DoorDto>>("/api/access/doors"))!.ShouldNotContain(d => d.Id == doorId);
        // A member may neither list doors nor ask for decisions.
        (await member.GetAsync("/api/access/doors")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/access/decisions", new { doorId, code = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ProblemAssert.NamesFieldAsync(await b1Controller.PostAsJsonAsync("/api/access/decisions", new { doorId = Guid.Empty, code = "" }), "doorId");
    }

    [Fact]
    public async Task CheckAMemberInAtTheDeskAndMarkTheirClassAttended()
    {
        var (membership, member) = await MemberWithCodeAsync(fixture.A1);
        var desk = await DeskAsync(fixture.A1);

        var response = await desk.PostAsJsonAsync("/api/check-ins", new { code = await CodeAsync(member) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<CheckInResultDto>())!;
        result.Allowed.ShouldBeTrue();
        result.MemberId.ShouldBe(membership.UserId);
        result.MembershipState.ShouldBe("none");
        (await AllAsync<CheckIn>(App, fixture.A1.Id)).ShouldContain(c => c.PersonId == membership.UserId && c.Place == "Front desk");
        await ProblemAssert.NamesFieldAsync(await desk.PostAsJsonAsync("/api/check-ins", new { }), "code");
        // A member cannot check people in.
        (await member.PostAsJsonAsync("/api/check-ins", new { code = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CheckInAMultiClubMemberAtAnotherGymOfTheFranchiseWithOneCode()
    {
        // A member of A1 on the multi-club plan, paid through the simulated gateway.
        await EnsurePlansAsync(App, fixture.A1.Id);
        var email = $"multi-{Guid.NewGuid():N}@example.com";
        var userId = await CreatePersonAsync(App, fixture.A1.Id, email);
        var home = await App.SignedInAsync(email, fixture.A1.Identifier);
        var checkout = await home.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "12-month-upfront" });
        checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync());
        var started = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(fixture.A1.Id, (sp, ct) =>
            sp.GetRequiredService<ISimulatedPayments>().PayCheckoutAsync(fixture.A1.Id, started.GetProperty("checkoutUrl").GetString()!.Split('/')[^1], ct));
        var code = await CodeAsync(home);

        var desk = await DeskAsync(fixture.A2);
        var result = (await (await desk.PostAsJsonAsync("/api/check-ins", new { code })).Content.ReadFromJsonAsync<CheckInResultDto>())!;

        result.Allowed.ShouldBeTrue(result.Reason);
        result.HomeLocation.ShouldNotBeNull("the visit is reported with the home gym");
        (await AllAsync<CheckIn>(App, fixture.A2.Id)).ShouldContain(c => c.PersonId == userId && c.HomeLocationId == fixture.A1.Id);
        (await AllAsync<CheckIn>(App, fixture.A1.Id)).ShouldNotContain(c => c.PersonId == userId, "the visit is recorded at the visited gym");

        // Reported to the home gym, and to no other gym.
        var homeDesk = await DeskAsync(fixture.A1);
        var reported = (await homeDesk.GetFromJsonAsync<List<VisitElsewhereDto>>("/api/check-ins/elsewhere"))!;
        var visit = reported.Where(v => v.MemberId == userId).ShouldHaveSingleItem();
        visit.VisitedLocation.ShouldNotBeNullOrWhiteSpace();
        visit.VisitedLocation.ShouldNotBe("Another gym");
        visit.Place.ShouldBe("Front desk");
        (await desk.GetFromJsonAsync<List<VisitElsewhereDto>>("/api/check-ins/elsewhere"))!.ShouldNotContain(v => v.MemberId == userId, "A2 is not the home gym");
        (await (await DeskAsync(fixture.B1)).GetFromJsonAsync<List<VisitElsewhereDto>>("/api/check-ins/elsewhere"))!.ShouldNotContain(v => v.MemberId == userId);
        await ProblemAssert.NamesFieldAsync(await homeDesk.GetAsync("/api/check-ins/elsewhere?from=2026-12-10&to=2026-12-01"), "to");
        (await home.GetAsync("/api/check-ins/elsewhere")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a member does not see the gym's report");
    }

    [Fact]
    public async Task OpenTheDoorForAMemberCardNumberAssignedAtThisGymOnly()
    {
        var (doorId, controller) = await DoorAsync(fixture.A1);
        var (membership, _) = await MemberWithCodeAsync(fixture.A1);
        var (other, _) = await MemberWithCodeAsync(fixture.A1);
        var desk = await DeskAsync(fixture.A1);
        var number = $"C{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        var assigned = await desk.PutAsJsonAsync($"/api/access/cards/{membership.UserId}", new { cardNumber = number.ToLowerInvariant() });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await assigned.Content.ReadFromJsonAsync<MemberCardDto>())!.CardNumber.ShouldBe(number);
        (await desk.GetFromJsonAsync<MemberCardPage>($"/api/access/cards?search={number}"))!.Items.ShouldContain(c => c.MemberId == membership.UserId && c.CardNumber == number);

        var byCard = await controller.PostAsJsonAsync("/api/access/decisions", new { doorId, cardNumber = number });
        byCard.StatusCode.ShouldBe(HttpStatusCode.OK, await byCard.Content.ReadAsStringAsync());
        var allowed = (await byCard.Content.ReadFromJsonAsync<DoorDecisionDto>())!;
        allowed.Allow.ShouldBeTrue(allowed.Reason);
        (await AllAsync<CheckIn>(App, fixture.A1.Id)).ShouldContain(c => c.PersonId == membership.UserId && c.DoorId == doorId);

        // A number names one member per gym; bad numbers and two credentials at once are named problems.
        var taken = await desk.PutAsJsonAsync($"/api/access/cards/{other.UserId}", new { cardNumber = number });
        (await ProblemAssert.IsAsync(taken, HttpStatusCode.Conflict, "conflict")).GetProperty("field").GetString().ShouldBe("cardNumber");
        await ProblemAssert.NamesFieldAsync(await desk.PutAsJsonAsync($"/api/access/cards/{other.UserId}", new { cardNumber = "a!" }), "cardNumber");
        await ProblemAssert.NamesFieldAsync(await controller.PostAsJsonAsync("/api/access/decisions", new { doorId, code = "DM1.x", cardNumber = number }), "cardNumber");
        (await desk.PutAsJsonAsync($"/api/access/cards/{Guid.NewGuid()}", new { cardNumber = "12345678" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The card is this gym's: another gym's door does not know it, even in the same franchise.
        var (a2Door, a2Controller) = await DoorAsync(fixture.A2);
        var elsewhere = (await (await a2Controller.PostAsJsonAsync("/api/access/decisions", new { doorId = a2Door, cardNumber = number })).Content.ReadFromJsonAsync<DoorDecisionDto>())!;
        elsewhere.Allow.ShouldBeFalse();
        elsewhere.MemberName.ShouldBeNull();
        (await (await DeskAsync(fixture.B1)).GetFromJsonAsync<MemberCardPage>($"/api/access/cards?search={number}"))!.Items.ShouldNotContain(c => c.CardNumber == number);

        // A replaced card stops working at once; the desk takes the number too.
        (await desk.PutAsJsonAsync($"/api/access/cards/{membership.UserId}", new { cardNumber = number + "2" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var old = (await (await controller.PostAsJsonAsync("/api/access/decisions", new { doorId, cardNumber = number })).Content.ReadFromJsonAsync<DoorDecisionDto>())!;
        old.Allow.ShouldBeFalse();
        old.Reason.ShouldBe("Card not recognised at this gym.");
        var atDesk = (await (await desk.PostAsJsonAsync("/api/check-ins", new { cardNumber = number + "2" })).Content.ReadFromJsonAsync<CheckInResultDto>())!;
        atDesk.Allowed.ShouldBeTrue(atDesk.Reason);
        atDesk.MemberId.ShouldBe(membership.UserId);
    }

    [Fact]
    public async Task ShowTheMembersProfilePhotoAtTheDesk()
    {
        var (membership, member) = await MemberWithCodeAsync(fixture.A1);
        const string photo = "https://photos.example.com/member.jpg";
        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(fixture.A1.Id, async (sp, ct) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DerrimutUser>>();
            var user = (await users.FindByIdAsync(membership.UserId.ToString()))!;
            user.PhotoUrl = photo;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        });
        var desk = await DeskAsync(fixture.A1);

        var result = (await (await desk.PostAsJsonAsync("/api/check-ins", new { code = await CodeAsync(member) })).Content.ReadFromJsonAsync<CheckInResultDto>())!;

        result.Allowed.ShouldBeTrue(result.Reason);
        result.MemberPhotoUrl.ShouldBe(photo);
    }
}

public sealed class AccessOnSqliteShould(SqliteAppFixture fixture) : AccessShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class AccessOnPostgreSqlShould(PostgresAppFixture fixture) : AccessShould(fixture), IClassFixture<PostgresAppFixture>;
