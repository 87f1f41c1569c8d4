using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using static Derrimut.Web.Tests.Memberships.MembershipTestKit;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// The entitlement contract (decision 0030): the one rule classes, check-in, doors and the PT allowance ask, on a real
/// database, including the deliberate read of another location's membership within the same franchise.
/// </summary>
public abstract class MembershipEntitlementsShould(AppFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private DerrimutWebFactory App => fixture.App;

    private async Task<Guid> MembershipAsync(TestTenant gym, string planCode, Action<Membership> state)
    {
        await EnsurePlansAsync(App, gym.Id);
        var person = Guid.CreateVersion7();
        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var plan = await db.Set<Plan>().SingleAsync(p => p.Code == planCode, ct);
            var membership = new Membership
            {
                UserId = person, LiveUserId = person, PlanId = plan.Id, PlanCode = plan.Code, Status = MembershipStatus.Active,
                StartedAt = Now.AddDays(-30), NextBillingAt = Now.AddDays(10),
            };
            state(membership);
            db.Add(membership);
            await db.SaveChangesAsync(ct);
        });
        return person;
    }

    private Task<MembershipEntitlement> AskAsync(TestTenant scope, Guid person, Guid? location = null, DateTimeOffset? asOf = null) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(scope.Id, (sp, ct) =>
            sp.GetRequiredService<IMembershipEntitlements>().GetAsync(person, location ?? scope.Id, asOf ?? Now, ct));

    [Fact]
    public async Task EntitleAnActiveMemberAtTheHomeGymWithThePlansInclusions()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-upfront", _ => { });

        var entitlement = await AskAsync(fixture.A1, person);

        entitlement.IsEntitled.ShouldBeTrue();
        entitlement.Refusal.ShouldBe(EntitlementRefusal.None);
        entitlement.HomeLocationId.ShouldBe(fixture.A1.Id);
        entitlement.Inclusions.ShouldBe(new PlanInclusions(IncludesClasses: true, PtSessionsPerMonth: 2, CoversAllFranchiseLocations: true));
        entitlement.MayBookClasses.ShouldBeTrue();
        entitlement.IsVisit(fixture.A1.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task RefusePendingFrozenPastDueCancelledAndExpiredMembershipsWithThatReason()
    {
        var cases = new (Action<Membership> State, EntitlementRefusal Refusal)[]
        {
            (m => m.Status = MembershipStatus.Pending, EntitlementRefusal.Pending),
            (m => { m.IsFrozen = true; m.FrozenUntil = Now.AddDays(14); }, EntitlementRefusal.Frozen),
            (m => m.Status = MembershipStatus.PastDue, EntitlementRefusal.PastDue),
            (m => m.End(MembershipStatus.Cancelled, Now.AddDays(-1)), EntitlementRefusal.Cancelled),
            (m => m.End(MembershipStatus.Expired, Now.AddDays(-1)), EntitlementRefusal.Expired),
            (m => m.CancelsAt = Now.AddMinutes(-1), EntitlementRefusal.Cancelled),
        };

        foreach (var (state, refusal) in cases)
        {
            var person = await MembershipAsync(fixture.A1, "12-month-minimum", state);
            var entitlement = await AskAsync(fixture.A1, person);
            entitlement.IsEntitled.ShouldBeFalse(refusal.ToString());
            entitlement.Refusal.ShouldBe(refusal);
            entitlement.Reason.ShouldNotBeNullOrWhiteSpace();
            entitlement.MayBookClasses.ShouldBeFalse();
        }

        (await AskAsync(fixture.A1, Guid.CreateVersion7())).Refusal.ShouldBe(EntitlementRefusal.NoMembership);
    }

    [Fact]
    public async Task DecideAsOfTheInstantAsked()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-minimum", m => { m.IsFrozen = true; m.FrozenUntil = Now.AddDays(7); });

        (await AskAsync(fixture.A1, person)).Refusal.ShouldBe(EntitlementRefusal.Frozen);
        (await AskAsync(fixture.A1, person, asOf: Now.AddDays(8))).IsEntitled.ShouldBeTrue("the freeze is over by then");

        var leaving = await MembershipAsync(fixture.A1, "12-month-minimum", m => m.CancelsAt = Now.AddDays(3));
        (await AskAsync(fixture.A1, leaving)).IsEntitled.ShouldBeTrue();
        (await AskAsync(fixture.A1, leaving, asOf: Now.AddDays(4))).Refusal.ShouldBe(EntitlementRefusal.Cancelled);
    }

    [Fact]
    public async Task RefuseASingleClubMemberAtAnotherGymOfTheFranchiseAsHomeGymOnly()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-minimum", _ => { });

        var atA2 = await AskAsync(fixture.A2, person);

        atA2.IsEntitled.ShouldBeFalse();
        atA2.Refusal.ShouldBe(EntitlementRefusal.HomeGymOnly);
        atA2.HomeLocationId.ShouldBe(fixture.A1.Id);
    }

    [Fact]
    public async Task EntitleAMultiClubMemberAtAnotherGymOfTheSameFranchise()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-upfront", _ => { });

        var atA2 = await AskAsync(fixture.A2, person);

        atA2.IsEntitled.ShouldBeTrue();
        atA2.HomeLocationId.ShouldBe(fixture.A1.Id);
        atA2.IsVisit(fixture.A2.Id).ShouldBeTrue();
        atA2.Inclusions.CoversAllFranchiseLocations.ShouldBeTrue();
    }

    [Fact]
    public async Task RefuseAMultiClubMemberFrozenAtHomeEverywhere()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-upfront", m => m.Status = MembershipStatus.PastDue);

        (await AskAsync(fixture.A2, person)).Refusal.ShouldBe(EntitlementRefusal.PastDue);
    }

    [Fact]
    public async Task NeverLookAcrossFranchises()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-upfront", _ => { });

        // At a gym of another franchise, in that gym's scope: franchise A's rows are out of reach.
        var atB1 = await AskAsync(fixture.B1, person);
        atB1.IsEntitled.ShouldBeFalse();
        atB1.Refusal.ShouldBe(EntitlementRefusal.NoMembership);
        atB1.MembershipId.ShouldBeNull("nothing of franchise A is revealed");

        // And a scope of franchise A cannot be asked about franchise B's gym.
        (await AskAsync(fixture.A1, person, location: fixture.B1.Id)).Refusal.ShouldBe(EntitlementRefusal.NoMembership);
    }

    [Fact]
    public async Task PreferTheHomeGymsOwnMembershipOverAVisit()
    {
        var person = await MembershipAsync(fixture.A1, "12-month-upfront", _ => { });
        await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(fixture.A2.Id, async (sp, ct) =>
        {
            await MembershipsSeederPlans(sp, ct);
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var plan = await db.Set<Plan>().SingleAsync(p => p.Code == "no-lock-in", ct);
            db.Add(new Membership { UserId = person, LiveUserId = person, PlanId = plan.Id, PlanCode = plan.Code, Status = MembershipStatus.Active });
            await db.SaveChangesAsync(ct);
        });

        var atA2 = await AskAsync(fixture.A2, person);

        atA2.HomeLocationId.ShouldBe(fixture.A2.Id);
        atA2.PlanCode.ShouldBe("no-lock-in");
    }

    private static Task MembershipsSeederPlans(IServiceProvider sp, CancellationToken ct) =>
        Derrimut.Memberships.Seeding.MembershipsSeeder.EnsureStandardPlansAsync(sp.GetRequiredService<DerrimutDbContext>(), ct);
}

public sealed class MembershipEntitlementsOnSqliteShould(SqliteAppFixture fixture) : MembershipEntitlementsShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class MembershipEntitlementsOnPostgreSqlShould(PostgresAppFixture fixture) : MembershipEntitlementsShould(fixture), IClassFixture<PostgresAppFixture>;
