namespace Derrimut.Web.Tests.Account;

/// <summary>The test's authenticator must agree with RFC 6238's own test vectors, or the 2FA tests prove nothing.</summary>
public sealed class TotpShould
{
    /// <summary>The RFC's SHA-1 secret "12345678901234567890" in base32.</summary>
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void ComputeTheRfc6238Codes(long unixSeconds, string expected) =>
        Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);
}
