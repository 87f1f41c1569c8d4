using Derrimut.BuildingBlocks.Errors;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Tests;

public sealed class AustralianAddressRulesShould
{
    [Theory]
    [InlineData("VIC", "3021")] // St Albans
    [InlineData("vic", "3030")] // Werribee, state in any case
    [InlineData("NSW", "2000")]
    [InlineData("ACT", "2600")]
    [InlineData("NT", "0800")]
    public void AcceptAPostcodeOfItsState(string state, string postcode) =>
        Validate(new AddressDto("1 Main Road", "Somewhere", state, postcode)).ShouldBeEmpty();

    [Fact]
    public void RefuseAPostcodeOfAnotherState() =>
        Validate(new AddressDto("1 Main Road", "St Albans", "VIC", "2000"))
            ["address.postcode"].ShouldBe(["2000 is not a VIC postcode."]);

    [Theory]
    [InlineData("302")]
    [InlineData("30211")]
    [InlineData("3O21")]
    public void RefuseAPostcodeThatIsNotFourDigits(string postcode) =>
        Validate(new AddressDto("1 Main Road", "St Albans", "VIC", postcode)).ShouldContainKey("address.postcode");

    [Fact]
    public void NameTheStreetSuburbAndStateThatAreMissing()
    {
        var errors = Validate(new AddressDto("", "", "Victoria", "3021"));

        errors.Keys.ShouldBe(["address.street", "address.suburb", "address.state"], ignoreOrder: true);
    }

    [Fact]
    public void AskALocationForItsAddress() =>
        Validate(null).ShouldContainKey("address");

    [Fact]
    public void StoreTheStateInCapitalsAndTrimmed()
    {
        var entity = AustralianAddressRules.ToEntity(new AddressDto(" 1 Main Road ", " St Albans ", " vic ", " 3021 "));

        (entity.Street, entity.Suburb, entity.State, entity.Postcode).ShouldBe(("1 Main Road", "St Albans", "VIC", "3021"));
    }

    private static IReadOnlyDictionary<string, string[]> Validate(AddressDto? address)
    {
        var errors = new ValidationErrors();
        AustralianAddressRules.Validate(address, errors, "address");
        return errors.ToDictionary();
    }
}
