using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Tests;

public sealed class AbnRulesShould
{
    [Theory]
    [InlineData("51 824 753 556", "51824753556")] // the ATO's own example
    [InlineData("53004085616", "53004085616")]
    public void AcceptAnAbnWhoseCheckDigitsMatch(string input, string normalised)
    {
        AbnRules.Normalise(input, out var error).ShouldBe(normalised);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("51 824 753 557")] // one digit off
    [InlineData("15 824 753 556")] // two digits swapped
    public void RefuseAnAbnWhoseCheckDigitsDoNotMatch(string input)
    {
        AbnRules.Normalise(input, out var error).ShouldBeNull();
        error!.ShouldContain("check digits");
    }

    [Theory]
    [InlineData("5182475355")]
    [InlineData("518247535561")]
    [InlineData("51 824 753 55a")]
    [InlineData("")]
    public void RefuseAnythingButElevenDigits(string input)
    {
        AbnRules.Normalise(input, out var error).ShouldBeNull();
        error.ShouldBe("An ABN is 11 digits, e.g. 51 824 753 556.");
    }
}
