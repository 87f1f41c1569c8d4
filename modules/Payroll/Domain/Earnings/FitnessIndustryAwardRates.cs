namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>A slice of overtime hours paid at one rate: the first <see cref="UpToHours"/> hours, or all remaining hours when null.</summary>
internal sealed record OvertimeBand(decimal? UpToHours, int Percent);

/// <summary>
/// Pay rate multipliers of the Fitness Industry Award 2020 (MA000094), as percentages of the
/// employee's base (minimum or agreed) ordinary hourly rate.
/// Decision: a casual's multiplier is the permanent employee's multiplier PLUS the 25-point casual
/// loading (never multiplied together: 125% × 125% would overpay). This is the common modern-award
/// approach; confirm against the Fair Work pay guide for MA000094 before relying on the casual
/// weekend, public-holiday and overtime figures.
/// </summary>
internal static class FitnessIndustryAwardRates
{
    /// <summary>Casual loading 25% (reference §3, MA000094).</summary>
    public const int CasualLoadingPercent = 25;

    /// <summary>The percentage of the base rate for ordinary hours.</summary>
    public static int OrdinaryPercent(EmploymentType employmentType, DayKind day)
    {
        // Full-time and part-time: Saturday 125%, Sunday 150%, public holiday 250% (reference §3, MA000094).
        var permanent = day switch
        {
            DayKind.Weekday => 100,
            DayKind.Saturday => 125,
            DayKind.Sunday => 150,
            DayKind.PublicHoliday => 250,
            _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown day kind."),
        };

        // Casual: weekday 125% follows from the 25% loading (reference §3). Saturday 150%, Sunday 175%
        // and public holiday 275% (loading added to the penalty) are SECONDARY/UNCONFIRMED — not in the
        // reference; they are the usual award approach.
        return WithCasualLoading(employmentType, permanent);
    }

    /// <summary>The overtime bands for a day, in the order hours fall into them.</summary>
    public static IReadOnlyList<OvertimeBand> OvertimeBands(EmploymentType employmentType, DayKind day)
    {
        // SECONDARY/UNCONFIRMED — overtime rates are not in the reference. Figures used: Monday to
        // Saturday 150% for the first 2 hours then 200%; Sunday 200%; public holiday 250%
        // (the usual MA000094 pattern as recalled, to be checked against the award's overtime clause);
        // casuals get the 25-point loading on top, by the decision in the class comment.
        OvertimeBand[] permanent = day switch
        {
            DayKind.Weekday or DayKind.Saturday => [new OvertimeBand(2m, 150), new OvertimeBand(null, 200)],
            DayKind.Sunday => [new OvertimeBand(null, 200)],
            DayKind.PublicHoliday => [new OvertimeBand(null, 250)],
            _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown day kind."),
        };

        return [.. permanent.Select(band => band with { Percent = WithCasualLoading(employmentType, band.Percent) })];
    }

    private static int WithCasualLoading(EmploymentType employmentType, int permanentPercent) => employmentType switch
    {
        EmploymentType.FullTime or EmploymentType.PartTime => permanentPercent,
        EmploymentType.Casual => permanentPercent + CasualLoadingPercent,
        _ => throw new ArgumentOutOfRangeException(nameof(employmentType), employmentType, "Unknown employment type."),
    };
}
