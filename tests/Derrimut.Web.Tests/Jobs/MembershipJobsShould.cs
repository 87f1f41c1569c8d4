using Derrimut.Billing.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Features.FreezeMyMembership;
using Derrimut.Memberships.Jobs;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>The Memberships module's scheduled jobs, run as a firing runs them, on a clock the tests move.</summary>
public abstract class MembershipJobsShould(JobsAppFixture fixture)
{
    private static bool IsReminder(MimeKit.MimeMessage mail) => mail.Subject?.StartsWith("Your membership renews on", StringComparison.Ordinal) == true;

    [Fact]
    public async Task RemindAMemberOnceABillingPeriodAFewDaysBeforeTheyPay()
    {
        var gym = fixture.A1;
        var (userId, email) = await fixture.ActiveMemberAsync(gym);
        var membership = await fixture.MembershipAsync(gym, userId);
        var billingAt = membership.NextBillingAt.ShouldNotBeNull();

        await fixture.RunAsync<RenewalRemindersJob>();
        fixture.MailTo(email).Count(IsReminder).ShouldBe(0, "the payment is two weeks away");

        fixture.Time.Advance(billingAt - fixture.Time.GetUtcNow() - TimeSpan.FromDays(2));
        await fixture.RunAsync<RenewalRemindersJob>();
        await fixture.RunAsync<RenewalRemindersJob>();

        var reminder = fixture.MailTo(email).Where(IsReminder).ShouldHaveSingleItem();
        (reminder.TextBody ?? "").ShouldContain("$33.90");
        (await fixture.MembershipAsync(gym, userId)).RenewalReminderSentFor.ShouldBe(billingAt);
        (await fixture.AuditAsync(gym, membership.Id)).Count(e => e.Action == "renewal-reminder-sent").ShouldBe(1);

        // The next billing period: reminded again, once.
        await fixture.ArrangeAsync(gym, userId, m => m.NextBillingAt = billingAt.AddDays(14));
        fixture.Time.Advance(TimeSpan.FromDays(14));
        await fixture.RunAsync<RenewalRemindersJob>();
        await fixture.RunAsync<RenewalRemindersJob>();
        fixture.MailTo(email).Count(IsReminder).ShouldBe(2);
    }

    [Fact]
    public async Task NotRemindAMemberWhoseMembershipEndsBeforeItRenews()
    {
        var gym = fixture.A1;
        var (userId, email) = await fixture.ActiveMemberAsync(gym);
        var billingAt = (await fixture.MembershipAsync(gym, userId)).NextBillingAt!.Value;
        await fixture.ArrangeAsync(gym, userId, m => m.CancelsAt = billingAt);

        fixture.Time.Advance(billingAt - fixture.Time.GetUtcNow() - TimeSpan.FromDays(1));
        await fixture.RunAsync<RenewalRemindersJob>();

        fixture.MailTo(email).Count(IsReminder).ShouldBe(0);
    }

    [Fact]
    public async Task EndAFreezeWhoseDateHasPassedAndResumeCollectionAtTheGateway()
    {
        var gym = fixture.B1;
        var (userId, email) = await fixture.ActiveMemberAsync(gym);
        var scopes = fixture.App.Services.GetRequiredService<ITenantScopeFactory>();
        await scopes.RunAsync(gym.Id, (sp, ct) => sp.GetRequiredService<FreezeMyMembershipHandler>().HandleAsync(userId, new FreezeRequest(1), ct));
        var frozen = await fixture.MembershipAsync(gym, userId);
        frozen.IsFrozen.ShouldBeTrue();

        await fixture.RunAsync<FreezeExpiryJob>();
        (await fixture.MembershipAsync(gym, userId)).IsFrozen.ShouldBeTrue("the freeze has a week to run");

        fixture.Time.Advance(frozen.FrozenUntil!.Value - fixture.Time.GetUtcNow() + TimeSpan.FromHours(1));
        await fixture.RunAsync<FreezeExpiryJob>();

        var resumed = await fixture.MembershipAsync(gym, userId);
        resumed.IsFrozen.ShouldBeFalse();
        resumed.FrozenUntil.ShouldBeNull();
        resumed.Status.ShouldBe(MembershipStatus.Active);
        var atGateway = await scopes.RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<IPaymentGateway>().GetSubscriptionAsync(gym.Id, resumed.SubscriptionId!, ct));
        atGateway.CollectionPaused.ShouldBeFalse();
        (await fixture.AuditAsync(gym, resumed.Id)).ShouldContain(e => e.Action == "freeze-ended" && e.Detail.Contains("resumed at the gateway"));
        fixture.MailTo(email).ShouldContain(m => m.Subject != null && m.Subject.StartsWith("Your membership freeze has ended", StringComparison.Ordinal));

        await fixture.RunAsync<FreezeExpiryJob>();
        (await fixture.AuditAsync(gym, resumed.Id)).Count(e => e.Action == "freeze-ended").ShouldBe(1);
    }

    [Fact]
    public async Task CatchUpWithAFreezeTheGatewayHasAlreadyEnded()
    {
        var gym = fixture.A1;
        var (userId, _) = await fixture.ActiveMemberAsync(gym);
        // As if the gateway's "collection resumed" webhook had been lost.
        await fixture.ArrangeAsync(gym, userId, m =>
        {
            m.IsFrozen = true;
            m.FrozenUntil = fixture.Time.GetUtcNow().AddHours(-1);
        });

        await fixture.RunAsync<FreezeExpiryJob>();

        var membership = await fixture.MembershipAsync(gym, userId);
        membership.IsFrozen.ShouldBeFalse();
        (await fixture.AuditAsync(gym, membership.Id)).ShouldContain(e => e.Action == "freeze-ended" && e.Detail.Contains("already resumed"));
    }
}

public sealed class MembershipJobsOnSqliteShould(SqliteJobsAppFixture fixture) : MembershipJobsShould(fixture), IClassFixture<SqliteJobsAppFixture>;

public sealed class MembershipJobsOnPostgreSqlShould(PostgresJobsAppFixture fixture) : MembershipJobsShould(fixture), IClassFixture<PostgresJobsAppFixture>;
