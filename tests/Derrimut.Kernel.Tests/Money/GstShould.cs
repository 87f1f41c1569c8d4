using Derrimut.BuildingBlocks.Money;

namespace Derrimut.Kernel.Tests.Money;

public sealed class GstShould
{
    [Theory]
    [InlineData(2200, 200)] // $22.00 day pass: exactly $2.00 GST
    [InlineData(1999, 182)] // $19.99: 181.7… rounds up to $1.82
    [InlineData(4400, 400)] // $44.00 a fortnight
    [InlineData(69900, 6355)] // $699.00 upfront: 6354.54… rounds up
    [InlineData(4900, 445)] // $49.00 joining fee: 445.45… rounds down
    [InlineData(5, 0)] // 0.45 of a cent
    [InlineData(6, 1)] // 0.54 of a cent
    [InlineData(0, 0)]
    public void BeOneEleventhOfTheInclusivePriceRoundedToTheCent(long inclusiveCents, long expectedGst) =>
        Gst.ComponentOf(inclusiveCents).ShouldBe(expectedGst);

    [Fact]
    public void RoundRefundsSymmetrically() => Gst.ComponentOf(-1999).ShouldBe(-182);

    [Fact]
    public void AgreeWithDecimalRoundingForEveryPriceUpToAThousandDollars()
    {
        // Banker's rounding here, nearest-with-6-or-more in the code: they agree only because there are no ties.
        for (long cents = 0; cents <= 100_000; cents++)
        {
            Gst.ComponentOf(cents).ShouldBe((long)Math.Round(cents / 11m, MidpointRounding.ToEven), $"GST of {cents} cents");
        }
    }

    [Fact]
    public void SplitAPriceIntoPartsThatAddBackUp()
    {
        var price = new GstInclusive(1999);

        price.GstCents.ShouldBe(182);
        price.ExcludingGstCents.ShouldBe(1817);
        (price.GstCents + price.ExcludingGstCents).ShouldBe(1999);
    }
}

public sealed class AudShould
{
    [Theory]
    [InlineData(123450, "$1,234.50")]
    [InlineData(1999, "$19.99")]
    [InlineData(5, "$0.05")]
    [InlineData(0, "$0.00")]
    [InlineData(100_000_000, "$1,000,000.00")]
    [InlineData(-2200, "-$22.00")]
    public void FormatCentsTheAustralianWay(long cents, string expected) => Aud.Format(cents).ShouldBe(expected);

    [Fact]
    public void ShowAGstInclusivePriceAsDollars() => new GstInclusive(4400).ToString().ShouldBe("$44.00");
}
