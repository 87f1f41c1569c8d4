using Derrimut.Payroll.Domain.BankFiles;

namespace Derrimut.Payroll.Tests.BankFiles;

public sealed class BsbShould
{
    [Theory]
    [InlineData("062000")]
    [InlineData("062-000")]
    [InlineData(" 062-000 ")]
    public void AcceptSixDigitsWithOrWithoutTheDash(string input)
    {
        var bsb = Bsb.Parse(input);

        bsb.Digits.ShouldBe("062000");
        bsb.ToString().ShouldBe("062-000");
    }

    [Theory]
    [InlineData("06200", "6 digits")]
    [InlineData("0620001", "6 digits")]
    [InlineData("062 000", "6 digits")]
    [InlineData("06-2000", "6 digits")]
    [InlineData("062--000", "6 digits")]
    [InlineData("abc-def", "6 digits")]
    [InlineData("０６２０００", "6 digits")] // full-width digits are not ASCII digits
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData(null, "required")]
    public void RejectAnythingElseWithAClearError(string? input, string errorPart)
    {
        Bsb.TryParse(input, out var bsb, out var error).ShouldBeFalse();
        bsb.ShouldBeNull();
        error.ShouldContain(errorPart);

        Should.Throw<InvalidBankDetailsException>(() => Bsb.Parse(input)).Field.ShouldBe("bsb");
    }
}
