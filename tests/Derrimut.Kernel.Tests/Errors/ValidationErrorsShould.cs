using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Kernel.Tests.Errors;

public sealed class ValidationErrorsShould
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequireANonBlankValue(string? value)
    {
        var errors = new ValidationErrors().Required(value, "name", 10);

        var (field, messages) = errors.ToDictionary().ShouldHaveSingleItem();
        field.ShouldBe("name");
        messages.ShouldBe(["This field is required."]);
    }

    [Fact]
    public void RejectARequiredValueLongerThanTheLimit()
    {
        var errors = new ValidationErrors().Required("Derrimut 24:7 Gym", "name", 10);

        errors.ToDictionary()["name"].ShouldBe(["This field must be at most 10 characters."]);
    }

    [Fact]
    public void AcceptARequiredValueOfExactlyTheLimit()
    {
        new ValidationErrors().Required("1234567890", "name", 10).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void AcceptAMissingOptionalValue()
    {
        new ValidationErrors().MaxLength(null, "phone", 5).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void LimitAnOptionalValuesLength()
    {
        var errors = new ValidationErrors().MaxLength("123456", "phone", 5).MaxLength("12345", "fax", 5);

        var (field, messages) = errors.ToDictionary().ShouldHaveSingleItem();
        field.ShouldBe("phone");
        messages.ShouldBe(["This field must be at most 5 characters."]);
    }

    [Fact]
    public void KeepEveryMessageForAFieldInOrder()
    {
        var errors = new ValidationErrors()
            .Add("address.postcode", "Postcode must be four digits.")
            .AddIf(false, "address.postcode", "Never added.")
            .AddIf(true, "address.postcode", "Postcode is not in VIC.");

        errors.ToDictionary()["address.postcode"].ShouldBe(["Postcode must be four digits.", "Postcode is not in VIC."]);
    }

    [Fact]
    public void NotThrowWhenNothingFailed()
    {
        var errors = new ValidationErrors().Required("St Albans", "name", 100).MaxLength("0399999999", "phone", 20);

        errors.IsEmpty.ShouldBeTrue();
        Should.NotThrow(errors.ThrowIfAny);
    }

    [Fact]
    public void ThrowEveryFailedFieldAtOnce()
    {
        var errors = new ValidationErrors().Required(null, "name", 100).MaxLength("0399999999", "phone", 5);

        var exception = Should.Throw<ValidationException>(errors.ThrowIfAny);

        exception.Errors.Keys.ShouldBe(["name", "phone"], ignoreOrder: true);
        exception.Message.ShouldContain("name");
        exception.Message.ShouldContain("phone");
    }

    [Fact]
    public void TreatFieldNamesCaseSensitively()
    {
        // Field names are the JSON names the client sent; "Name" and "name" are different members.
        var errors = new ValidationErrors().Add("name", "a").Add("Name", "b");

        errors.ToDictionary().Count.ShouldBe(2);
    }
}
