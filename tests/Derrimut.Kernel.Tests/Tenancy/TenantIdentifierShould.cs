namespace Derrimut.Kernel.Tests.Tenancy;

public sealed class TenantIdentifierShould
{
    [Theory]
    [InlineData("st-albans")]
    [InlineData("sunshine-west-2")]
    [InlineData("a")]
    [InlineData("3000")]
    [InlineData("x1")]
    public void AcceptLowercaseDnsLabels(string identifier)
    {
        TenantIdentifier.Validate(identifier).ShouldBeNull();
    }

    [Fact]
    public void AcceptALabelOfExactlyTheMaximumLength()
    {
        TenantIdentifier.Validate(new string('a', TenantIdentifier.MaxLength)).ShouldBeNull();
    }

    [Fact]
    public void RejectALabelLongerThan63Characters()
    {
        TenantIdentifier.Validate(new string('a', 64)).ShouldNotBeNull().ShouldContain("at most 63");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequireAValue(string? identifier)
    {
        TenantIdentifier.Validate(identifier).ShouldNotBeNull().ShouldContain("required");
    }

    [Theory]
    [InlineData("St-Albans")]
    [InlineData("ST")]
    [InlineData("-st-albans")]
    [InlineData("st-albans-")]
    [InlineData("-")]
    [InlineData("st_albans")]
    [InlineData("st.albans")]
    [InlineData("st albans")]
    [InlineData("café")]
    public void RejectUppercaseEdgeHyphensAndOtherCharacters(string identifier)
    {
        TenantIdentifier.Validate(identifier).ShouldNotBeNull().ShouldContain("lowercase letters, digits and hyphens");
    }

    [Theory]
    [InlineData("st--albans")]
    [InlineData("xn--80ak6aa92e")]
    public void RejectTwoHyphensInARow(string identifier)
    {
        TenantIdentifier.Validate(identifier).ShouldNotBeNull().ShouldContain("two hyphens");
    }

    [Theory]
    [InlineData("www")]
    [InlineData("api")]
    [InlineData("auth")]
    [InlineData("admin")]
    [InlineData("static")]
    public void RejectTheDocumentedReservedLabels(string identifier)
    {
        TenantIdentifier.Validate(identifier).ShouldNotBeNull().ShouldContain("reserved");
    }

    [Fact]
    public void RejectEveryReservedLabel()
    {
        TenantIdentifier.Reserved.ShouldNotBeEmpty();
        TenantIdentifier.Reserved.Where(label => TenantIdentifier.Validate(label) is null).ShouldBeEmpty();
    }

    [Fact]
    public void ReserveEveryPlatformLabel()
    {
        // A platform label that were not reserved could be taken by a gym and then be unreachable on its subdomain.
        TenantIdentifier.PlatformLabels.Except(TenantIdentifier.Reserved).ShouldBeEmpty();
    }
}
