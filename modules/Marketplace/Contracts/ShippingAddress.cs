namespace Derrimut.Marketplace.Contracts;

/// <summary>
/// An Australian delivery address, checked at entry: a known state, four-digit postcode inside that state's Australia
/// Post ranges (so "VIC 2000" — a Sydney postcode — is caught before a parcel goes astray).
/// </summary>
public sealed record ShippingAddress(string? Name, string? Line1, string? Line2, string? Suburb, string? State, string? Postcode)
{
    private static readonly Dictionary<string, (int From, int To)[]> PostcodeRanges = new(StringComparer.Ordinal)
    {
        ["ACT"] = [(200, 299), (2600, 2618), (2900, 2920)],
        ["NSW"] = [(1000, 2599), (2619, 2899), (2921, 2999)],
        ["NT"] = [(800, 999)],
        ["QLD"] = [(4000, 4999), (9000, 9999)],
        ["SA"] = [(5000, 5999)],
        ["TAS"] = [(7000, 7999)],
        ["VIC"] = [(3000, 3999), (8000, 8999)],
        ["WA"] = [(6000, 6999)],
    };

    /// <summary>The eight state and territory codes.</summary>
    public static IReadOnlyCollection<string> States => PostcodeRanges.Keys;

    /// <summary>Adds an error per wrong field, named <c>{field}.name</c>, <c>{field}.postcode</c>…</summary>
    public void Validate(ValidationErrors errors, string field)
    {
        errors.Required(Name, $"{field}.name", 100)
            .Required(Line1, $"{field}.line1", 200)
            .MaxLength(Line2, $"{field}.line2", 200)
            .Required(Suburb, $"{field}.suburb", 100);
        var state = State?.Trim().ToUpperInvariant();
        if (state is null || !PostcodeRanges.TryGetValue(state, out var ranges))
        {
            errors.Add($"{field}.state", "The state must be one of ACT, NSW, NT, QLD, SA, TAS, VIC, WA.");
            return;
        }

        var postcode = Postcode?.Trim();
        if (postcode is null || postcode.Length != 4 || !postcode.All(char.IsAsciiDigit))
        {
            errors.Add($"{field}.postcode", "An Australian postcode is four digits.");
            return;
        }

        var number = int.Parse(postcode, CultureInfo.InvariantCulture);
        if (!ranges.Any(r => number >= r.From && number <= r.To))
        {
            errors.Add($"{field}.postcode", $"{postcode} is not a {state} postcode.");
        }
    }
}
