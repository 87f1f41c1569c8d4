using System.Security.Claims;
using System.Text.RegularExpressions;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Derrimut.Memberships.Features.ManagePlans;

/// <summary>
/// Body of <c>POST /api/memberships/plans</c> and <c>PUT /api/memberships/plans/{code}</c>: a plan as the gym sells it.
/// </summary>
internal sealed partial record PlanInput : IValidatable
{
    /// <summary>Stable code (create only; the route names it on update): lowercase letters, digits and dashes.</summary>
    public string? Code { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Recurring price in cents, GST included.</summary>
    public long PriceCents { get; init; }

    /// <summary><c>week</c>, <c>month</c> or <c>year</c>.</summary>
    public string IntervalUnit { get; init; } = "";

    public int IntervalCount { get; init; } = 1;

    public int MinimumTermMonths { get; init; }

    public long JoiningFeeCents { get; init; }

    public bool IncludesClasses { get; init; }

    public int PtSessionsPerMonth { get; init; }

    public bool CoversAllFranchiseLocations { get; init; }

    public int SortOrder { get; init; }

    /// <summary>
    /// On update, when the price changes: existing members pay it too, from their first billing date at least the
    /// notice period away, and are emailed now. Otherwise only new joins pay the new price.
    /// </summary>
    public bool ApplyToExistingMembers { get; init; }

    internal BillingIntervalUnit? ParsedUnit => IntervalUnit switch
    {
        "week" => BillingIntervalUnit.Week,
        "month" => BillingIntervalUnit.Month,
        "year" => BillingIntervalUnit.Year,
        _ => null,
    };

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 100);
        errors.MaxLength(Description, "description", 500);
        errors.AddIf(PriceCents is < 100 or > 1_000_000, "priceCents", "The price is in cents, GST included: between 100 ($1.00) and 1000000 ($10,000.00).");
        errors.AddIf(ParsedUnit is null, "intervalUnit", "Billed every 'week', 'month' or 'year'.");
        errors.AddIf(IntervalCount is < 1 or > 52, "intervalCount", "Between 1 and 52 (2 weeks is a fortnight).");
        errors.AddIf(MinimumTermMonths is < 0 or > 36, "minimumTermMonths", "Between 0 (no lock-in) and 36 months.");
        errors.AddIf(JoiningFeeCents is < 0 or > 100_000, "joiningFeeCents", "Between 0 and 100000 cents ($1,000.00).");
        errors.AddIf(PtSessionsPerMonth is < 0 or > 31, "ptSessionsPerMonth", "Between 0 (none) and 31 a month.");
        errors.AddIf(SortOrder is < 0 or > 1000, "sortOrder", "Between 0 and 1000.");
    }

    public void ValidateCode(ValidationErrors errors) =>
        errors.AddIf(Code is null || !CodePattern().IsMatch(Code), "code", "2 to 50 lowercase letters, digits and dashes, e.g. 'no-lock-in'.");

    public void ApplyTo(Plan plan)
    {
        plan.Name = Name.Trim();
        plan.Description = Description?.Trim() ?? "";
        plan.MinimumTermMonths = MinimumTermMonths;
        plan.JoiningFeeCents = JoiningFeeCents;
        plan.IncludesClasses = IncludesClasses;
        plan.PtSessionsPerMonth = PtSessionsPerMonth;
        plan.CoversAllFranchiseLocations = CoversAllFranchiseLocations;
        plan.SortOrder = SortOrder;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,49}$")]
    private static partial Regex CodePattern();
}

/// <summary>Every plan at this location, on sale or retired, with how many members hold it (<c>GET /api/memberships/plans/admin</c>).</summary>
internal sealed class ListPlansForAdminHandler(DerrimutDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<AdminPlanDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var plans = await db.Set<Plan>().AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var holding = await PlanCounts.HoldingAsync(db, cancellationToken);
        var scheduled = await PlanCounts.ScheduledAsync(db, time.GetUtcNow(), cancellationToken);
        return [.. plans.Select(p => PlanCounts.ToAdminDto(p, holding, scheduled))];
    }
}

/// <summary>Creates a plan at this location (<c>POST /api/memberships/plans</c>; the <c>/admin/plans</c> page calls it too).</summary>
internal sealed class CreatePlanHandler(DerrimutDbContext db, MembershipChanges changes, PlanPrices prices, TimeProvider time)
{
    public async Task<PlanSavedDto> HandleAsync(PlanInput input, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        changes.RequireLocation();
        var errors = new ValidationErrors();
        input.ValidateCode(errors);
        input.Validate(errors);
        errors.ThrowIfAny();
        if (await db.Set<Plan>().AnyAsync(p => p.Code == input.Code, cancellationToken))
        {
            throw new ConflictException($"This gym already has a plan '{input.Code}'.", "code");
        }

        var plan = new Plan { Code = input.Code!, IntervalUnit = input.ParsedUnit!.Value, IntervalCount = input.IntervalCount, PriceCents = input.PriceCents };
        input.ApplyTo(plan);
        // The price at the gateway first: if Stripe refuses, nothing is saved and the admin sees why.
        plan.StripePriceId = await prices.CreateAsync(plan, cancellationToken);
        db.Add(plan);
        db.Add(PlanCounts.Audit(plan, actor, "plan-created", $"{plan.Name}: {Aud.Format(plan.PriceCents)} {MembershipViews.BillingLabel(plan.IntervalUnit, plan.IntervalCount)}.", time));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.In(exception))
        {
            // Two admins creating the same code at once: the unique index decides.
            throw new ConflictException($"This gym already has a plan '{input.Code}'.", "code");
        }

        return new PlanSavedDto(PlanCounts.ToAdminDto(plan, new Dictionary<Guid, int>(), new Dictionary<Guid, int>()), 0, 0);
    }
}

/// <summary>
/// Changes a plan (<c>PUT /api/memberships/plans/{code}</c>). A new price applies to new joins at once (a new price
/// at the gateway; the old one stays with the members on it) and, when the admin chooses, to existing members from
/// their first billing date at least the notice period away — each is emailed now, and the change is audited.
/// </summary>
internal sealed class UpdatePlanHandler(
    DerrimutDbContext db,
    MembershipChanges changes,
    PlanPrices prices,
    IOptions<PriceChangeOptions> options,
    IGymClock clock,
    TimeProvider time)
{
    public async Task<PlanSavedDto> HandleAsync(string code, PlanInput input, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        changes.RequireLocation();
        var errors = new ValidationErrors();
        input.Validate(errors);
        errors.ThrowIfAny();
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new NotFoundException("This gym has no plan with this code.");
        var live = await db.Set<Membership>()
            .Where(m => m.PlanId == plan.Id && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active || m.Status == MembershipStatus.PastDue))
            .ToListAsync(cancellationToken);
        if ((input.ParsedUnit != plan.IntervalUnit || input.IntervalCount != plan.IntervalCount) && live.Count > 0)
        {
            // Members agreed to be billed at this interval; a different interval is a different plan.
            throw new ConflictException("Members hold this plan, so its billing interval stays; create a new plan for another interval.", "intervalUnit");
        }

        var oldPrice = plan.PriceCents;
        var priceChanged = input.PriceCents != oldPrice;
        input.ApplyTo(plan);
        plan.IntervalUnit = input.ParsedUnit!.Value;
        plan.IntervalCount = input.IntervalCount;
        plan.PriceCents = input.PriceCents;
        var now = time.GetUtcNow();
        var noticeDays = options.Value.EffectiveNoticeDays;
        var notices = new List<PlanPriceChange>();
        if (priceChanged)
        {
            plan.StripePriceId = await prices.CreateAsync(plan, cancellationToken);
            db.Add(PlanCounts.Audit(plan, actor, "price-changed",
                $"{Aud.Format(oldPrice)} → {Aud.Format(plan.PriceCents)} for new joins{(input.ApplyToExistingMembers ? $"; for {live.Count(m => m.Status != MembershipStatus.Pending)} existing member(s) after {noticeDays} days' notice" : "")}.", time));
            if (input.ApplyToExistingMembers)
            {
                foreach (var membership in live.Where(m => m.Status != MembershipStatus.Pending))
                {
                    var change = new PlanPriceChange
                    {
                        MembershipId = membership.Id,
                        UserId = membership.UserId,
                        PlanId = plan.Id,
                        OldPriceCents = oldPrice,
                        NewPriceCents = plan.PriceCents,
                        EffectiveFrom = PriceChangeDates.FirstBillingOnOrAfter(membership.NextBillingAt ?? now, now.AddDays(noticeDays), plan.Interval),
                        NoticeSentAt = now,
                        ChangedByUserId = actor.FindUserId(),
                    };
                    notices.Add(change);
                    db.Add(change);
                    changes.Audit(membership, actor.FindUserId(), "price-change-notified",
                        $"{Aud.Format(oldPrice)} → {Aud.Format(plan.PriceCents)} from {change.EffectiveFrom:O}.");
                }
            }
        }
        else
        {
            db.Add(PlanCounts.Audit(plan, actor, "plan-updated", $"{plan.Name} updated.", time));
        }

        await db.SaveChangesAsync(cancellationToken);

        // The notices go out once the change is saved: an email about a price that was never recorded would mislead.
        foreach (var notice in notices)
        {
            var from = clock.ToLocal(notice.EffectiveFrom);
            await changes.SendAsync(notice.UserId, "Your membership price is changing",
                $"From {GymCulture.LongDate(from)} your {plan.Name} membership will be {Aud.Format(notice.NewPriceCents)} {MembershipViews.BillingLabel(plan.IntervalUnit, plan.IntervalCount)} " +
                $"(it is {Aud.Format(notice.OldPriceCents)} now). We are giving you at least {noticeDays} days' notice. " +
                "If you would rather not continue at the new price, you can cancel before then under your plan's terms.",
                cancellationToken);
        }

        var holding = await PlanCounts.HoldingAsync(db, cancellationToken);
        var scheduled = await PlanCounts.ScheduledAsync(db, now, cancellationToken);
        return new PlanSavedDto(PlanCounts.ToAdminDto(plan, holding, scheduled), notices.Count, notices.Count > 0 ? noticeDays : 0);
    }
}

/// <summary>
/// Stops selling a plan (<c>POST /api/memberships/plans/{code}/retire</c>). Plans are never deleted (there is no
/// delete, and memberships reference their plan with a restricting foreign key): members who hold it keep it and
/// their ledger keeps naming it.
/// </summary>
internal sealed class RetirePlanHandler(DerrimutDbContext db, MembershipChanges changes, TimeProvider time)
{
    public async Task<AdminPlanDto> HandleAsync(string code, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        changes.RequireLocation();
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new NotFoundException("This gym has no plan with this code.");
        if (plan.IsActive)
        {
            plan.IsActive = false;
            db.Add(PlanCounts.Audit(plan, actor, "plan-retired", $"{plan.Name} is no longer sold; members who hold it keep it.", time));
            await db.SaveChangesAsync(cancellationToken);
        }

        var holding = await PlanCounts.HoldingAsync(db, cancellationToken);
        var scheduled = await PlanCounts.ScheduledAsync(db, time.GetUtcNow(), cancellationToken);
        return PlanCounts.ToAdminDto(plan, holding, scheduled);
    }
}

/// <summary>Creates a plan's price at the gateway when the gateway keeps prices (Stripe); the simulated one prices inline.</summary>
internal sealed class PlanPrices(IPaymentGateway gateway, ICurrentTenant tenant)
{
    public async Task<string?> CreateAsync(Plan plan, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Tenant?.Id ?? throw new ForbiddenException("Plans belong to a gym location.");
        try
        {
            return await gateway.CreatePlanPriceAsync(new PlanPriceRequest(
                tenantId, plan.Code, plan.Name, plan.PriceCents, plan.Interval,
                // The same plan, amount and interval always maps to the same key, so a retried save reuses the price.
                $"plan-price:{tenantId:N}:{plan.Code}:{plan.PriceCents}:{plan.IntervalUnit}:{plan.IntervalCount}"), cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            throw new ConflictException($"The payment provider refused the price: {ex.Message} Nothing was saved.", "priceCents");
        }
    }
}

/// <summary>When a price change reaches an existing member.</summary>
internal static class PriceChangeDates
{
    /// <summary>The first billing date, stepping from <paramref name="nextBilling"/> by the plan's interval, on or after <paramref name="notBefore"/>.</summary>
    public static DateTimeOffset FirstBillingOnOrAfter(DateTimeOffset nextBilling, DateTimeOffset notBefore, BillingInterval interval)
    {
        var date = nextBilling;
        var steps = 1;
        while (date < notBefore)
        {
            date = interval.Unit switch
            {
                BillingIntervalUnit.Week => nextBilling.AddDays(7 * interval.Count * steps),
                BillingIntervalUnit.Month => nextBilling.AddMonths(interval.Count * steps),
                _ => nextBilling.AddYears(interval.Count * steps),
            };
            steps++;
        }

        return date;
    }
}

internal static class PlanCounts
{
    public static async Task<Dictionary<Guid, int>> HoldingAsync(DerrimutDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Membership>()
            .Where(m => m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active || m.Status == MembershipStatus.PastDue)
            .GroupBy(m => m.PlanId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public static async Task<Dictionary<Guid, int>> ScheduledAsync(DerrimutDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Compared in memory: SQLite cannot compare DateTimeOffset columns in SQL.
        var rows = await db.Set<PlanPriceChange>().AsNoTracking().Select(c => new { c.PlanId, c.EffectiveFrom }).ToListAsync(cancellationToken);
        return rows.Where(r => r.EffectiveFrom > now).GroupBy(r => r.PlanId).ToDictionary(g => g.Key, g => g.Count());
    }

    public static AdminPlanDto ToAdminDto(Plan plan, IReadOnlyDictionary<Guid, int> holding, IReadOnlyDictionary<Guid, int> scheduled) => new(
        MembershipViews.ToDto(plan), plan.IsActive, plan.SortOrder, holding.GetValueOrDefault(plan.Id), plan.StripePriceId, scheduled.GetValueOrDefault(plan.Id));

    public static PlanAuditEntry Audit(Plan plan, ClaimsPrincipal actor, string action, string detail, TimeProvider time) => new()
    {
        PlanId = plan.Id,
        ActorUserId = actor.FindUserId(),
        Action = action,
        Detail = detail.Length > 1000 ? detail[..1000] : detail,
        At = time.GetUtcNow(),
    };
}

/// <summary>The plan administration endpoints (<c>manage:membership_plans</c>).</summary>
internal static class ManagePlansEndpoints
{
    public static RouteGroupBuilder MapManagePlans(this RouteGroupBuilder plans)
    {
        plans.MapGet("/admin", (ListPlansForAdminHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithName("ListMembershipPlansForAdmin").WithSummary("Every plan, on sale or retired, with how many members hold it.");
        var writes = plans.MapGroup("").RequireRateLimiting(Derrimut.BuildingBlocks.Http.RateLimitPolicies.Writes);
        writes.MapPost("", async (PlanInput body, ClaimsPrincipal user, CreatePlanHandler h, CancellationToken ct) =>
            {
                var saved = await h.HandleAsync(body, user, ct);
                return TypedResults.Created($"/api/memberships/plans/{saved.Plan.Plan.Code}", saved);
            })
            .WithName("CreateMembershipPlan").WithSummary("Creates a plan; with Stripe, its price is created on the gym's account.");
        writes.MapPut("/{code}", (string code, PlanInput body, ClaimsPrincipal user, UpdatePlanHandler h, CancellationToken ct) => h.HandleAsync(code, body, user, ct))
            .WithName("UpdateMembershipPlan").WithSummary("Changes a plan; a new price applies to new joins and, if asked, to existing members after notice.");
        writes.MapPost("/{code}/retire", (string code, ClaimsPrincipal user, RetirePlanHandler h, CancellationToken ct) => h.HandleAsync(code, user, ct))
            .WithName("RetireMembershipPlan").WithSummary("Stops selling a plan; members who hold it keep it.");
        return plans;
    }
}
