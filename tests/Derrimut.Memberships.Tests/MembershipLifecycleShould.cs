using Derrimut.Billing.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using static Derrimut.Memberships.Domain.MembershipLifecycle;

namespace Derrimut.Memberships.Tests;

/// <summary>
/// The membership's state follows Billing's events, which Stripe delivers late, twice and out of order: these rules
/// decide what each event may change (decision 0010).
/// </summary>
public sealed class MembershipLifecycleShould
{
    private static readonly DateTimeOffset Joined = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(11));
    private static readonly Guid Priya = Guid.Parse("6f1c9d2e-3b7a-4c51-9e0d-2a8b7c6d5e4f");

    [Fact]
    public void StartAPaidCheckoutWithItsMinimumTerm()
    {
        var membership = Pending();

        ApplyCheckoutCompleted(membership, Completed(Joined, CheckoutPaymentStatus.Paid), minimumTermMonths: 12).ShouldBe(Outcome.Applied);

        membership.Status.ShouldBe(MembershipStatus.Active);
        membership.StartedAt.ShouldBe(Joined);
        membership.MinimumTermEndsAt.ShouldBe(Joined.AddMonths(12));
        membership.SubscriptionId.ShouldBe("sub_1");
    }

    [Fact]
    public void WaitForADelayedPaymentMethodBeforeStarting()
    {
        var membership = Pending();

        ApplyCheckoutCompleted(membership, Completed(Joined, CheckoutPaymentStatus.Unpaid), 12).ShouldBe(Outcome.Unchanged);

        membership.Status.ShouldBe(MembershipStatus.Pending);
        membership.StartedAt.ShouldBeNull();
    }

    [Fact]
    public void FallPastDueWhenARenewalIsDeclinedAndRecoverWhenItIsPaid()
    {
        var membership = Active();
        var declinedAt = Joined.AddDays(14);

        ApplyInvoiceFailed(membership, declinedAt).ShouldBe(Outcome.Applied);
        membership.Status.ShouldBe(MembershipStatus.PastDue);

        ApplyInvoicePaid(membership, declinedAt.AddDays(3), paidUntil: Joined.AddDays(28), minimumTermMonths: 12).ShouldBe(Outcome.Applied);
        membership.Status.ShouldBe(MembershipStatus.Active);
        membership.NextBillingAt.ShouldBe(Joined.AddDays(28));
        membership.StartedAt.ShouldBe(Joined, "a renewal never restarts the minimum term");
    }

    [Fact]
    public void IgnoreAnEventOlderThanTheStateItHolds()
    {
        var membership = Active();
        ApplyInvoiceFailed(membership, Joined.AddDays(14));

        ApplyInvoicePaid(membership, Joined.AddDays(13), Joined.AddDays(28), 12).ShouldBe(Outcome.IgnoredAsStale);

        membership.Status.ShouldBe(MembershipStatus.PastDue);
    }

    [Fact]
    public void NeverBringAnEndedMembershipBack()
    {
        var membership = Active();
        ApplySubscription(membership, SubscriptionChange.Deleted, Snapshot(SubscriptionStatus.Canceled), Joined.AddDays(30), 12).ShouldBe(Outcome.Applied);

        ApplyInvoicePaid(membership, Joined.AddDays(31), Joined.AddDays(45), 12).ShouldBe(Outcome.IgnoredAsEnded);
        ApplySubscription(membership, SubscriptionChange.Updated, Snapshot(SubscriptionStatus.Active), Joined.AddDays(32), 12).ShouldBe(Outcome.IgnoredAsEnded);

        membership.Status.ShouldBe(MembershipStatus.Cancelled);
        membership.LiveUserId.ShouldBeNull("the member may join again");
    }

    [Fact]
    public void NeverDemoteAMemberWhoHasPaidBackToPending()
    {
        var membership = Active();

        ApplySubscription(membership, SubscriptionChange.Updated, Snapshot(SubscriptionStatus.Incomplete), Joined.AddDays(1), 12);

        membership.Status.ShouldBe(MembershipStatus.Active);
    }

    [Fact]
    public void ShowAFreezeWhileStripePausesCollection()
    {
        var membership = Active();
        var resumes = Joined.AddDays(28);

        ApplySubscription(membership, SubscriptionChange.Updated, Snapshot(SubscriptionStatus.Active) with { CollectionPaused = true, CollectionResumesAt = resumes }, Joined.AddDays(2), 12);

        membership.IsFrozen.ShouldBeTrue();
        membership.FrozenUntil.ShouldBe(resumes);
    }

    [Fact]
    public void ExpireACheckoutThatFailedButLeaveALiveMembershipAlone()
    {
        var pending = Pending();
        ApplyCheckoutFailed(pending, Joined).ShouldBe(Outcome.Applied);
        pending.Status.ShouldBe(MembershipStatus.Expired);

        ApplyCheckoutFailed(Active(), Joined).ShouldBe(Outcome.Unchanged);
    }

    private static Membership Pending() => new() { UserId = Priya, LiveUserId = Priya, PlanCode = "12-month-minimum" };

    private static Membership Active()
    {
        var membership = Pending();
        ApplyCheckoutCompleted(membership, Completed(Joined, CheckoutPaymentStatus.Paid), 12);
        membership.NextBillingAt = Joined.AddDays(14);
        return membership;
    }

    private static CheckoutCompleted Completed(DateTimeOffset at, CheckoutPaymentStatus payment) => new(
        "evt_1", at, Guid.NewGuid(), Priya, CheckoutPurposes.Membership, "12-month-minimum", null, "cs_1", CheckoutMode.Subscription, payment,
        "cus_1", "sub_1", null, "in_1", 4400, 400, "aud");

    private static SubscriptionSnapshot Snapshot(SubscriptionStatus status) => new(
        "sub_1", "cus_1", status, Joined, Joined.AddDays(14), false, null, status == SubscriptionStatus.Canceled ? Joined.AddDays(30) : null,
        status == SubscriptionStatus.Canceled ? Joined.AddDays(30) : null, false, null);
}
