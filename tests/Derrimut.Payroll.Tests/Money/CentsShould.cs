using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Tests.Money;

public sealed class CentsShould
{
    [Theory]
    [InlineData("0.5", 1)]
    [InlineData("1.5", 2)]
    [InlineData("2.5", 3)] // banker's rounding would give 2
    [InlineData("2.4999", 2)]
    [InlineData("-2.5", -3)]
    public void RoundHalfAwayFromZero(string cents, long expected)
    {
        Cents.RoundToWholeCents(decimal.Parse(cents, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void ConvertDollarsToCents()
    {
        Cents.FromDollars(1234.50m).ShouldBe(123_450);
        Cents.FromDollars(1234.500m).ShouldBe(123_450);
    }

    [Fact]
    public void RefuseFractionsOfACent()
    {
        Should.Throw<ArgumentException>(() => Cents.FromDollars(0.005m)).ParamName.ShouldBe("dollars");
    }

    [Theory]
    [InlineData(123_450, "$1,234.50")]
    [InlineData(5, "$0.05")]
    [InlineData(-5, "-$0.05")]
    public void FormatForDisplay(long cents, string expected)
    {
        Cents.Format(cents).ShouldBe(expected);
    }
}
