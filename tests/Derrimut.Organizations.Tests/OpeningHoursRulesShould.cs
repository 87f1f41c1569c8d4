using Derrimut.BuildingBlocks.Errors;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Tests;

public sealed class OpeningHoursRulesShould
{
    [Fact]
    public void AcceptStaffedHoursThatCloseAtMidnight() =>
        Validate([new("monday", "05:30", "24:00"), new("saturday", "08:00", "14:00")]).ShouldBeEmpty();

    [Fact]
    public void RefuseADayGivenTwice() =>
        Validate([new("monday", "06:00", "20:00"), new("Monday", "07:00", "21:00")])
            ["hours[1].day"].ShouldBe(["Monday appears twice."]);

    [Fact]
    public void RefuseClosingBeforeOpening() =>
        Validate([new("friday", "22:00", "06:00")]).ShouldContainKey("hours[0].closes");

    [Theory]
    [InlineData("funday", "06:00", "20:00", "hours[0].day")]
    [InlineData("1", "06:00", "20:00", "hours[0].day")] // an enum's number is not a weekday name
    [InlineData("monday", "6am", "20:00", "hours[0].opens")]
    [InlineData("monday", "06:00", "25:00", "hours[0].closes")]
    public void NameTheFieldThatIsWrong(string day, string opens, string closes, string field) =>
        Validate([new(day, opens, closes)]).ShouldContainKey(field);

    [Fact]
    public void RefuseMoreThanOneEntryPerWeekday() =>
        Validate([.. Enumerable.Range(0, 8).Select(_ => new OpeningHoursDto("monday", "06:00", "20:00"))]).ShouldContainKey("hours");

    [Fact]
    public void KeepTheWeekInOrderFromMondayAndSayMidnightAs2400()
    {
        var stored = OpeningHoursRules.ToEntity([new("sunday", "08:00", "14:00"), new("monday", "05:30", "24:00")]);

        stored.Select(h => h.Day).ShouldBe([DayOfWeek.Monday, DayOfWeek.Sunday]);
        OpeningHoursRules.ToDto(stored[0]).ShouldBe(new OpeningHoursDto("monday", "05:30", "24:00"));
    }

    private static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<OpeningHoursDto> hours)
    {
        var errors = new ValidationErrors();
        OpeningHoursRules.Validate(hours, errors, "hours");
        return errors.ToDictionary();
    }
}
