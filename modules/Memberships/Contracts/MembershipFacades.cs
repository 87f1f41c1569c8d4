namespace Derrimut.Memberships.Contracts;

/// <summary>The current location's plans (the public site).</summary>
public interface IMembershipPlans
{
    /// <summary>The plans on sale at the current location, in display order.</summary>
    Task<IReadOnlyList<MembershipPlanDto>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A member's own membership at the current location: join, see, cancel, freeze.</summary>
public interface IMyMembership
{
    /// <summary>Starts a checkout for a plan; the database refuses a second live membership (409).</summary>
    /// <param name="userId">The member.</param>
    /// <param name="planCode">The plan.</param>
    /// <param name="siteBaseUrl">The location site's absolute base URL, for the return links.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<MembershipCheckoutStarted> StartCheckoutAsync(Guid userId, string planCode, Uri siteBaseUrl, CancellationToken cancellationToken = default);

    /// <summary>The member's current (or latest) membership here, with the ledger; null if they never joined.</summary>
    Task<MembershipDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The member's ledger here, newest first.</summary>
    Task<IReadOnlyList<LedgerLineDto>> LedgerAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Cancels: at the end of the minimum term if it is still running, else at the end of the paid period.</summary>
    Task<MembershipCancelled> CancelAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Freezes for 1–12 weeks: no charges until it resumes by itself.</summary>
    Task<MembershipDto> FreezeAsync(Guid userId, int weeks, CancellationToken cancellationToken = default);
}

/// <summary>The location's memberships for staff.</summary>
public interface IMembershipRegister
{
    /// <summary>Lists memberships with filters.</summary>
    Task<MembershipListPage> ListAsync(MembershipListFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One membership with its ledger; null when it is not at this location.</summary>
    Task<MembershipDto?> FindAsync(Guid membershipId, CancellationToken cancellationToken = default);

    /// <summary>Staff cancel a member's membership: now, or as the member's own cancel would (minimum term, else period end).</summary>
    Task<MembershipDto> CancelForMemberAsync(Guid membershipId, Guid staffUserId, bool immediately, CancellationToken cancellationToken = default);

    /// <summary>Refunds a charge in the member's ledger, in full (null) or in part (GST-inclusive cents).</summary>
    Task<MembershipDto> RefundAsync(Guid membershipId, Guid ledgerLineId, long? amountCents, Guid staffUserId, CancellationToken cancellationToken = default);
}
