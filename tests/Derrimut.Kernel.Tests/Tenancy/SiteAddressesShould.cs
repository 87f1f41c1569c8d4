using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.Extensions.Options;

namespace Derrimut.Kernel.Tests.Tenancy;

public sealed class SiteAddressesShould
{
    private static SiteAddresses For(TenantInfo? tenant, string scheme = "https", int? port = null)
    {
        var current = new CurrentTenant();
        current.Set(tenant);
        return new SiteAddresses(Options.Create(new TenancyOptions { RootDomain = "derrimut.com.au", PublicScheme = scheme, PublicPort = port }), current);
    }

    [Fact]
    public void BuildALocationsAddressFromConfiguration() =>
        For(null).ForTenant("st-albans", "/member/bookings").ToString().ShouldBe("https://st-albans.derrimut.com.au/member/bookings");

    [Fact]
    public void AddTheConfiguredPortAndSchemeAndALeadingSlash() =>
        For(null, "http", 5000).ForTenant("werribee", "account/login?x=1").ToString().ShouldBe("http://werribee.derrimut.com.au:5000/account/login?x=1");

    [Fact]
    public void BuildThePlatformsAddressOnItsAdminHost() =>
        For(null).ForPlatform("/platform").ToString().ShouldBe("https://admin.derrimut.com.au/platform");

    [Fact]
    public void BuildTheCurrentSiteFromTheScopesTenant()
    {
        For(Tenants.Location("coburg")).ForCurrentSite("/").ToString().ShouldBe("https://coburg.derrimut.com.au/");
        For(null).ForCurrentSite("/").ToString().ShouldBe("https://admin.derrimut.com.au/");
    }

    [Theory]
    [InlineData("evil.example.com/x?")]
    [InlineData("st-albans.derrimut.com.au@evil")]
    [InlineData("")]
    public void RefuseAnIdentifierThatIsNotASubdomainLabel(string identifier) =>
        Should.Throw<ArgumentException>(() => For(null).ForTenant(identifier));
}
