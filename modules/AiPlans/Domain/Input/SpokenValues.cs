using System.Text.RegularExpressions;

namespace Derrimut.AiPlans.Domain.Input;

/// <summary>
/// Reads the loose values a voice agent or a form sends: numbers as strings or words ("thirty five"), heights in
/// centimetres, metres or feet and inches, weights in kilograms, pounds or stone, and choices in everyday words
/// ("weight loss", "lightly active"). Each reader returns null when it cannot make sense of the text.
/// </summary>
internal static partial class SpokenValues
{
    private const decimal CmPerInch = 2.54m;
    private const decimal KgPerPound = 0.45359237m;
    private const decimal PoundsPerStone = 14m;

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["once"] = 1, ["twice"] = 2,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Replaces runs of English number words with digits: "one hundred and eighty" → "180".</summary>
    public static string WordsToDigits(string text)
    {
        var tokens = NameMatching.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>();
        int? current = null;

        void Flush()
        {
            if (current is not null)
            {
                output.Add(current.Value.ToString(CultureInfo.InvariantCulture));
                current = null;
            }
        }

        for (var index = 0; index < tokens.Length; index++)
        {
            var token = tokens[index];
            if (Units.TryGetValue(token, out var unit))
            {
                current = (current ?? 0) + unit;
            }
            else if (Tens.TryGetValue(token, out var ten))
            {
                current = (current ?? 0) + ten;
            }
            else if (token == "hundred" && current is not null)
            {
                current *= 100;
            }
            else if (token == "and" && current is not null && index + 1 < tokens.Length
                && (Units.ContainsKey(tokens[index + 1]) || Tens.ContainsKey(tokens[index + 1])))
            {
                // "one hundred and eighty": the "and" joins the number.
            }
            else
            {
                Flush();
                output.Add(token);
            }
        }

        Flush();
        return string.Join(' ', output);
    }

    /// <summary>The first number in the text (digits or words), or null.</summary>
    public static decimal? FirstNumber(string text)
    {
        var match = Number().Match(WordsToDigitsKeepingPoints(text));
        return match.Success ? decimal.Parse(match.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A height in centimetres from a number or text ("180", "180 cm", "1.8 m", "1 metre 80", "5'10\"", "5 foot 10").</summary>
    public static decimal? HeightCm(string text)
    {
        var value = WordsToDigitsKeepingPoints(text.ToLowerInvariant()).Replace('’', '\'').Replace('”', '"');
        if (FeetInches().Match(value) is { Success: true } imperial)
        {
            var feet = Parse(imperial.Groups["feet"].Value);
            var inches = imperial.Groups["inches"].Success ? Parse(imperial.Groups["inches"].Value) : 0m;
            return Math.Round(((feet * 12m) + inches) * CmPerInch, 1, MidpointRounding.AwayFromZero);
        }

        if (MetresAndCentimetres().Match(value) is { Success: true } mixed)
        {
            return (Parse(mixed.Groups["metres"].Value) * 100m) + Parse(mixed.Groups["cm"].Value);
        }

        if (WithUnit().Match(value) is { Success: true } withUnit)
        {
            var number = Parse(withUnit.Groups["number"].Value);
            return withUnit.Groups["unit"].Value switch
            {
                var unit when unit.StartsWith('c') => number,
                var unit when unit.StartsWith('m') => number * 100m,
                var unit when unit.StartsWith("in", StringComparison.Ordinal) || unit == "\"" => Math.Round(number * CmPerInch, 1, MidpointRounding.AwayFromZero),
                _ => null,
            };
        }

        return FirstNumber(value) is { } bare ? HeightFromNumber(bare) : null;
    }

    /// <summary>A bare height number: metres when it looks like metres (1.0–2.5), otherwise centimetres.</summary>
    public static decimal HeightFromNumber(decimal number) => number is >= 1m and <= 2.5m ? number * 100m : number;

    /// <summary>A weight in kilograms from a number or text ("80", "80 kg", "176 lb", "12 stone 8").</summary>
    public static decimal? WeightKg(string text)
    {
        var value = WordsToDigitsKeepingPoints(text.ToLowerInvariant());
        if (Stone().Match(value) is { Success: true } stone)
        {
            var pounds = (Parse(stone.Groups["stone"].Value) * PoundsPerStone) + (stone.Groups["pounds"].Success ? Parse(stone.Groups["pounds"].Value) : 0m);
            return Math.Round(pounds * KgPerPound, 1, MidpointRounding.AwayFromZero);
        }

        if (WithUnit().Match(value) is { Success: true } withUnit)
        {
            var number = Parse(withUnit.Groups["number"].Value);
            var unit = withUnit.Groups["unit"].Value;
            if (unit.StartsWith('k'))
            {
                return number;
            }

            if (unit.StartsWith('l') || unit.StartsWith('p'))
            {
                return Math.Round(number * KgPerPound, 1, MidpointRounding.AwayFromZero);
            }
        }

        return FirstNumber(value);
    }

    /// <summary>The option whose phrase occurs earliest in the text (ties go to the longer phrase), or null.</summary>
    public static T? Earliest<T>(string text, IReadOnlyList<(string Phrase, T Value)> options)
        where T : struct
    {
        var normalised = NameMatching.Normalise(text);
        var compact = normalised.Replace(" ", string.Empty, StringComparison.Ordinal);
        (int Index, int Length, T Value)? best = null;
        foreach (var (phrase, value) in options)
        {
            var index = new NameKeyword(phrase).IndexIn(normalised);
            if (index < 0 && compact == NameMatching.Normalise(phrase).Replace(" ", string.Empty, StringComparison.Ordinal))
            {
                index = 0;
            }

            if (index >= 0 && (best is null || index < best.Value.Index || (index == best.Value.Index && phrase.Length > best.Value.Length)))
            {
                best = (index, phrase.Length, value);
            }
        }

        return best?.Value;
    }

    /// <summary>Every option whose phrase occurs in the text.</summary>
    public static IEnumerable<T> All<T>(string text, IReadOnlyList<(string Phrase, T Value)> options)
    {
        var normalised = NameMatching.Normalise(text);
        var compact = normalised.Replace(" ", string.Empty, StringComparison.Ordinal);
        return options
            .Where(option => new NameKeyword(option.Phrase).Matches(normalised)
                || compact == NameMatching.Normalise(option.Phrase).Replace(" ", string.Empty, StringComparison.Ordinal))
            .Select(option => option.Value)
            .Distinct();
    }

    /// <summary>Splits a spoken list ("bad knee, sore lower back and a dodgy wrist") into items.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        [.. ListSeparator().Split(text).Select(item => item.Trim()).Where(item => item.Length > 0)];

    /// <summary>"None", "no", "nothing" and the like, for an optional list answer.</summary>
    public static bool MeansNone(string text) => NoneAnswers.Contains(NameMatching.Normalise(text));

    private static readonly HashSet<string> NoneAnswers = new(StringComparer.Ordinal)
    {
        string.Empty, "no", "none", "nothing", "nil", "na", "n a", "nope", "not applicable", "not really", "zero", "no thanks",
        "none at all", "nothing really", "no injuries", "no injury", "no limitations", "no allergies", "no allergy",
        "no known allergies", "no restrictions", "no dietary restrictions", "no dietary requirements", "none that i know of",
        "i don t have any", "i have none", "no i don t",
    };

    private static string WordsToDigitsKeepingPoints(string text)
    {
        // Keep digits with decimal points, apostrophes and quotes (5'10") intact; convert only word numbers.
        return WordNumberRun().Replace(
            text,
            match => WordsToDigits(match.Value) + (char.IsWhiteSpace(match.Value[^1]) || match.Value[^1] == '-' ? " " : string.Empty));
    }

    private static decimal Parse(string number) => decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.None, 1000)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<feet>\d+(?:\.\d+)?)\s*(?:'|ft\b|feet\b|foot\b)\s*(?:(?<inches>\d+(?:\.\d+)?)\s*(?:""|''|in\b|inch\b|inches\b)?)?", RegexOptions.None, 1000)]
    private static partial Regex FeetInches();

    [GeneratedRegex(@"(?<metres>\d)\s*(?:m|metres?|meters?)\s*(?<cm>\d{1,2})\b", RegexOptions.None, 1000)]
    private static partial Regex MetresAndCentimetres();

    [GeneratedRegex(@"(?<number>\d+(?:\.\d+)?)\s*(?<unit>cm\b|centimet(?:re|er)s?\b|m\b|metres?\b|meters?\b|in\b|inch(?:es)?\b|""|kg\b|kgs\b|kilos?\b|kilograms?\b|lbs?\b|pounds?\b)", RegexOptions.None, 1000)]
    private static partial Regex WithUnit();

    [GeneratedRegex(@"(?<stone>\d+)\s*(?:st\b|stone\b)\s*(?:(?<pounds>\d+(?:\.\d+)?)\s*(?:lbs?\b|pounds?\b)?)?", RegexOptions.None, 1000)]
    private static partial Regex Stone();

    [GeneratedRegex(@"\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|once|twice)(?:[\s-]+(?:and[\s-]+)?)?)+\b", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex WordNumberRun();

    [GeneratedRegex(@"\s*(?:,|;|/|&|\+|\n|\band\b|\bplus\b|\balso\b)\s*", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ListSeparator();
}
