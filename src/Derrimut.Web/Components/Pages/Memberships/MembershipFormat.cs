using System.Globalization;
using System.Security.Claims;
using Derrimut.Billing.Contracts;
using Derrimut.BuildingBlocks.Tenancy;

namespace Derrimut.Web.Components.Pages.Memberships;

/// <summary>How membership pages write money, dates and statuses.</summary>
internal static class MembershipFormat
{
    private static readonly CultureInfo AuCulture = CultureInfo.GetCultureInfo("en-AU");

    public static string Money(long cents) => Aud.Format(cents);

    /// <summary>A date in the gym's time zone (Melbourne unless the gym says otherwise), e.g. "Fri 27 Nov 2026".</summary>
    public static string Date(DateTimeOffset? at, TenantInfo? tenant) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, Zone(tenant)).ToString("ddd d MMM yyyy", AuCulture) : "—";

    public static string StatusLabel(string status) => status switch
    {
        "pending" => "Payment pending",
        "active" => "Active",
        "past_due" => "Payment overdue",
        "cancelled" => "Cancelled",
        "expired" => "Not started",
        _ => status,
    };

    public static string Term(int months) => months == 0 ? "No lock-in" : $"{months}-month minimum";

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var id) ? id : null;

    private static TimeZoneInfo Zone(TenantInfo? tenant)
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
}
