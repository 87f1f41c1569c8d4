using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Seeding;

/// <summary>
/// The chain's standard plans at every location (only where a location has none yet), and in Development demo
/// memberships in different states at st-albans and werribee for the demo people Identity seeds. Idempotent.
/// </summary>
internal sealed class MembershipsSeeder(TimeProvider time) : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    public int Order => 40;

    /// <summary>The original four plans. Prices include GST; most Australian gyms bill fortnightly.</summary>
    public static IReadOnlyList<Plan> StandardPlans() =>
    [
        new()
        {
            Code = "18-month-minimum", Name = "18-month minimum", SortOrder = 1, PriceCents = 2390, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 18, JoiningFeeCents = 0,
            Description = "Our lowest fortnightly price, 24/7 access, no joining fee. 18-month minimum term.",
        },
        new()
        {
            Code = "12-month-minimum", Name = "12-month minimum", SortOrder = 2, PriceCents = 2790, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 12, JoiningFeeCents = 4900,
            Description = "24/7 access and group classes. 12-month minimum term; $49 joining fee on your first payment.",
        },
        new()
        {
            Code = "no-lock-in", Name = "No lock-in", SortOrder = 3, PriceCents = 3390, IntervalUnit = BillingIntervalUnit.Week, IntervalCount = 2,
            MinimumTermMonths = 0, JoiningFeeCents = 7900,
            Description = "24/7 access and group classes. Cancel any time; $79 joining fee on your first payment.",
        },
        new()
        {
            Code = "12-month-upfront", Name = "12 months upfront", SortOrder = 4, PriceCents = 59900, IntervalUnit = BillingIntervalUnit.Year, IntervalCount = 1,
            MinimumTermMonths = 12, JoiningFeeCents = 0,
            Description = "Pay once for a year of 24/7 access and classes, no joining fee.",
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
            },
            "werribee" => new[]
            {
                ($"member@werribee.{Domain}", "no-lock-in", DemoState.ActiveWithRefund),
                ($"member2@werribee.{Domain}", "12-month-upfront", DemoState.Cancelled),
            },
            _ => [],
        };

        var plans = await db.Set<Plan>().ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var (email, planCode, state) in demo)
        {
            var normalized = email.ToUpperInvariant();
            var user = await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (user is null || !plans.TryGetValue(planCode, out var plan) || await db.Set<Membership>().AnyAsync(m => m.UserId == user.Id, cancellationToken))
            {
                continue;
            }

            AddDemoMembership(db, tenant, user.Id, plan, state);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private enum DemoState
    {
        Active,
        PastDue,
        Frozen,
        ActiveWithRefund,
        Cancelled,
    }

    private void AddDemoMembership(DerrimutDbContext db, TenantInfo tenant, Guid userId, Plan plan, DemoState state)
    {
        var now = time.GetUtcNow();
        var started = now.AddDays(-70);
        var key = $"{tenant.Identifier}_{userId:N}"[..24];
        var membership = new Membership
        {
            UserId = userId,
            LiveUserId = state == DemoState.Cancelled ? null : userId,
            PlanId = plan.Id,
            PlanCode = plan.Code,
            Status = state switch
            {
                DemoState.PastDue => MembershipStatus.PastDue,
                DemoState.Cancelled => MembershipStatus.Cancelled,
                _ => MembershipStatus.Active,
            },
            SubscriptionId = $"sub_demo_{key}",
            CustomerId = $"cus_demo_{key}",
            CheckoutSessionId = $"cs_demo_{key}",
            StartedAt = started,
            MinimumTermEndsAt = plan.MinimumTermMonths > 0 ? started.AddMonths(plan.MinimumTermMonths) : null,
            NextBillingAt = state == DemoState.Cancelled ? null : now.AddDays(10),
            IsFrozen = state == DemoState.Frozen,
            FrozenUntil = state == DemoState.Frozen ? now.AddDays(21) : null,
            EndedAt = state == DemoState.Cancelled ? now.AddDays(-5) : null,
            CancellationRequestedAt = state == DemoState.Cancelled ? now.AddDays(-20) : null,
            StateAsOf = now.AddDays(-1),
        };
        db.Add(membership);

        // A payment every billing period since joining (the first with the joining fee).
        var interval = plan.Interval;
        var periodStart = started;
        var first = true;
        while (periodStart < now)
        {
            var amount = plan.PriceCents + (first ? plan.JoiningFeeCents : 0);
            var invoice = $"in_demo_{key}_{periodStart.ToUnixTimeSeconds()}";
            var failed = state == DemoState.PastDue && interval.After(periodStart) > now;
            db.Add(new LedgerEntry
            {
                UserId = userId,
                MembershipId = membership.Id,
                Kind = failed ? LedgerEntryKind.FailedPayment : LedgerEntryKind.Charge,
                OccurredAt = periodStart,
                AmountCents = amount,
                GstCents = Gst.ComponentOf(amount),
                Description = failed ? "Payment declined; we will try again" : first ? $"First payment ({plan.Code})" : $"Membership renewal ({plan.Code})",
                Reference = failed ? $"{invoice}#1" : invoice,
                InvoiceId = invoice,
                PaymentIntentId = failed ? null : $"pi_demo_{key}_{periodStart.ToUnixTimeSeconds()}",
            });
            if (state == DemoState.ActiveWithRefund && !first && interval.After(periodStart) > now)
            {
                db.Add(new LedgerEntry
                {
                    UserId = userId,
                    MembershipId = membership.Id,
                    Kind = LedgerEntryKind.Refund,
                    OccurredAt = periodStart.AddDays(1),
                    AmountCents = -amount,
                    GstCents = -Gst.ComponentOf(amount),
                    Description = "Refund",
                    Reference = $"ch_demo_{key}_{periodStart.ToUnixTimeSeconds()}",
                    InvoiceId = invoice,
                });
            }

            first = false;
            periodStart = interval.After(periodStart);
        }
    }
}
