using System.Globalization;
using Derrimut.BuildingBlocks.Money;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Organizations.Components;

/// <summary>How the pages write a gym's details for people: Australian English, 12-hour times, named amenities.</summary>
internal static class GymFormat
{
    public static readonly IReadOnlyList<(string Code, string Name)> Week =
    [
        ("monday", "Monday"), ("tuesday", "Tuesday"), ("wednesday", "Wednesday"), ("thursday", "Thursday"),
        ("friday", "Friday"), ("saturday", "Saturday"), ("sunday", "Sunday"),
    ];

    private static readonly Dictionary<string, string> AmenityNames = new(StringComparer.Ordinal)
    {
        ["free-weights"] = "Free weights",
        ["cardio"] = "Cardio",
        ["strength-machines"] = "Strength machines",
        ["functional-training"] = "Functional training",
        ["group-classes"] = "Group classes",
        ["boxing"] = "Boxing",
        ["crossfit"] = "CrossFit",
        ["pilates"] = "Pilates",
        ["yoga"] = "Yoga",
        ["spin"] = "Spin",
        ["pool"] = "Pool",
        ["sauna"] = "Sauna",
        ["steam-room"] = "Steam room",
        ["recovery"] = "Recovery zone",
        ["showers"] = "Showers",
        ["lockers"] = "Lockers",
        ["parking"] = "Parking",
        ["creche"] = "Crèche",
        ["women-only-area"] = "Women-only area",
        ["personal-training"] = "Personal training",
        ["supplement-bar"] = "Supplement bar",
        ["wheelchair-access"] = "Wheelchair access",
    };

    /// <summary>A readable amenity name; an unknown code (a newer catalogue) still reads sensibly.</summary>
    public static string Amenity(string code) =>
        AmenityNames.TryGetValue(code, out var name) ? name : GymCulture.Australian.TextInfo.ToTitleCase(code.Replace('-', ' '));

    /// <summary>"06:00" → "6 am", "17:30" → "5:30 pm", "24:00" → "midnight".</summary>
    public static string Time(string hhmm)
    {
        if (hhmm == "24:00")
        {
            return "midnight";
        }

        if (!TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return hhmm;
        }

        if (time == new TimeOnly(12, 0))
        {
            return "noon";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hour} {suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{hour}:{time.Minute:00} {suffix}");
    }

    public static string Address(AddressDto address) => $"{address.Street}, {address.Suburb} {address.State} {address.Postcode}";

    /// <summary>Today's weekday code at the gym (its own time zone, daylight saving included; the kernel's one rule).</summary>
    public static string Today(string timeZoneId, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), GymTime.ZoneOf(timeZoneId)).DayOfWeek.ToString().ToLowerInvariant();
}
