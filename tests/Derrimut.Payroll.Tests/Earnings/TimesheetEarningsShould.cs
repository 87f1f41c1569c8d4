using Derrimut.Payroll.Domain.Earnings;

namespace Derrimut.Payroll.Tests.Earnings;

/// <summary>Base rate $26.70 an hour (Fitness Industry Award Level 3, 2025-26, reference §3).</summary>
public sealed class TimesheetEarningsShould
{
    private const long Level3Cents = 2_670;

    [Theory]
    // employment type, day, hours, expected multiplier, expected hourly rate (cents), expected amount (cents)
    [InlineData("FullTime", "Weekday", "7.6", "1.00", 2_670, 20_292)]   // 26.70 × 7.6 = 202.92
    [InlineData("FullTime", "Saturday", "8", "1.25", 3_338, 26_704)]    // 33.375 → 33.38 × 8
    [InlineData("FullTime", "Sunday", "8", "1.50", 4_005, 32_040)]      // 40.05 × 8
    [InlineData("FullTime", "PublicHoliday", "8", "2.50", 6_675, 53_400)] // 66.75 × 8
    [InlineData("PartTime", "Saturday", "4", "1.25", 3_338, 13_352)]    // part-time as full-time
    [InlineData("Casual", "Weekday", "8", "1.25", 3_338, 26_704)]       // casual loading 25%
    [InlineData("Casual", "Saturday", "8", "1.50", 4_005, 32_040)]      // 125 + 25
    [InlineData("Casual", "Sunday", "8", "1.75", 4_673, 37_384)]        // 150 + 25: 46.725 → 46.73
    [InlineData("Casual", "PublicHoliday", "8", "2.75", 7_343, 58_744)] // 250 + 25: 73.425 → 73.43
    public void PayOrdinaryHoursAtTheAwardMultiplier(string employmentType, string dayKind, string hours, string multiplier, long rateCents, long amountCents)
    {
        var lines = TimesheetEarnings.ForDay(Enum.Parse<EmploymentType>(employmentType), Level3Cents, new WorkedDay(Enum.Parse<DayKind>(dayKind), decimal.Parse(hours, CultureInfo.InvariantCulture)));

        var line = lines.ShouldHaveSingleItem();
        line.Kind.ShouldBe(EarningsKind.OrdinaryHours);
        line.IsOrdinaryTimeEarnings.ShouldBeTrue();
        line.Multiplier.ShouldBe(decimal.Parse(multiplier, CultureInfo.InvariantCulture));
        line.BaseRateCents.ShouldBe(Level3Cents);
        line.RateCents.ShouldBe(rateCents);
        line.AmountCents.ShouldBe(amountCents);
    }

    [Fact]
    public void SplitWeekdayOvertimeIntoTheFirstTwoHoursAndTheRest()
    {
        var lines = TimesheetEarnings.ForDay(EmploymentType.FullTime, Level3Cents, new WorkedDay(DayKind.Weekday, 7.6m, 3m));

        lines.Count.ShouldBe(3);
        lines[0].Kind.ShouldBe(EarningsKind.OrdinaryHours);
        lines[1].ShouldBe(new EarningsLine(EarningsKind.Overtime, "Overtime, weekday, first 2 hours, full-time (150%)", 8_010, 2m, Level3Cents, 1.5m, 4_005));
        lines[2].ShouldBe(new EarningsLine(EarningsKind.Overtime, "Overtime, weekday, after 2 hours, full-time (200%)", 5_340, 1m, Level3Cents, 2m, 5_340));
        lines.Where(l => l.Kind == EarningsKind.Overtime).ShouldAllBe(l => !l.IsOrdinaryTimeEarnings);
    }

    [Fact]
    public void PayShortOvertimeEntirelyInTheFirstBand()
    {
        var lines = TimesheetEarnings.ForDay(EmploymentType.FullTime, Level3Cents, new WorkedDay(DayKind.Saturday, 0m, 1.5m));

        var line = lines.ShouldHaveSingleItem();
        line.Kind.ShouldBe(EarningsKind.Overtime);
        line.Hours.ShouldBe(1.5m);
        line.Multiplier.ShouldBe(1.5m);
        line.AmountCents.ShouldBe(6_008); // 40.05 × 1.5 = 60.075 → 60.08
    }

    [Theory]
    [InlineData("FullTime", "Sunday", "2.00", 5_340)]
    [InlineData("FullTime", "PublicHoliday", "2.50", 6_675)]
    [InlineData("Casual", "Weekday", "1.75", 4_673)]
    [InlineData("Casual", "Sunday", "2.25", 6_008)] // 60.075 → 60.08
    [InlineData("Casual", "PublicHoliday", "2.75", 7_343)]
    public void PayOvertimeOfOneHourAtTheFirstBandMultiplier(string employmentType, string dayKind, string multiplier, long rateCents)
    {
        var line = TimesheetEarnings.ForDay(Enum.Parse<EmploymentType>(employmentType), Level3Cents, new WorkedDay(Enum.Parse<DayKind>(dayKind), 0m, 1m)).ShouldHaveSingleItem();

        line.Multiplier.ShouldBe(decimal.Parse(multiplier, CultureInfo.InvariantCulture));
        line.RateCents.ShouldBe(rateCents);
        line.AmountCents.ShouldBe(rateCents);
    }

    [Fact]
    public void RoundFractionalHoursToTheNearestCentHalfAwayFromZero()
    {
        // 0.25 h × $33.38 = $8.345 → $8.35; 7.33 h × $26.70 = $195.711 → $195.71.
        TimesheetEarnings.ForDay(EmploymentType.Casual, Level3Cents, new WorkedDay(DayKind.Weekday, 0.25m)).Single().AmountCents.ShouldBe(835);
        TimesheetEarnings.ForDay(EmploymentType.FullTime, Level3Cents, new WorkedDay(DayKind.Weekday, 7.33m)).Single().AmountCents.ShouldBe(19_571);
    }

    [Fact]
    public void ProduceNoLinesForADayWithNoHours()
    {
        TimesheetEarnings.ForDay(EmploymentType.Casual, Level3Cents, new WorkedDay(DayKind.Sunday, 0m)).ShouldBeEmpty();
    }

    [Fact]
    public void ConcatenateTheLinesOfEveryDay()
    {
        var lines = TimesheetEarnings.ForDays(
            EmploymentType.Casual,
            Level3Cents,
            [new WorkedDay(DayKind.Weekday, 4m), new WorkedDay(DayKind.Saturday, 4m), new WorkedDay(DayKind.Sunday, 4m)]);

        lines.Select(l => l.AmountCents).ShouldBe([13_352, 16_020, 18_692]);
    }

    [Fact]
    public void DescribeTheLineForThePayslip()
    {
        TimesheetEarnings.ForDay(EmploymentType.Casual, Level3Cents, new WorkedDay(DayKind.PublicHoliday, 3m))
            .Single().Description.ShouldBe("Ordinary hours, public holiday, casual (275%)");
    }

    [Fact]
    public void RejectMoreThan24HoursInADay()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WorkedDay(DayKind.Weekday, 20m, 4.25m));
    }

    [Fact]
    public void RejectNegativeHours()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WorkedDay(DayKind.Weekday, -1m));
        Should.Throw<ArgumentOutOfRangeException>(() => new WorkedDay(DayKind.Weekday, 1m, -1m));
    }

    [Fact]
    public void RejectANonPositiveBaseRate()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TimesheetEarnings.ForDay(EmploymentType.FullTime, 0, new WorkedDay(DayKind.Weekday, 1m)));
    }
}
