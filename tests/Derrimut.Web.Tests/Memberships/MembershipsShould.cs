using System.Text.Json;
using Derrimut.Billing.Contracts;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using static Derrimut.Web.Tests.Memberships.MembershipTestKit;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// Memberships through HTTP on the simulated gateway, and the lifecycle handlers driven with Billing's events in
/// awkward orders, on a real database.
/// </summary>
public abstract class MembershipsShould(AppFixture fixture)
{
    private DerrimutWebFactory App => fixture.App;

    private async Task<(Guid UserId, HttpClient Client)> MemberAsync(TestTenant gym)
    {
        await EnsurePlansAsync(App, gym.Id);
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var id = await CreatePersonAsync(App, gym.Id, email);
        return (id, await App.SignedInAsync(email, gym.Identifier));
    }

    private async Task<(Guid UserId, string SubscriptionId)> ActiveMemberAsync(TestTenant gym)
    {
        var (userId, client) = await MemberAsync(gym);
        var checkout = await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "12-month-minimum" });
        checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync());
        await PayAsync(gym, await checkout.Content.ReadFromJsonAsync<JsonElement>());
        var membership = (await MembershipOfAsync(App, gym.Id, userId))!;
        membership.Status.ShouldBe(MembershipStatus.Active);
        return (userId, membership.SubscriptionId!);
    }

    /// <summary>The payer presses Pay on the simulated checkout page; its events reach the handlers as webhooks would.</summary>
    private async Task PayAsync(TestTenant gym, JsonElement started)
    {
        var delivered = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<SimulatedBilling>().PayAsync(gym.Id, started.GetProperty("checkoutUrl").GetString()!.Split('/')[^1], ct));
        delivered.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ListTheFourStandardPlansToAnyone()
    {
        await EnsurePlansAsync(App, fixture.A1.Id);
        var plans = (await App.ClientFor(fixture.A1.Identifier).GetFromJsonAsync<List<MembershipPlanDto>>("/api/memberships/plans"))!;
        plans.Select(p => p.Code).ShouldBe(["18-month-minimum", "12-month-minimum", "no-lock-in", "12-month-upfront"]);
        var noLockIn = plans.Single(p => p.Code == "no-lock-in");
        noLockIn.BillingLabel.ShouldBe("per fortnight");
        noLockIn.GstCents.ShouldBe(Gst.ComponentOf(noLockIn.PriceCents));
        noLockIn.FirstChargeCents.ShouldBe(noLockIn.PriceCents + noLockIn.JoiningFeeCents);
    }

    [Fact]
    public async Task JoinThroughTheSimulatedGatewayAndShowTheChargeWithGstInTheLedger()
    {
        var (userId, client) = await MemberAsync(fixture.A1);
        var response = await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        started.GetProperty("checkoutUrl").GetString().ShouldStartWith(SimulatedPaymentGateway.CheckoutPagePath);

        var pending = await client.GetFromJsonAsync<MembershipDto>("/api/memberships/mine");
        pending!.Status.ShouldBe(MembershipStatus.Pending);
        (await client.GetFromJsonAsync<JsonElement>("/api/memberships/mine")).GetProperty("status").GetString().ShouldBe("pending");

        await PayAsync(fixture.A1, started);

        var mine = await client.GetFromJsonAsync<MembershipDto>("/api/memberships/mine");
        mine!.Status.ShouldBe(MembershipStatus.Active);
        mine.UserId.ShouldBe(userId);
        mine.NextBillingAt.ShouldNotBeNull();
        var charge = mine.Ledger.ShouldHaveSingleItem();
        charge.Kind.ShouldBe(LedgerLineKind.Charge);
        // The API's JSON is unchanged by the enums: the same lowercase, snake_case strings.
        var wire = await client.GetFromJsonAsync<JsonElement>("/api/memberships/mine");
        wire.GetProperty("status").GetString().ShouldBe("active");
        wire.GetProperty("ledger")[0].GetProperty("kind").GetString().ShouldBe("charge");
        charge.AmountCents.ShouldBe(3390 + 7900);
        charge.GstCents.ShouldBe(Gst.ComponentOf(3390 + 7900));
        (await client.GetFromJsonAsync<List<LedgerLineDto>>("/api/memberships/mine/ledger"))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RefuseASecondCheckoutWhileOneIsPendingAndAnUnknownPlan()
    {
        var (_, client) = await MemberAsync(fixture.A1);
        (await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "18-month-minimum" });
        await ProblemAssert.IsAsync(second, HttpStatusCode.Conflict, "conflict");

        var (_, other) = await MemberAsync(fixture.A1);
        await ProblemAssert.NamesFieldAsync(await other.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "gold" }), "planCode");
        await ProblemAssert.NamesFieldAsync(await other.PostAsJsonAsync("/api/memberships/checkout", new { }), "planCode");
    }

    [Fact]
    public async Task LetTheDatabaseAdmitOnlyOneOfManyConcurrentCheckouts()
    {
        var (userId, client) = await MemberAsync(fixture.A1);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(9, string.Join(", ", statuses));
        (await AllAsync<Membership>(App, fixture.A1.Id)).Count(m => m.UserId == userId).ShouldBe(1);
    }

    [Fact]
    public async Task CancelAtTheEndOfTheMinimumTermWithAnEmailAndAnAuditEntry()
    {
        var (userId, _) = await ActiveMemberAsync(fixture.A1);
        var membership = (await MembershipOfAsync(App, fixture.A1.Id, userId))!;
        // The webhook handler read the plan's 12-month term with the membership, in the same query.
        membership.MinimumTermEndsAt.ShouldBe(membership.StartedAt!.Value.AddMonths(12));
        var email = (await AllAsync<DerrimutUser>(App, fixture.A1.Id)).Single(u => u.Id == userId).Email!;
        var client = await App.SignedInAsync(email, fixture.A1.Identifier);

        var response = await client.PostAsync("/api/memberships/mine/cancel", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cancelled = await response.Content.ReadFromJsonAsync<MembershipCancelled>();
        cancelled!.Message.ShouldContain("minimum term");
        cancelled.EffectiveAt.ShouldNotBeNull();
        cancelled.EffectiveAt.Value.ShouldBe(membership.MinimumTermEndsAt!.Value, TimeSpan.FromSeconds(1));
        cancelled.Membership.Status.ShouldBe(MembershipStatus.Active);
        cancelled.Membership.CancelsAt.ShouldNotBeNull();

        (await AllAsync<MembershipAuditEntry>(App, fixture.A1.Id)).ShouldContain(a => a.MembershipId == membership.Id && a.Action == "cancel-requested" && a.ActorUserId == userId);
        var mail = Directory.GetFiles(App.MailPickup, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();
        mail.ShouldContain(m => m.Contains("cancellation is confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FreezeForOneToTwelveWeeksAndNameTheFieldOtherwise()
    {
        var (userId, _) = await ActiveMemberAsync(fixture.A1);
        var email = (await AllAsync<DerrimutUser>(App, fixture.A1.Id)).Single(u => u.Id == userId).Email!;
        var client = await App.SignedInAsync(email, fixture.A1.Identifier);
        foreach (var weeks in new[] { 0, 13, -1 })
        {
            await ProblemAssert.NamesFieldAsync(await client.PostAsJsonAsync("/api/memberships/mine/freeze", new { weeks }), "weeks");
        }

        await ProblemAssert.NamesFieldAsync(await client.PostAsJsonAsync("/api/memberships/mine/freeze", new { }), "weeks");
        var frozen = await client.PostAsJsonAsync("/api/memberships/mine/freeze", new { weeks = 4 });
        frozen.StatusCode.ShouldBe(HttpStatusCode.OK, await frozen.Content.ReadAsStringAsync());
        var dto = await frozen.Content.ReadFromJsonAsync<MembershipDto>();
        dto!.IsFrozen.ShouldBeTrue();
        dto.FrozenUntil!.Value.ShouldBe(DateTimeOffset.UtcNow.AddDays(28), TimeSpan.FromMinutes(5));
        await ProblemAssert.IsAsync(await client.PostAsJsonAsync("/api/memberships/mine/freeze", new { weeks = 2 }), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task NeverMoveBackwardsOnAStaleSubscriptionUpdate()
    {
        var (userId, subscription) = await ActiveMemberAsync(fixture.A1);
        var t = DateTimeOffset.UtcNow.AddMinutes(5);
        t = DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
        var pastDue = Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.PastDue, t.AddSeconds(30));
        var olderActive = Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.Active, t.AddSeconds(20));

        await DeliverAsync(App, pastDue);
        await DeliverAsync(App, olderActive);
        (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Status.ShouldBe(MembershipStatus.PastDue);

        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.Active, t.AddSeconds(40)));
        (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Status.ShouldBe(MembershipStatus.Active);
    }

    [Fact]
    public async Task PushAChangeToOpenPagesOnlyOnceItIsCommitted()
    {
        var (userId, subscription) = await ActiveMemberAsync(fixture.A1);
        var seen = new TaskCompletionSource<MembershipStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var live = App.Services.GetRequiredService<Derrimut.BuildingBlocks.Realtime.ILiveUpdates>();
        // What an open member page does on the push: reload through a fresh query.
        using var subscriptionToPage = live.Subscribe(fixture.A1.Id, MembershipTopics.Memberships, userId, async _ =>
            seen.TrySetResult((await MembershipOfAsync(App, fixture.A1.Id, userId))!.Status));
        using var otherGym = live.Subscribe(fixture.A2.Id, MembershipTopics.Memberships, null, _ =>
        {
            seen.TrySetException(new InvalidOperationException("another gym heard it"));
            return Task.CompletedTask;
        });

        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.PastDue, at));

        (await seen.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(MembershipStatus.PastDue);
    }

    [Fact]
    public async Task EndCancelledWhenDeletedArrivesBeforeCreated()
    {
        var (userId, client) = await MemberAsync(fixture.A1);
        (await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var t = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        const string subscription = "sub_deleted_first";

        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Deleted, SubscriptionStatus.Canceled, t.AddSeconds(50)));
        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Created, SubscriptionStatus.Active, t.AddSeconds(10)));
        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.Active, t.AddSeconds(90)));

        var membership = (await MembershipOfAsync(App, fixture.A1.Id, userId))!;
        membership.Status.ShouldBe(MembershipStatus.Cancelled);
        membership.LiveUserId.ShouldBeNull();
        // Ended, so the member may join again.
        (await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RecordEachChargeFailureAndRefundOnceWhateverTheRepeats()
    {
        var (userId, subscription) = await ActiveMemberAsync(fixture.A1);
        var t = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds());
        var failed = new PaymentFailed($"evt_{Guid.NewGuid():N}", t, fixture.A1.Id, userId, CheckoutPurposes.Membership, "12-month-minimum", null,
            PaymentFailureStage.Invoice, null, "in_renewal_1", subscription, 2790, Gst.ComponentOf(2790), "aud", 1, t.AddDays(3));
        var paid = new PaymentSucceeded($"evt_{Guid.NewGuid():N}", t.AddDays(3), fixture.A1.Id, userId, CheckoutPurposes.Membership, "12-month-minimum",
            "in_renewal_1", subscription, "cus_x", "pi_renewal_1", InvoiceBillingReason.SubscriptionCycle, 2790, Gst.ComponentOf(2790), "aud", t, t.AddDays(14));
        var partRefund = new RefundIssued($"evt_{Guid.NewGuid():N}", t.AddDays(4), fixture.A1.Id, null, null, null, "ch_renewal_1", "pi_renewal_1", 2790, 1000, Gst.ComponentOf(1000), false, "aud");
        var fullRefund = partRefund with { StripeEventId = $"evt_{Guid.NewGuid():N}", StripeEventCreatedAt = t.AddDays(5), AmountRefundedCents = 2790, RefundedGstCents = Gst.ComponentOf(2790), FullyRefunded = true };

        await DeliverAsync(App, failed);
        (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Status.ShouldBe(MembershipStatus.PastDue);
        await DeliverAsync(App, failed with { StripeEventId = $"evt_{Guid.NewGuid():N}" });
        await DeliverAsync(App, paid);
        await DeliverAsync(App, paid with { StripeEventId = $"evt_{Guid.NewGuid():N}" });
        (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Status.ShouldBe(MembershipStatus.Active);
        await DeliverAsync(App, fullRefund);
        await DeliverAsync(App, partRefund); // late and smaller: already counted

        var lines = (await AllAsync<LedgerEntry>(App, fixture.A1.Id)).Where(l => l.UserId == userId).ToList();
        lines.Count(l => l.Kind == LedgerEntryKind.FailedPayment).ShouldBe(1);
        lines.Count(l => l.Kind == LedgerEntryKind.Charge).ShouldBe(2); // joining payment and the renewal
        lines.Single(l => l.Kind == LedgerEntryKind.Refund).AmountCents.ShouldBe(-2790);
    }

    [Fact]
    public async Task LetAnAdminRefundAChargeAndCancelAMembershipButNotStaff()
    {
        var (userId, _) = await ActiveMemberAsync(fixture.A1);
        var membershipId = (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Id;
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, fixture.A1.Id, adminEmail, IdentityRoles.Admin);
        var staffEmail = $"staff-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, fixture.A1.Id, staffEmail, IdentityRoles.Staff);
        var admin = await App.SignedInAsync(adminEmail, fixture.A1.Identifier);
        var staff = await App.SignedInAsync(staffEmail, fixture.A1.Identifier);

        var charge = (await admin.GetFromJsonAsync<MembershipDto>($"/api/memberships/{membershipId}"))!.Ledger.Single(l => l.Kind == LedgerLineKind.Charge);
        (await staff.PostAsJsonAsync($"/api/memberships/{membershipId}/ledger/{charge.Id}/refund", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ProblemAssert.NamesFieldAsync(
            await admin.PostAsJsonAsync($"/api/memberships/{membershipId}/ledger/{charge.Id}/refund", new { amountCents = charge.AmountCents + 1 }), "amountCents");

        var refunded = await admin.PostAsJsonAsync($"/api/memberships/{membershipId}/ledger/{charge.Id}/refund", new { amountCents = 1000 });
        refunded.StatusCode.ShouldBe(HttpStatusCode.OK, await refunded.Content.ReadAsStringAsync());
        var after = await refunded.Content.ReadFromJsonAsync<MembershipDto>();
        var refund = after!.Ledger.Single(l => l.Kind == LedgerLineKind.Refund);
        refund.AmountCents.ShouldBe(-1000);
        refund.GstCents.ShouldBe(-Gst.ComponentOf(1000));

        var cancelled = await admin.PostAsJsonAsync($"/api/memberships/{membershipId}/cancel", new { immediately = true });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("cancelled");
        (await MembershipOfAsync(App, fixture.A1.Id, userId))!.LiveUserId.ShouldBeNull();
        (await AllAsync<MembershipAuditEntry>(App, fixture.A1.Id)).Where(a => a.MembershipId == membershipId).Select(a => a.Action)
            .ShouldContain("refund");
    }

    [Fact]
    public async Task RememberAMembersOwnMembershipPerGymAndDropItTheMomentItChanges()
    {
        // One person, a member at two gyms: each gym's answer is its own, read after every step.
        await EnsurePlansAsync(App, fixture.A1.Id);
        await EnsurePlansAsync(App, fixture.A2.Id);
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var userId = await CreatePersonAsync(App, fixture.A1.Id, email);
        await CreatePersonAsync(App, fixture.A2.Id, email);
        var atA1 = await App.SignedInAsync(email, fixture.A1.Identifier);
        var atA2 = await App.SignedInAsync(email, fixture.A2.Identifier);
        static async Task<MembershipDto> MineAsync(HttpClient client) => (await client.GetFromJsonAsync<MembershipDto>("/api/memberships/mine"))!;

        // "Never joined" is remembered too, and joining drops it.
        (await atA1.GetAsync("/api/memberships/mine")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await atA2.GetAsync("/api/memberships/mine")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var checkout = await atA1.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "12-month-minimum" });
        checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync());
        (await MineAsync(atA1)).Status.ShouldBe(MembershipStatus.Pending);
        (await atA2.GetAsync("/api/memberships/mine")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Billing's payment event changes the remembered answer at once.
        await PayAsync(fixture.A1, await checkout.Content.ReadFromJsonAsync<JsonElement>());
        var active = await MineAsync(atA1);
        active.Status.ShouldBe(MembershipStatus.Active);
        active.Ledger.ShouldHaveSingleItem().Kind.ShouldBe(LedgerLineKind.Charge);

        // The gym renames the plan: every remembered membership of the gym shows the new name.
        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(fixture.A1.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            (await db.Set<Plan>().SingleAsync(p => p.Code == "12-month-minimum", ct)).Name = "Twelve months, locked in";
            await db.SaveChangesAsync(ct);
        });
        (await MineAsync(atA1)).PlanName.ShouldBe("Twelve months, locked in");

        // The member's own change through the API shows on the next read.
        var cancelled = await atA1.PostAsync("/api/memberships/mine/cancel", null);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await MineAsync(atA1)).CancelsAt.ShouldNotBeNull();

        // A failed renewal reported by Stripe (inside the webhook's transaction) shows once it commits.
        var subscription = (await MembershipOfAsync(App, fixture.A1.Id, userId))!.SubscriptionId!;
        await DeliverAsync(App, Changed(fixture.A1.Id, userId, subscription, SubscriptionChange.Updated, SubscriptionStatus.PastDue, DateTimeOffset.UtcNow.AddMinutes(5)));
        (await MineAsync(atA1)).Status.ShouldBe(MembershipStatus.PastDue);
        (await atA2.GetAsync("/api/memberships/mine")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task LeaveAGymsMembershipAloneWhenAnotherGymsEventNamesItsSubscription()
    {
        // The handlers' compiled lookups (by subscription, by checkout, by member) keep the tenant filter of the context
        // that runs them: an event received at B1 cannot reach A1's membership, whatever ids it carries.
        var (userId, subscription) = await ActiveMemberAsync(fixture.A1);
        var before = (await MembershipOfAsync(App, fixture.A1.Id, userId))!;
        var audits = (await AllAsync<MembershipAuditEntry>(App, fixture.A1.Id)).Count(a => a.MembershipId == before.Id);
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        await DeliverAsync(App, Changed(fixture.B1.Id, userId, subscription, SubscriptionChange.Deleted, SubscriptionStatus.Canceled, at));

        var after = (await MembershipOfAsync(App, fixture.A1.Id, userId))!;
        after.Status.ShouldBe(MembershipStatus.Active);
        after.StateAsOf.ShouldBe(before.StateAsOf);
        (await AllAsync<MembershipAuditEntry>(App, fixture.A1.Id)).Count(a => a.MembershipId == before.Id).ShouldBe(audits);
        (await AllAsync<Membership>(App, fixture.B1.Id)).ShouldNotContain(m => m.UserId == userId);
    }

    [Fact]
    public async Task KeepEachGymsMembershipsToItself()
    {
        var (userId, _) = await ActiveMemberAsync(fixture.A1);
        var email = (await AllAsync<DerrimutUser>(App, fixture.A1.Id)).Single(u => u.Id == userId).Email!;
        var staffAtB1 = $"staff-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, fixture.B1.Id, staffAtB1, IdentityRoles.Staff);
        var staffAtA1 = $"staff-{Guid.NewGuid():N}@example.com";
        await CreatePersonAsync(App, fixture.A1.Id, staffAtA1, IdentityRoles.Staff);

        var b1 = await App.SignedInAsync(staffAtB1, fixture.B1.Identifier);
        var list = await b1.GetFromJsonAsync<MembershipListPage>("/api/memberships");
        list!.Items.ShouldNotContain(i => i.UserId == userId);
        var membershipId = (await MembershipOfAsync(App, fixture.A1.Id, userId))!.Id;
        (await b1.GetAsync($"/api/memberships/{membershipId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The A1 member's cookie is worth nothing at A2, where they are not a member.
        var member = await App.SignedInAsync(email, fixture.A1.Identifier);
        (await member.GetAsync(SignedInClients.At(fixture.A2.Identifier, "/api/memberships/mine"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var a1 = await App.SignedInAsync(staffAtA1, fixture.A1.Identifier);
        var found = await a1.GetFromJsonAsync<MembershipListPage>($"/api/memberships?search={Uri.EscapeDataString(email[..10])}&status=active");
        found!.Items.ShouldHaveSingleItem().UserId.ShouldBe(userId);
        var one = await a1.GetFromJsonAsync<MembershipDto>($"/api/memberships/{membershipId}");
        one!.Ledger.ShouldNotBeEmpty();
        await ProblemAssert.NamesFieldAsync(await a1.GetAsync("/api/memberships?status=gold"), "status");
        // A member may not read the register.
        (await member.GetAsync("/api/memberships")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class MembershipsOnSqliteShould(SqliteAppFixture fixture) : MembershipsShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class MembershipsOnPostgreSqlShould(PostgresAppFixture fixture) : MembershipsShould(fixture), IClassFixture<PostgresAppFixture>;
