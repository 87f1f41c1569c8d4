using System.Globalization;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Organizations.Domain;

/// <summary>Parses and checks opening hours ("monday", "05:30", "22:00"; "24:00" means midnight).</summary>
internal static class OpeningHoursRules
{
    public static void Validate(IReadOnlyList<OpeningHoursDto>? hours, ValidationErrors errors, string field)
    {
        if (hours is null)
        {
            return;
        }

        if (hours.Count > 7)
        {
            errors.Add(field, "Give at most one entry per weekday.");
            return;
        }

        var seen = new HashSet<DayOfWeek>();
        for (var i = 0; i < hours.Count; i++)
        {
            var entry = hours[i];
            var path = $"{field}[{i}]";
            if (!TryParseDay(entry.Day, out var day))
            {
                errors.Add($"{path}.day", "The day must be a weekday name such as 'monday'.");
            }
            else if (!seen.Add(day))
            {
                errors.Add($"{path}.day", $"{entry.Day} appears twice.");
            }

            var opens = ParseTime(entry.Opens, out var opensAt, out _);
            var closes = ParseTime(entry.Closes, out var closesAt, out var midnight);
            errors.AddIf(!opens, $"{path}.opens", "Use 24-hour time, e.g. '05:30'.");
            errors.AddIf(!closes, $"{path}.closes", "Use 24-hour time, e.g. '22:00' or '24:00'.");
            if (opens && closes && !midnight && closesAt <= opensAt)
            {
                errors.Add($"{path}.closes", "Closing time must be after opening time.");
            }
        }
    }

    public static List<DailyHours> ToEntity(IReadOnlyList<OpeningHoursDto>? hours) =>
        (hours ?? []).Select(h =>
        {
            // Validate() ran first (the API's validation filter); anything unparseable here is a programming error.
            if (!TryParseDay(h.Day, out var day) || !ParseTime(h.Opens, out var opens, out _) || !ParseTime(h.Closes, out var closes, out var midnight))
            {
                throw new InvalidOperationException("Opening hours must be validated before conversion.");
            }

            return new DailyHours(day, opens, closes, midnight);
        }).OrderBy(h => ((int)h.Day + 6) % 7).ToList();

    public static OpeningHoursDto ToDto(DailyHours hours) => new(
        hours.Day.ToString().ToLowerInvariant(),
        hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
        hours.ClosesAtMidnight ? "24:00" : hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture));

    private static bool TryParseDay(string? value, out DayOfWeek day) =>
        Enum.TryParse(value, ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(value, out _);

    private static bool ParseTime(string? value, out TimeOnly time, out bool midnight)
    {
        midnight = value == "24:00";
        if (midnight)
        {
            time = TimeOnly.MinValue;
            return true;
        }

        return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
