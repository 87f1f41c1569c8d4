using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features.CancelForMember;
using Derrimut.Memberships.Features.FreezeMyMembership;
using Derrimut.Memberships.Features.RefundCharge;
using Derrimut.Memberships.Features.StartCheckout;
using Microsoft.Extensions.Options;

namespace Derrimut.Memberships.Seeding;

/// <summary>
/// The chain's standard plans at every location (only where a location has none yet), and in Development demo
/// memberships in different states at st-albans and werribee for the demo people Identity seeds. Idempotent.
/// </summary>
internal sealed class MembershipsSeeder : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    public int Order => 40;

    /// <summary>
    /// The original four plans. Prices include GST; most Australian gyms bill fortnightly. The cheapest is the gym floor
    /// only; the others include group classes; the year upfront is the premium plan: two PT sessions a month and every
    /// gym of the franchise (multi-club).
    /// </summary>
    public static IReadOnlyList<Plan> StandardPlans() =>
    [
        new()
        {
            Code = "18-month-minimum", Name = "18-month minimum", SortOrder = 1, PriceCents = 2390, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 18, JoiningFeeCents = 0, IncludesClasses = false,
            Description = "Our lowest fortnightly price, 24/7 access, no joining fee. 18-month minimum term.",
        },
        new()
        {
            Code = "12-month-minimum", Name = "12-month minimum", SortOrder = 2, PriceCents = 2790, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 12, JoiningFeeCents = 4900, IncludesClasses = true,
            Description = "24/7 access and group classes. 12-month minimum term; $49 joining fee on your first payment.",
        },
        new()
        {
            Code = "no-lock-in", Name = "No lock-in", SortOrder = 3, PriceCents = 3390, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 0, JoiningFeeCents = 7900, IncludesClasses = true,
            Description = "24/7 access and group classes. Cancel any time; $79 joining fee on your first payment.",
        },
        new()
        {
            Code = "12-month-upfront", Name = "12 months upfront", SortOrder = 4, PriceCents = 59900, IntervalUnit = BillingIntervalUnit.Year, IntervalCount = 1,
            MinimumTermMonths = 12, JoiningFeeCents = 0, IncludesClasses = true, PtSessionsPerMonth = 2, CoversAllFranchiseLocations = true,
            Description = "Pay once for a year of 24/7 access at every gym of the franchise, group classes and two PT sessions a month, no joining fee.",
        },
    ];

    /// <summary>Adds the standard plans to the current location if it has none.</summary>
    public static async Task EnsureStandardPlansAsync(DerrimutDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<Plan>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.AddRange(StandardPlans());
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!tenant.IsLocation)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        await EnsureStandardPlansAsync(db, cancellationToken);
        if (!context.IncludeDemoData)
        {
            return;
        }

        var demo = tenant.Identifier switch
        {
            "st-albans" => new[]
            {
                ($"member@st-albans.{Domain}", "12-month-minimum", DemoState.Active),
                ($"member2@st-albans.{Domain}", "no-lock-in", DemoState.PastDue),
                ($"member3@st-albans.{Domain}", "18-month-minimum", DemoState.Frozen),
                // Multi-club: a st-albans membership that also opens werribee and the franchise's other gyms.
                ($"multi@{Domain}", "12-month-upfront", DemoState.Active),
            },
            "werribee" => new[]
            {
                ($"member@werribee.{Domain}", "no-lock-in", DemoState.ActiveWithRefund),
                ($"member2@werribee.{Domain}", "12-month-upfront", DemoState.Cancelled),
            },
            _ => [],
        };

        // Demo memberships are made the way members make theirs: a checkout, paid on the simulated gateway, whose
        // events go through the webhook inbox; then a declined renewal, a freeze, a refund or a cancellation through
        // the same use cases the API and the pages run. So every demo membership is a real simulated subscription that can be
        // cancelled, frozen and refunded. With a real Stripe account there is no simulated gateway and no demo.
        var payments = context.Services.GetService<ISimulatedPayments>();
        if (payments is null)
        {
            return;
        }

        var services = context.Services;
        var people = services.GetRequiredService<ILocationPeople>();
        var root = services.GetRequiredService<IOptions<TenancyOptions>>().Value.RootDomain;
        var site = new Uri($"https://{tenant.Identifier}.{root}/");
        var admin = await people.FindByEmailAsync($"admin@{tenant.Identifier}.{Domain}", cancellationToken);
        foreach (var (email, planCode, state) in demo)
        {
            var user = await people.FindByEmailAsync(email, cancellationToken);
            if (user is null || admin is null || await db.Set<Membership>().AnyAsync(m => m.UserId == user.UserId, cancellationToken))
            {
                continue;
            }

            var started = await services.GetRequiredService<StartCheckoutHandler>()
                .HandleAsync(user.UserId, new StartCheckoutRequest(planCode), site, cancellationToken);
            var checkoutId = await ReadAsync(db, started.MembershipId, m => m.CheckoutSessionId, cancellationToken);
            await payments.PayCheckoutAsync(tenant.Id, checkoutId!, cancellationToken);
            var subscriptionId = await ReadAsync(db, started.MembershipId, m => m.SubscriptionId, cancellationToken);
            switch (state)
            {
                case DemoState.PastDue:
                    await payments.BillRenewalAsync(tenant.Id, subscriptionId!, paymentSucceeds: false, cancellationToken);
                    break;
                case DemoState.Frozen:
                    await services.GetRequiredService<FreezeMyMembershipHandler>().HandleAsync(user.UserId, new FreezeRequest(3), cancellationToken);
                    break;
                case DemoState.ActiveWithRefund:
                    await payments.BillRenewalAsync(tenant.Id, subscriptionId!, paymentSucceeds: true, cancellationToken);
                    db.ChangeTracker.Clear();
                    var renewal = await db.Set<LedgerEntry>().AsNoTracking()
                        .Where(l => l.MembershipId == started.MembershipId && l.Kind == LedgerEntryKind.Charge)
                        .OrderByDescending(l => l.OccurredAt).ThenByDescending(l => l.CreatedAt).Select(l => l.Id).FirstAsync(cancellationToken);
                    await services.GetRequiredService<RefundChargeHandler>()
                        .HandleAsync(started.MembershipId, renewal, admin.UserId, new RefundChargeRequest(null), cancellationToken);
                    break;
                case DemoState.Cancelled:
                    await services.GetRequiredService<CancelForMemberHandler>()
                        .HandleAsync(started.MembershipId, admin.UserId, new CancelForMemberRequest(Immediately: true), cancellationToken);
                    break;
                case DemoState.Active:
                    break;
            }

            // The inbox committed the events in scopes of their own: nothing tracked here may be reused.
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<string?> ReadAsync(DerrimutDbContext db, Guid membershipId, System.Linq.Expressions.Expression<Func<Membership, string?>> column, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<Membership>().AsNoTracking().Where(m => m.Id == membershipId).Select(column).SingleAsync(cancellationToken);
    }

    private enum DemoState
    {
        Active,
        PastDue,
        Frozen,
        ActiveWithRefund,
        Cancelled,
    }
}
