using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features.Entitlements;

/// <summary>
/// <see cref="IMembershipEntitlements"/> on the database, as of the instant asked (never a cached copy: a cancellation
/// or a failed payment applies on the next question). The person's memberships are read across the locations of the
/// current scope's franchise with the <c>tenant</c> filter deliberately ignored and the franchise as an explicit
/// condition (decisions 0003 and 0030): multi-club members belong to another location's rows.
/// </summary>
internal sealed class MembershipEntitlements(DerrimutDbContext db, ICurrentTenant currentTenant, ITenantCatalog catalog) : IMembershipEntitlements
{
    /// <summary>Enough of a person's membership history to decide: the live ones and the latest ended ones.</summary>
    private const int HistoryRead = 20;

    public async Task<MembershipEntitlement> GetAsync(Guid personId, Guid locationId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var scope = currentTenant.Tenant;
        if (scope is null)
        {
            // Platform scope sees no one's memberships (decision 0003): nothing to be entitled by.
            return Refused(EntitlementRefusal.NoMembership, null);
        }

        if (locationId != scope.Id)
        {
            var location = await catalog.FindByIdAsync(locationId, cancellationToken);
            if (location is null || !location.IsLocation || location.FranchiseId != scope.FranchiseId)
            {
                // Another franchise's gym (or no gym): this scope may not look, and no membership of ours opens it.
                return Refused(EntitlementRefusal.NoMembership, null);
            }
        }

        var franchiseId = scope.FranchiseId;
        var rows = await (
                from m in db.Set<Membership>().IgnoreQueryFilters([DataFilters.Tenant])
                join p in db.Set<Plan>().IgnoreQueryFilters([DataFilters.Tenant]) on m.PlanId equals p.Id
                where m.FranchiseId == franchiseId && m.UserId == personId
                orderby m.CreatedAt descending
                select new MembershipRow(
                    m.Id, m.TenantId, m.Status, m.IsFrozen, m.FrozenUntil, m.CancelsAt, p.Code,
                    p.IncludesClasses, p.PtSessionsPerMonth, p.CoversAllFranchiseLocations))
            .AsNoTracking().Take(HistoryRead).ToListAsync(cancellationToken);

        return Decide(rows, locationId, asOf);
    }

    /// <summary>The rule, on the rows read: the home gym's own membership first, then a multi-club one elsewhere.</summary>
    internal static MembershipEntitlement Decide(IReadOnlyList<MembershipRow> rows, Guid locationId, DateTimeOffset asOf)
    {
        if (rows.Count == 0)
        {
            return Refused(EntitlementRefusal.NoMembership, null);
        }

        var here = rows.Where(r => r.TenantId == locationId).ToList();
        var elsewhere = rows.Where(r => r.TenantId != locationId).ToList();

        if (here.FirstOrDefault(r => StateOf(r, asOf) == EntitlementRefusal.None) is { } home)
        {
            return Entitled(home);
        }

        if (elsewhere.FirstOrDefault(r => r.CoversAllFranchiseLocations && StateOf(r, asOf) == EntitlementRefusal.None) is { } multiClub)
        {
            return Entitled(multiClub);
        }

        if (here.Count > 0)
        {
            var deciding = MostRecentLiveFirst(here);
            return Refused(StateOf(deciding, asOf), deciding);
        }

        if (elsewhere.FirstOrDefault(r => StateOf(r, asOf) == EntitlementRefusal.None) is { } singleClub)
        {
            return Refused(EntitlementRefusal.HomeGymOnly, singleClub);
        }

        var latest = MostRecentLiveFirst(elsewhere);
        return Refused(StateOf(latest, asOf), latest);
    }

    /// <summary>"Active; not frozen, past due or cancelled", as of an instant.</summary>
    internal static EntitlementRefusal StateOf(MembershipRow row, DateTimeOffset asOf) => row.Status switch
    {
        MembershipStatus.Pending => EntitlementRefusal.Pending,
        MembershipStatus.PastDue => EntitlementRefusal.PastDue,
        MembershipStatus.Cancelled => EntitlementRefusal.Cancelled,
        MembershipStatus.Expired => EntitlementRefusal.Expired,
        MembershipStatus.Active when row.IsFrozen && (row.FrozenUntil is null || row.FrozenUntil > asOf) => EntitlementRefusal.Frozen,
        // A scheduled cancellation whose day has come refuses even before the gateway's event ends the membership.
        MembershipStatus.Active when row.CancelsAt is { } cancelsAt && cancelsAt <= asOf => EntitlementRefusal.Cancelled,
        MembershipStatus.Active => EntitlementRefusal.None,
        _ => EntitlementRefusal.NoMembership,
    };

    private static MembershipRow MostRecentLiveFirst(List<MembershipRow> rows) =>
        rows.FirstOrDefault(r => r.Status is MembershipStatus.Pending or MembershipStatus.Active or MembershipStatus.PastDue) ?? rows[0];

    private static MembershipEntitlement Entitled(MembershipRow row) =>
        new(true, EntitlementRefusal.None, "Active membership", row.Inclusions, row.TenantId, row.Id, row.PlanCode);

    private static MembershipEntitlement Refused(EntitlementRefusal refusal, MembershipRow? row) =>
        new(false, refusal, Describe(refusal), row?.Inclusions ?? PlanInclusions.None, row?.TenantId, row?.Id, row?.PlanCode);

    /// <summary>The words a member at the door and the front desk see.</summary>
    public static string Describe(EntitlementRefusal refusal) => refusal switch
    {
        EntitlementRefusal.None => "Active membership",
        EntitlementRefusal.NoMembership => "No membership at this gym",
        EntitlementRefusal.Pending => "Membership not paid yet",
        EntitlementRefusal.Frozen => "Membership is frozen",
        EntitlementRefusal.PastDue => "A payment is overdue",
        EntitlementRefusal.Cancelled => "Membership cancelled",
        EntitlementRefusal.Expired => "Membership never started",
        EntitlementRefusal.HomeGymOnly => "Home gym only: the plan does not cover this gym",
        _ => "Not entitled",
    };
}

/// <summary>The columns of one membership and its plan the rule needs.</summary>
internal sealed record MembershipRow(
    Guid Id,
    Guid TenantId,
    MembershipStatus Status,
    bool IsFrozen,
    DateTimeOffset? FrozenUntil,
    DateTimeOffset? CancelsAt,
    string PlanCode,
    bool IncludesClasses,
    int PtSessionsPerMonth,
    bool CoversAllFranchiseLocations)
{
    public PlanInclusions Inclusions => new(IncludesClasses, PtSessionsPerMonth, CoversAllFranchiseLocations);
}
