using Derrimut.Billing.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Jobs;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>
/// An announced price rise reaches the member's subscription at the (simulated) gateway on its date, through the
/// scheduled job, so the renewal on that date charges the new price.
/// </summary>
public abstract class ScheduledPriceChangesShould(JobsAppFixture fixture)
{
    [Fact]
    public async Task PutTheNewPriceOnTheSubscriptionADayBeforeItsDateSoThatRenewalChargesIt()
    {
        var gym = fixture.A1;
        var (userId, _) = await fixture.ActiveMemberAsync(gym);
        var membership = await fixture.MembershipAsync(gym, userId);
        var effectiveFrom = membership.NextBillingAt.ShouldNotBeNull().AddDays(28);
        var changeId = await ScheduleAsync(gym, membership, 3390, 3690, effectiveFrom);

        // Weeks ahead of its date: nothing changes at the gateway.
        await fixture.RunAsync<ScheduledPriceChangesJob>();
        (await ChangeAsync(gym, changeId)).AppliedAt.ShouldBeNull();

        fixture.Time.Advance(effectiveFrom - fixture.Time.GetUtcNow() - TimeSpan.FromHours(12));
        await fixture.RunAsync<ScheduledPriceChangesJob>();
        await fixture.RunAsync<ScheduledPriceChangesJob>();

        var applied = await ChangeAsync(gym, changeId);
        applied.AppliedAt.ShouldNotBeNull();
        applied.LastError.ShouldBeNull();
        (await fixture.AuditAsync(gym, membership.Id)).Count(e => e.Action == "price-change-applied").ShouldBe(1, "a second run changes nothing");

        // The renewal on the date charges the new price.
        await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<ISimulatedPayments>().BillRenewalAsync(gym.Id, membership.SubscriptionId!, paymentSucceeds: true, ct));
        var charges = await LedgerAsync(gym, membership.Id);
        charges.OrderBy(c => c.CreatedAt).Last().AmountCents.ShouldBe(3690);
    }

    [Fact]
    public async Task CloseAChangeWhoseMembershipEndedWithoutTouchingTheGateway()
    {
        var gym = fixture.B1;
        var (userId, _) = await fixture.ActiveMemberAsync(gym);
        var membership = await fixture.MembershipAsync(gym, userId);
        var changeId = await ScheduleAsync(gym, membership, 3390, 3690, fixture.Time.GetUtcNow().AddHours(6));
        await fixture.ArrangeAsync(gym, userId, m => m.End(MembershipStatus.Cancelled, fixture.Time.GetUtcNow()));

        await fixture.RunAsync<ScheduledPriceChangesJob>();

        (await ChangeAsync(gym, changeId)).AppliedAt.ShouldNotBeNull();
        (await fixture.AuditAsync(gym, membership.Id)).ShouldContain(e => e.Action == "price-change-closed");
    }

    private Task<Guid> ScheduleAsync(TestTenant gym, Membership membership, long from, long to, DateTimeOffset effectiveFrom) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var change = new PlanPriceChange
            {
                MembershipId = membership.Id,
                UserId = membership.UserId,
                PlanId = membership.PlanId,
                OldPriceCents = from,
                NewPriceCents = to,
                EffectiveFrom = effectiveFrom,
                NoticeSentAt = fixture.Time.GetUtcNow(),
            };
            db.Add(change);
            await db.SaveChangesAsync(ct);
            return change.Id;
        });

    private Task<PlanPriceChange> ChangeAsync(TestTenant gym, Guid id) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<PlanPriceChange>().AsNoTracking().SingleAsync(c => c.Id == id, ct));

    private Task<List<LedgerEntry>> LedgerAsync(TestTenant gym, Guid membershipId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<LedgerEntry>().AsNoTracking()
                .Where(e => e.MembershipId == membershipId && e.Kind == LedgerEntryKind.Charge).ToListAsync(ct));
}

public sealed class ScheduledPriceChangesOnSqliteShould(SqliteJobsAppFixture fixture) : ScheduledPriceChangesShould(fixture), IClassFixture<SqliteJobsAppFixture>;

public sealed class ScheduledPriceChangesOnPostgreSqlShould(PostgresJobsAppFixture fixture) : ScheduledPriceChangesShould(fixture), IClassFixture<PostgresJobsAppFixture>;
