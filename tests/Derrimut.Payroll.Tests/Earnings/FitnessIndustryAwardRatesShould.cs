using Derrimut.Payroll.Domain.Earnings;

namespace Derrimut.Payroll.Tests.Earnings;

public sealed class FitnessIndustryAwardRatesShould
{
    [Theory]
    [InlineData("FullTime", "Weekday", 100)]
    [InlineData("FullTime", "Saturday", 125)]
    [InlineData("FullTime", "Sunday", 150)]
    [InlineData("FullTime", "PublicHoliday", 250)]
    [InlineData("PartTime", "Weekday", 100)]
    [InlineData("PartTime", "Saturday", 125)]
    [InlineData("PartTime", "Sunday", 150)]
    [InlineData("PartTime", "PublicHoliday", 250)]
    [InlineData("Casual", "Weekday", 125)]
    [InlineData("Casual", "Saturday", 150)]
    [InlineData("Casual", "Sunday", 175)]
    [InlineData("Casual", "PublicHoliday", 275)]
    public void AddTheCasualLoadingToThePenaltyRatherThanMultiplying(string employmentType, string dayKind, int percent)
    {
        FitnessIndustryAwardRates.OrdinaryPercent(Enum.Parse<EmploymentType>(employmentType), Enum.Parse<DayKind>(dayKind)).ShouldBe(percent);
    }

    [Fact]
    public void PayWeekdayAndSaturdayOvertimeAt150ThenAt200()
    {
        FitnessIndustryAwardRates.OvertimeBands(EmploymentType.FullTime, DayKind.Saturday)
            .ShouldBe([new OvertimeBand(2m, 150), new OvertimeBand(null, 200)]);
        FitnessIndustryAwardRates.OvertimeBands(EmploymentType.Casual, DayKind.Weekday)
            .ShouldBe([new OvertimeBand(2m, 175), new OvertimeBand(null, 225)]);
    }
}
