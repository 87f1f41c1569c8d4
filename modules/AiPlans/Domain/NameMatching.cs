using System.Text.RegularExpressions;

namespace Derrimut.AiPlans.Domain;

/// <summary>
/// A keyword rule for free-text names (an LLM's exercise or food names): the phrase, as whole words with an
/// optional plural, unless the name also contains one of the "unless" phrases (e.g. "plank" but not "forearm
/// plank"; "milk" but not "soy milk").
/// </summary>
internal sealed class NameKeyword
{
    private readonly Regex pattern;
    private readonly Regex[] exceptions;

    public NameKeyword(string phrase, params string[] unless)
        : this([phrase], unless)
    {
    }

    private NameKeyword(string[] phrases, string[] unless)
    {
        pattern = WholeWords(phrases);
        exceptions = [.. unless.Select(exception => WholeWords([exception]))];
    }

    /// <summary>Any of several phrases (one regular expression, so a long synonym list stays cheap).</summary>
    public static NameKeyword AnyOf(params string[] phrases) => new(phrases, []);

    /// <summary>Whether a name already normalised by <see cref="NameMatching.Normalise"/> matches.</summary>
    public bool Matches(string normalisedName) => IndexIn(normalisedName) >= 0;

    /// <summary>Where the phrase first occurs in a normalised name, or −1 (also when an exception applies).</summary>
    public int IndexIn(string normalisedName)
    {
        var match = pattern.Match(normalisedName);
        return match.Success && !exceptions.Any(exception => exception.IsMatch(normalisedName)) ? match.Index : -1;
    }

    private static Regex WholeWords(string[] phrases) =>
        new(
            $@"\b(?:{string.Join('|', phrases.Select(phrase => Regex.Escape(NameMatching.Normalise(phrase))))})(?:s|es)?\b",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
}

internal static class NameMatching
{
    /// <summary>Lower-case, with every run of non-letters/digits (hyphens, punctuation) turned into one space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(character))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(character);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
