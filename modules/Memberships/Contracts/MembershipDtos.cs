namespace Derrimut.Memberships.Contracts;

/// <summary>A plan as the location's site shows it.</summary>
/// <param name="Code">Stable code, e.g. <c>no-lock-in</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What it includes and commits you to.</param>
/// <param name="PriceCents">Recurring price, GST included.</param>
/// <param name="GstCents">The GST in <paramref name="PriceCents"/>.</param>
/// <param name="IntervalUnit">week, month or year.</param>
/// <param name="IntervalCount">How many units between charges.</param>
/// <param name="BillingLabel">e.g. "per fortnight".</param>
/// <param name="MinimumTermMonths">Months committed to; 0 for no lock-in.</param>
/// <param name="JoiningFeeCents">One-off fee on the first charge, GST included.</param>
/// <param name="FirstChargeCents">What the first payment will be (price plus joining fee).</param>
/// <param name="Inclusions">What the plan includes beyond the home gym's floor: classes, PT sessions, other gyms.</param>
public sealed record MembershipPlanDto(
    string Code,
    string Name,
    string Description,
    long PriceCents,
    long GstCents,
    string IntervalUnit,
    int IntervalCount,
    string BillingLabel,
    int MinimumTermMonths,
    long JoiningFeeCents,
    long FirstChargeCents,
    PlanInclusions Inclusions);

/// <summary>One line of a member's ledger.</summary>
/// <param name="Kind">A charge, a refund or a failed payment.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="OccurredAtLocal">When, in the gym's time zone (Melbourne), e.g. <c>2026-11-27 14:05</c>.</param>
/// <param name="AmountCents">GST-inclusive cents; refunds are negative; a failed payment was not taken.</param>
/// <param name="GstCents">The GST in <paramref name="AmountCents"/>.</param>
/// <param name="Description">What it was.</param>
/// <param name="Id">The line's id.</param>
public sealed record LedgerLineDto(Guid Id, LedgerLineKind Kind, DateTimeOffset OccurredAt, string OccurredAtLocal, long AmountCents, long GstCents, string Description);

/// <summary>A membership with everything the member (or staff) sees about it.</summary>
/// <param name="Id">The membership.</param>
/// <param name="UserId">The member.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="MemberEmail">The member's email.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="IsFrozen">Payments paused.</param>
/// <param name="FrozenUntil">When payments resume by themselves.</param>
/// <param name="StartedAt">When the first payment cleared.</param>
/// <param name="MinimumTermEndsAt">When the minimum term ends.</param>
/// <param name="NextBillingAt">The next billing date.</param>
/// <param name="CancelsAt">When a requested cancellation takes effect.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="CheckoutUrl">Where to finish paying, while pending.</param>
/// <param name="Ledger">Charges, refunds and failed payments, newest first.</param>
public sealed record MembershipDto(
    Guid Id,
    Guid UserId,
    string MemberName,
    string MemberEmail,
    string PlanCode,
    string PlanName,
    MembershipStatus Status,
    bool IsFrozen,
    DateTimeOffset? FrozenUntil,
    DateTimeOffset? StartedAt,
    DateTimeOffset? MinimumTermEndsAt,
    DateTimeOffset? NextBillingAt,
    DateTimeOffset? CancelsAt,
    DateTimeOffset? EndedAt,
    string? CheckoutUrl,
    IReadOnlyList<LedgerLineDto> Ledger);

/// <summary>A row of the staff memberships list.</summary>
/// <param name="Id">The membership.</param>
/// <param name="UserId">The member.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="MemberEmail">The member's email.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="Status">The status.</param>
/// <param name="IsFrozen">Payments paused.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="NextBillingAt">The next billing date.</param>
/// <param name="CancelsAt">A scheduled cancellation.</param>
/// <param name="CreatedAt">When the member joined (checkout started).</param>
public sealed record MembershipListItemDto(
    Guid Id,
    Guid UserId,
    string MemberName,
    string MemberEmail,
    string PlanCode,
    MembershipStatus Status,
    bool IsFrozen,
    DateTimeOffset? StartedAt,
    DateTimeOffset? NextBillingAt,
    DateTimeOffset? CancelsAt,
    DateTimeOffset CreatedAt);

/// <summary>One page of the staff memberships list.</summary>
/// <param name="Items">The rows.</param>
/// <param name="Total">Rows matching the filter.</param>
/// <param name="Page">The page (from 1).</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record MembershipListPage(IReadOnlyList<MembershipListItemDto> Items, int Total, int Page, int PageSize);

/// <summary>Filters of the staff memberships list.</summary>
/// <param name="Status">Only this status (pending, active, past_due, cancelled, expired) or <c>frozen</c>.</param>
/// <param name="Plan">Only this plan code.</param>
/// <param name="Search">Part of the member's name or email.</param>
/// <param name="JoinedFrom">Joined on or after (UTC).</param>
/// <param name="JoinedTo">Joined before (UTC).</param>
/// <param name="Page">The page (from 1).</param>
/// <param name="PageSize">Rows per page (1–200).</param>
public sealed record MembershipListFilter(
    string? Status = null,
    string? Plan = null,
    string? Search = null,
    DateTimeOffset? JoinedFrom = null,
    DateTimeOffset? JoinedTo = null,
    int Page = 1,
    int PageSize = 25);

/// <summary>A checkout the member can now be sent to.</summary>
/// <param name="CheckoutUrl">The gateway's checkout page.</param>
/// <param name="MembershipId">The pending membership.</param>
public sealed record MembershipCheckoutStarted(string CheckoutUrl, Guid MembershipId);

/// <summary>The result of a self-service cancel.</summary>
/// <param name="Membership">The membership afterwards.</param>
/// <param name="EffectiveAt">When it stops.</param>
/// <param name="Message">What to tell the member (e.g. "scheduled for the end of your minimum term").</param>
public sealed record MembershipCancelled(MembershipDto Membership, DateTimeOffset? EffectiveAt, string Message);
