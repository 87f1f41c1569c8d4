using System.Globalization;

namespace Derrimut.BuildingBlocks.Money;

/// <summary>
/// How the gym's pages write numbers, money and dates: Australian English (<c>en-AU</c>: $1,234.50, Thu 3 Dec 2026),
/// whatever the server's own culture is.
/// </summary>
public static class GymCulture
{
    /// <summary>The <c>en-AU</c> culture.</summary>
    public static CultureInfo Australian { get; } = CultureInfo.GetCultureInfo("en-AU");

    /// <summary>A date as pages show it, e.g. <c>Thu 3 Dec 2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Australian);

    /// <summary>A date as emails write it, e.g. <c>Thursday 3 December 2026</c> (already in local time).</summary>
    public static string LongDate(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy", Australian);

    /// <summary>An ISO date for inputs and URLs, e.g. <c>2026-12-03</c>.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
