using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features;

/// <summary>Shapes memberships, plans and ledger lines into the contract's DTOs (the API and the pages show the same ones).</summary>
internal static class MembershipViews
{
    /// <summary>A status filter's value as the API spells it (<c>past_due</c>), or null for anything else.</summary>
    public static MembershipStatus? ParseStatus(string? value) => value switch
    {
        "pending" => MembershipStatus.Pending,
        "active" => MembershipStatus.Active,
        "past_due" => MembershipStatus.PastDue,
        "cancelled" => MembershipStatus.Cancelled,
        "expired" => MembershipStatus.Expired,
        _ => null,
    };

    public static string BillingLabel(BillingIntervalUnit unit, int count) => (unit, count) switch
    {
        (BillingIntervalUnit.Week, 1) => "per week",
        (BillingIntervalUnit.Week, 2) => "per fortnight",
        (BillingIntervalUnit.Month, 1) => "per month",
        (BillingIntervalUnit.Year, 1) => "per year",
        _ => $"every {count} {unit.ToString().ToLowerInvariant()}s",
    };

    public static MembershipPlanDto ToDto(Plan p) => new(
        p.Code, p.Name, p.Description, p.PriceCents, Gst.ComponentOf(p.PriceCents), p.IntervalUnit.ToString().ToLowerInvariant(), p.IntervalCount,
        BillingLabel(p.IntervalUnit, p.IntervalCount), p.MinimumTermMonths, p.JoiningFeeCents, p.PriceCents + p.JoiningFeeCents, p.Inclusions);

    public static LedgerLineDto ToDto(LedgerEntry e, IGymClock clock) => new(
        e.Id,
        e.Kind switch { LedgerEntryKind.Charge => LedgerLineKind.Charge, LedgerEntryKind.Refund => LedgerLineKind.Refund, _ => LedgerLineKind.FailedPayment },
        e.OccurredAt,
        clock.ToLocal(e.OccurredAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        e.AmountCents,
        e.GstCents,
        e.Description);

    public static MembershipDto ToDto(Membership m, string planName, PersonRow? member, IReadOnlyList<LedgerLineDto> ledger) => new(
        m.Id, m.UserId, member?.DisplayName ?? "", member?.Email ?? "", m.PlanCode, planName, m.Status, m.IsFrozen, m.FrozenUntil,
        m.StartedAt, m.MinimumTermEndsAt, m.NextBillingAt, m.CancelsAt, m.EndedAt,
        m.Status == MembershipStatus.Pending ? m.CheckoutUrl : null, ledger);

    /// <summary>A date as a member reads it in an email, in their gym's time zone, e.g. "Friday 27 November 2026".</summary>
    public static string LongDate(DateTimeOffset at, IGymClock clock) =>
        clock.ToLocal(at).ToString("dddd d MMMM yyyy", GymCulture.Australian);
}
