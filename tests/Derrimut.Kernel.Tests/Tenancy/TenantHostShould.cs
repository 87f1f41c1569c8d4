namespace Derrimut.Kernel.Tests.Tenancy;

public sealed class TenantHostShould
{
    private const string Root = "derrimut.localhost";

    [Theory]
    [InlineData("st-albans.derrimut.localhost", "st-albans")]
    [InlineData("sunshine-west-2.derrimut.localhost", "sunshine-west-2")]
    [InlineData("ST-ALBANS.DERRIMUT.LOCALHOST", "st-albans")]
    [InlineData("St-Albans.derrimut.localhost", "st-albans")]
    [InlineData("st-albans.derrimut.localhost.", "st-albans")]
    public void ReadTheTenantLabelLowercased(string host, string identifier)
    {
        TenantHost.Parse(host, Root).ShouldBe(new HostMatch(HostMatchKind.Tenant, identifier));
    }

    [Fact]
    public void ReadTheTenantLabelUnderAProductionRoot()
    {
        TenantHost.Parse("st-albans.derrimut.com.au", "derrimut.com.au").ShouldBe(new HostMatch(HostMatchKind.Tenant, "st-albans"));
    }

    [Theory]
    [InlineData("derrimut.localhost")]
    [InlineData("DERRIMUT.localhost")]
    [InlineData("derrimut.localhost.")]
    [InlineData("admin.derrimut.localhost")]
    [InlineData("Admin.derrimut.localhost")]
    [InlineData("www.derrimut.localhost")]
    [InlineData("www.derrimut.localhost.")]
    public void TreatTheBareRootAndPlatformLabelsAsPlatform(string host)
    {
        TenantHost.Parse(host, Root).ShouldBe(new HostMatch(HostMatchKind.Platform, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("evilderrimut.localhost")]
    [InlineData("st-albans.evilderrimut.localhost")]
    [InlineData("derrimut.localhost.evil.com")]
    [InlineData("st-albans.derrimut.localhost.evil.com")]
    [InlineData("errimut.localhost")]
    public void TreatHostsNotUnderTheRootAsOutside(string host)
    {
        TenantHost.Parse(host, Root).ShouldBe(new HostMatch(HostMatchKind.Outside, null));
    }

    [Theory]
    [InlineData("a.b.derrimut.localhost", "a.b")]
    [InlineData("www.st-albans.derrimut.localhost", "www.st-albans")]
    [InlineData("api.derrimut.localhost", "api")]
    [InlineData("auth.derrimut.localhost", "auth")]
    [InlineData("static.derrimut.localhost", "static")]
    [InlineData("-x.derrimut.localhost", "-x")]
    [InlineData("x-.derrimut.localhost", "x-")]
    [InlineData("st--albans.derrimut.localhost", "st--albans")]
    [InlineData("st_albans.derrimut.localhost", "st_albans")]
    public void TreatNestedReservedOrMalformedLabelsAsInvalid(string host, string label)
    {
        TenantHost.Parse(host, Root).ShouldBe(new HostMatch(HostMatchKind.Invalid, label));
    }

    [Fact]
    public void TreatALabelLongerThanADnsLabelAsInvalid()
    {
        var host = new string('a', TenantIdentifier.MaxLength + 1) + "." + Root;

        TenantHost.Parse(host, Root).Kind.ShouldBe(HostMatchKind.Invalid);
    }
}
