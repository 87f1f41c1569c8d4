using System.Text.Json;
using Derrimut.BuildingBlocks.Time;

namespace Derrimut.Memberships.Components;

/// <summary>How the membership pages word statuses, terms and dates (money is the kernel's <see cref="Aud"/>).</summary>
internal static class MembershipText
{
    /// <summary>A date in the gym's time zone, e.g. "Fri 27 Nov 2026", or a dash when there is none.</summary>
    public static string Date(DateTimeOffset? at, IGymClock clock) =>
        at is { } value ? GymCulture.Date(DateOnly.FromDateTime(clock.ToLocal(value).DateTime)) : "—";

    public static string StatusLabel(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => "Payment pending",
        MembershipStatus.Active => "Active",
        MembershipStatus.PastDue => "Payment overdue",
        MembershipStatus.Cancelled => "Cancelled",
        MembershipStatus.Expired => "Not started",
        _ => status.ToString(),
    };

    public static string Term(int months) => months == 0 ? "No lock-in" : $"{months}-month minimum";

    /// <summary>A status or kind as the API spells it (<c>past_due</c>), for the page's data attributes.</summary>
    public static string ApiName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    /// <summary>Whether the membership still runs (or is about to): pending, active or past due.</summary>
    public static bool IsLive(MembershipStatus status) => status is MembershipStatus.Pending or MembershipStatus.Active or MembershipStatus.PastDue;
}

/// <summary>Live refreshes of an open page.</summary>
internal static class PageRefresh
{
    /// <summary>
    /// Runs a refresh pushed by a live update. A person who lost access since the page opened is refused by the page
    /// call; the page keeps what it showed (their next action tells them why) rather than failing the circuit over a
    /// refresh nobody asked for.
    /// </summary>
    public static async Task UnlessRefusedAsync(Func<Task> refresh)
    {
        try
        {
            await refresh();
        }
        catch (ForbiddenException)
        {
            // Kept as is: see above.
        }
    }
}
