using System.Globalization;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features;

/// <summary>Shapes memberships, plans and ledger lines for the API and the pages.</summary>
internal static class MembershipViews
{
    public static string StatusName(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => "pending",
        MembershipStatus.Active => "active",
        MembershipStatus.PastDue => "past_due",
        MembershipStatus.Cancelled => "cancelled",
        MembershipStatus.Expired => "expired",
        _ => status.ToString().ToLowerInvariant(),
    };

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
        BillingLabel(p.IntervalUnit, p.IntervalCount), p.MinimumTermMonths, p.JoiningFeeCents, p.PriceCents + p.JoiningFeeCents);

    public static LedgerLineDto ToDto(LedgerEntry e, TimeZoneInfo zone) => new(
        e.Id,
        e.Kind switch { LedgerEntryKind.Charge => "charge", LedgerEntryKind.Refund => "refund", _ => "failed_payment" },
        e.OccurredAt,
        TimeZoneInfo.ConvertTime(e.OccurredAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        e.AmountCents,
        e.GstCents,
        e.Description);

    public static MembershipDto ToDto(Membership m, string planName, DerrimutUser? user, IReadOnlyList<LedgerLineDto> ledger) => new(
        m.Id, m.UserId, user?.DisplayName ?? "", user?.Email ?? "", m.PlanCode, planName, StatusName(m.Status), m.IsFrozen, m.FrozenUntil,
        m.StartedAt, m.MinimumTermEndsAt, m.NextBillingAt, m.CancelsAt, m.EndedAt,
        m.Status == MembershipStatus.Pending ? m.CheckoutUrl : null, ledger);

    public static TimeZoneInfo ZoneOf(TenantInfo? tenant)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(tenant?.TimeZoneId ?? "Australia/Melbourne");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
        }
    }

    /// <summary>A date as a member reads it in their gym's time zone, e.g. "Friday 27 November 2026".</summary>
    public static string LocalDate(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-AU"));
}
