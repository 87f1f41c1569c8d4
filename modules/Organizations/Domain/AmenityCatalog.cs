namespace Derrimut.Organizations.Domain;

/// <summary>The amenity codes a location can list; a fixed catalogue so every site shows them the same way.</summary>
internal static class AmenityCatalog
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "free-weights", "cardio", "strength-machines", "functional-training", "group-classes", "boxing", "crossfit",
        "pilates", "yoga", "spin", "pool", "sauna", "steam-room", "recovery", "showers", "lockers", "parking",
        "creche", "women-only-area", "personal-training", "supplement-bar", "wheelchair-access",
    };

    public static void Validate(IReadOnlyList<string>? amenities, ValidationErrors errors, string field)
    {
        if (amenities is null)
        {
            return;
        }

        for (var i = 0; i < amenities.Count; i++)
        {
            if (!Known.Contains(amenities[i] ?? ""))
            {
                errors.Add($"{field}[{i}]", $"Unknown amenity '{amenities[i]}'. Known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}.");
            }
        }
    }
}
