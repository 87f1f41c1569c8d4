namespace Derrimut.Organizations.Domain;

/// <summary>
/// Australian state codes and the postcode ranges Australia Post allocates to each, so that an address like
/// "VIC 2000" (a Sydney postcode) is caught at entry rather than on a printed tax invoice.
/// </summary>
internal static class AustralianAddressRules
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

    public static IReadOnlyCollection<string> States => PostcodeRanges.Keys;

    public static void Validate(Contracts.AddressDto? address, ValidationErrors errors, string field)
    {
        if (address is null)
        {
            errors.Add(field, "A location needs its street address.");
            return;
        }

        errors.Required(address.Street, $"{field}.street", 200);
        errors.Required(address.Suburb, $"{field}.suburb", 100);
        var state = address.State?.Trim().ToUpperInvariant();
        if (state is null || !PostcodeRanges.TryGetValue(state, out var ranges))
        {
            errors.Add($"{field}.state", "The state must be one of ACT, NSW, NT, QLD, SA, TAS, VIC, WA.");
            return;
        }

        var postcode = address.Postcode?.Trim();
        if (postcode is null || postcode.Length != 4 || !postcode.All(char.IsAsciiDigit))
        {
            errors.Add($"{field}.postcode", "The postcode must be four digits.");
            return;
        }

        var number = int.Parse(postcode, System.Globalization.CultureInfo.InvariantCulture);
        if (!ranges.Any(r => number >= r.From && number <= r.To))
        {
            errors.Add($"{field}.postcode", $"{postcode} is not a {state} postcode.");
        }
    }

    public static AustralianAddress ToEntity(Contracts.AddressDto dto) => new()
    {
        Street = dto.Street.Trim(),
        Suburb = dto.Suburb.Trim(),
        State = dto.State.Trim().ToUpperInvariant(),
        Postcode = dto.Postcode.Trim(),
    };

    public static Contracts.AddressDto ToDto(AustralianAddress address) => new(address.Street, address.Suburb, address.State, address.Postcode);
}
