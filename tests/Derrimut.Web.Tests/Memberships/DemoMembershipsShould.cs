using System.Text.Json;
using Derrimut.Memberships.Contracts;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// The Development seed gives the leak suite membership data at two gyms, in several states, and each gym's staff
/// see only their own.
/// </summary>
public abstract class DemoMembershipsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task SeedMembershipsInSeveralStatesAtStAlbansAndWerribee()
    {
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, "st-albans");
        var stAlbans = (await staff.GetFromJsonAsync<MembershipListPage>("/api/memberships"))!;
        stAlbans.Items.Select(i => i.MemberEmail).ShouldBe([$"member3@st-albans.{D}", $"member@st-albans.{D}", $"member2@st-albans.{D}", $"multi@{D}"], ignoreOrder: true);
        stAlbans.Items.Select(i => i.Status).ShouldContain(MembershipStatus.PastDue);
        // The wire keeps the API's spelling of the status enum.
        (await staff.GetFromJsonAsync<JsonElement>("/api/memberships")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("status").GetString()).ShouldBe(["active", "active", "past_due", "active"], ignoreOrder: true); // the frozen one is active
        stAlbans.Items.ShouldContain(i => i.IsFrozen);
        (await staff.GetFromJsonAsync<MembershipListPage>("/api/memberships?status=frozen"))!.Items.ShouldHaveSingleItem().MemberEmail.ShouldBe($"member3@st-albans.{D}");

        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var werribee = (await admin.GetFromJsonAsync<MembershipListPage>("/api/memberships"))!;
        werribee.Items.Select(i => i.Status).ShouldBe([MembershipStatus.Active, MembershipStatus.Cancelled], ignoreOrder: true);
        werribee.Items.ShouldAllBe(i => i.MemberEmail.EndsWith($"@werribee.{D}", StringComparison.Ordinal));

        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var mine = (await member.GetFromJsonAsync<MembershipDto>("/api/memberships/mine"))!;
        mine.Status.ShouldBe(MembershipStatus.Active);
        mine.Ledger.ShouldNotBeEmpty();
        mine.Ledger.ShouldAllBe(l => l.GstCents == Gst.ComponentOf(l.AmountCents));
    }

    [Fact]
    public async Task MakeDemoMembershipsRealSimulatedSubscriptionsThatCanBeCancelled()
    {
        // The seed joins, renews and refunds through the simulated gateway and the webhook inbox, so the gateway knows
        // every demo subscription: cancelling one works as it would for any member (no "no such subscription").
        var member = await fixture.App.SignedInAsync($"member@werribee.{D}", "werribee");
        var mine = (await member.GetFromJsonAsync<MembershipDto>("/api/memberships/mine"))!;
        mine.Ledger.Select(l => l.Kind).ShouldContain(LedgerLineKind.Refund);
        mine.Ledger.Count(l => l.Kind == LedgerLineKind.Charge).ShouldBe(2, "the first payment and a renewal");
        (await member.GetFromJsonAsync<JsonElement>("/api/memberships/mine/ledger")).EnumerateArray()
            .Select(l => l.GetProperty("kind").GetString()).ShouldBe(["refund", "charge", "charge"], ignoreOrder: true);

        var response = await member.PostAsync("/api/memberships/mine/cancel", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cancelled = (await response.Content.ReadFromJsonAsync<MembershipCancelled>())!;
        cancelled.EffectiveAt.ShouldNotBeNull();
        cancelled.Membership.Status.ShouldBe(MembershipStatus.Active, "a no-lock-in membership runs to the end of the paid period");
    }
}

public sealed class DemoMembershipsOnSqliteShould(SqliteDemoAppFixture fixture) : DemoMembershipsShould(fixture), IClassFixture<SqliteDemoAppFixture>;
