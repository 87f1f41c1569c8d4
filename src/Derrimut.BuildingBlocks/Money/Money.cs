using System.Globalization;

namespace Derrimut.BuildingBlocks.Money;

/// <summary>
/// Australian GST on consumer prices. Prices to members include GST at 10%, so the GST component of a GST-inclusive
/// price is one eleventh of it (ATO: "the GST-inclusive price ÷ 11").
/// </summary>
public static class Gst
{
    /// <summary>The GST rate, in percent.</summary>
    public const int RatePercent = 10;

    /// <summary>
    /// The GST included in a GST-inclusive amount: the amount ÷ 11, rounded to the nearest cent (ATO: round GST to the
    /// nearest cent). A whole number of cents divided by 11 never ends in exactly half a cent (2·x = 11·odd has no
    /// integer solution), so no tie-breaking rule is needed. Negative amounts (refunds) round symmetrically.
    /// </summary>
    /// <param name="gstInclusiveCents">A GST-inclusive amount in cents, e.g. 1999 for $19.99.</param>
    /// <returns>The GST component in cents, e.g. 182 for 1999 (1999 ÷ 11 = 181.7…).</returns>
    public static long ComponentOf(long gstInclusiveCents)
    {
        var quotient = Math.DivRem(Math.Abs(gstInclusiveCents), 11, out var remainder);

        // remainder/11 is more than half a cent exactly when the remainder is 6 or more.
        if (remainder >= 6)
        {
            quotient++;
        }

        return gstInclusiveCents < 0 ? -quotient : quotient;
    }
}

/// <summary>Australian dollars for display: the <c>en-AU</c> culture, e.g. <c>$1,234.50</c>.</summary>
public static class Aud
{
    /// <summary>The culture money is shown in (<see cref="GymCulture.Australian"/>).</summary>
    public static CultureInfo Culture => GymCulture.Australian;

    /// <summary>ISO 4217 code in Stripe's spelling (lowercase).</summary>
    public const string StripeCurrency = "aud";

    /// <summary>Formats cents as dollars, e.g. 123450 → <c>$1,234.50</c>, -2200 → <c>-$22.00</c>.</summary>
    public static string Format(long cents) => (cents / 100m).ToString("C2", Culture);

    /// <summary>Formats dollars, e.g. 1234.5m → <c>$1,234.50</c> (payroll keeps amounts in dollars to the cent).</summary>
    public static string Format(decimal dollars) => dollars.ToString("C2", Culture);

    /// <summary>Formats dollars, or nothing when there is no amount.</summary>
    public static string Format(decimal? dollars) => dollars is { } value ? Format(value) : "";
}

/// <summary>An amount in cents that includes GST, as every price shown to a member does.</summary>
/// <param name="Cents">The GST-inclusive amount in cents.</param>
public readonly record struct GstInclusive(long Cents)
{
    /// <summary>The GST included, see <see cref="Gst.ComponentOf"/>.</summary>
    public long GstCents => Gst.ComponentOf(Cents);

    /// <summary>The amount before GST (the total less <see cref="GstCents"/>, so the two always add up).</summary>
    public long ExcludingGstCents => Cents - GstCents;

    /// <summary>The amount as a receipt shows it, e.g. <c>$19.99</c>.</summary>
    public override string ToString() => Aud.Format(Cents);
}
