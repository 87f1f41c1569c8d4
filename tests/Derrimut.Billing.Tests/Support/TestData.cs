using Derrimut.Billing.Gateways;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Billing.Tests.Support;

/// <summary>Gyms, members, plans and clocks shared by the tests.</summary>
internal static class TestData
{
    public static readonly Guid StAlbans = Guid.Parse("5b7d4c1e-0c2a-4f7e-9a51-3c1f2e8d9a01");
    public static readonly Guid Sunshine = Guid.Parse("8e2f6a90-1d3b-4c5e-8f70-2a4b6c8d0e02");
    public static readonly Guid Priya = Guid.Parse("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");

    public const string StAlbansWebhookSecret = "whsec_st_albans_0123456789abcdef";
    public const string SunshineWebhookSecret = "whsec_sunshine_fedcba9876543210";

    /// <summary>Tue 3 Nov 2026 09:00 in Melbourne (22:00 UTC the day before), as Stripe would timestamp it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 22, 0, 0, TimeSpan.Zero);

    /// <summary>A fortnightly no-lock-in plan: $44.00 a fortnight, $49.00 joining fee.</summary>
    public static CheckoutPlan NoLockIn(string? stripePriceId = null) =>
        new("no-lock-in", "No lock-in", 4400, BillingInterval.Fortnightly, JoiningFeeCents: 4900, StripePriceId: stripePriceId);

    /// <summary>A 12-month upfront plan, $699.00 a year, no joining fee.</summary>
    public static CheckoutPlan TwelveMonthUpfront() => new("12-month-upfront", "12 month upfront", 69900, BillingInterval.Yearly);

    public static FakeTimeProvider Clock() => new(Now);

    public static SubscriptionCheckoutRequest MembershipCheckout(CheckoutPlan? plan = null, Guid? tenantId = null, string key = "checkout:membership:1") => new(
        tenantId ?? StAlbans, Priya, plan ?? NoLockIn(), CheckoutPurposes.Membership, key,
        "https://st-albans.derrimut.com.au/memberships/welcome?session_id={CHECKOUT_SESSION_ID}",
        "https://st-albans.derrimut.com.au/memberships", "priya@example.com");

    public static PaymentCheckoutRequest TrainerBookingCheckout(string key = "checkout:booking:bk_1") => new(
        StAlbans, Priya, CheckoutPurposes.TrainerBooking, "booking-7f3a", "PT session with Sam, Tue 4 Nov 6:00 pm", 9000, key,
        "https://st-albans.derrimut.com.au/bookings/paid?session_id={CHECKOUT_SESSION_ID}",
        "https://st-albans.derrimut.com.au/bookings");
}

/// <summary>Keys per gym, like per-tenant settings will give.</summary>
internal sealed class PerGymKeys : IStripeKeyResolver
{
    public static readonly PerGymKeys Default = new();

    public ValueTask<StripeAccountKeys> ResolveAsync(Guid tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(
        tenantId == TestData.Sunshine
            ? new StripeAccountKeys("sk_test_sunshine", TestData.SunshineWebhookSecret)
            : new StripeAccountKeys("sk_test_st_albans", TestData.StAlbansWebhookSecret));
}
