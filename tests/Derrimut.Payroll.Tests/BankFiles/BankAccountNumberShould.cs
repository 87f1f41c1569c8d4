using Derrimut.Payroll.Domain.BankFiles;

namespace Derrimut.Payroll.Tests.BankFiles;

public sealed class BankAccountNumberShould
{
    [Theory]
    [InlineData("12345")]
    [InlineData("123456789")]
    [InlineData("000123")]
    [InlineData(" 12345678 ")]
    public void AcceptFiveToNineDigitsKeepingLeadingZeros(string input)
    {
        BankAccountNumber.Parse(input).Digits.ShouldBe(input.Trim());
    }

    [Theory]
    [InlineData("1234", "5 to 9 digits")]
    [InlineData("1234567890", "5 to 9 digits")]
    [InlineData("12-345678", "digits only")]
    [InlineData("1234 5678", "digits only")]
    [InlineData("12345a", "digits only")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void RejectAnythingElseWithAClearError(string? input, string errorPart)
    {
        BankAccountNumber.TryParse(input, out var account, out var error).ShouldBeFalse();
        account.ShouldBeNull();
        error.ShouldContain(errorPart);

        Should.Throw<InvalidBankDetailsException>(() => BankAccountNumber.Parse(input)).Field.ShouldBe("accountNumber");
    }
}
