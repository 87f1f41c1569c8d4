using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features.ManagePlans;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Memberships.Features.FranchisePlans;

/// <summary>
/// A location opened later starts with the franchise's plans: every plan the franchise's locations sell, by code, as
/// the franchise's longest-running location sells it (name, price, interval, minimum term, joining fee, inclusions).
/// The copies are the new location's own from then on: its admin changes or retires them on its <c>/admin/plans</c>
/// page without touching the other locations. With Stripe, each price is created on the account the new location
/// resolves to; if that fails (no keys yet) the plan is priced inline at checkout, as plans without a Stripe price are.
/// Plans the location somehow already has (by code) are left alone, so a repeated event adds nothing.
/// </summary>
internal sealed class FranchisePlansForNewLocations(ITenantScopeFactory scopes, TimeProvider time, ILogger<FranchisePlansForNewLocations> logger)
    : IIntegrationEventHandler<LocationOpened>
{
    public async Task HandleAsync(LocationOpened opened, CancellationToken cancellationToken)
    {
        try
        {
            var copied = await scopes.RunAsync(opened.LocationId, (services, ct) => CopyAsync(services, opened, ct), cancellationToken);
            logger.LogInformation("Location {LocationId} starts with {Count} plan(s) of franchise {FranchiseId}", opened.LocationId, copied, opened.FranchiseId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The location exists either way; its admin can create plans by hand. Not a failed opening.
            logger.LogError(ex, "Could not copy franchise {FranchiseId}'s plans to new location {LocationId}", opened.FranchiseId, opened.LocationId);
        }
    }

    private async Task<int> CopyAsync(IServiceProvider services, LocationOpened opened, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();

        // Across the franchise's locations, deliberately past the tenant filter: these are the franchise's plans.
        var franchisePlans = await db.Set<Plan>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.FranchiseId == opened.FranchiseId && p.TenantId != opened.LocationId && p.IsActive)
            .ToListAsync(cancellationToken);
        if (franchisePlans.Count == 0)
        {
            return 0;
        }

        // The longest-running location's version of each code (ordered in memory: SQLite cannot order by DateTimeOffset).
        var firstOpened = franchisePlans.GroupBy(p => p.TenantId).OrderBy(g => g.Min(p => p.CreatedAt)).Select(g => g.Key).ToList();
        var chosen = franchisePlans
            .GroupBy(p => p.Code, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => firstOpened.IndexOf(p.TenantId)).First())
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var existing = await db.Set<Plan>().Select(p => p.Code).ToListAsync(cancellationToken);
        var prices = services.GetRequiredService<PlanPrices>();
        var copies = 0;
        foreach (var source in chosen.Where(p => !existing.Contains(p.Code)))
        {
            var plan = new Plan
            {
                Code = source.Code,
                Name = source.Name,
                Description = source.Description,
                PriceCents = source.PriceCents,
                IntervalUnit = source.IntervalUnit,
                IntervalCount = source.IntervalCount,
                MinimumTermMonths = source.MinimumTermMonths,
                JoiningFeeCents = source.JoiningFeeCents,
                SortOrder = source.SortOrder,
                IncludesClasses = source.IncludesClasses,
                PtSessionsPerMonth = source.PtSessionsPerMonth,
                CoversAllFranchiseLocations = source.CoversAllFranchiseLocations,
            };
            try
            {
                plan.StripePriceId = await prices.CreateAsync(plan, cancellationToken);
            }
            catch (ConflictException ex)
            {
                logger.LogWarning("Plan {Code} of new location {LocationId} is priced inline: {Reason}", plan.Code, opened.LocationId, ex.Message);
            }

            db.Add(plan);
            db.Add(new PlanAuditEntry
            {
                PlanId = plan.Id,
                Action = "plan-created",
                Detail = $"{plan.Name}: {Aud.Format(plan.PriceCents)} {MembershipViews.BillingLabel(plan.IntervalUnit, plan.IntervalCount)}, from the franchise's plans when the location opened.",
                At = time.GetUtcNow(),
            });
            copies++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return copies;
    }
}
