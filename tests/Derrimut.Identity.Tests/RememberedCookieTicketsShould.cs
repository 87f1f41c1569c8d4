using System.Security.Claims;
using Derrimut.Identity.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Identity.Tests;

/// <summary>
/// The memory of decrypted sign-in cookies (decision 0078): only the very cookie that was decrypted is answered, with a
/// copy of what decrypting it gave, for a minute; purposes and failures are never remembered.
/// </summary>
public sealed class RememberedCookieTicketsShould
{
    private const string Cookie = "CfDJ8-protected-cookie-text";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private RememberedCookieTickets Memory(TimeSpan? lifetime = null) => new(_time, lifetime ?? TimeSpan.FromMinutes(1));

    private static AuthenticationTicket MemberTicket(string name = "member@st-albans")
    {
        var identity = new ClaimsIdentity("Identity.Application");
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        var properties = new AuthenticationProperties { IssuedUtc = new DateTimeOffset(2026, 12, 5, 8, 59, 0, TimeSpan.Zero) };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Identity.Application");
    }

    [Fact]
    public void AnswerTheSameCookieForAMinuteAndThenDecryptItAgain()
    {
        var inner = new CountingFormat(MemberTicket());
        var format = new RememberedTicketDataFormat(inner, Memory());

        format.Unprotect(Cookie).ShouldNotBeNull();
        _time.Advance(TimeSpan.FromSeconds(59));
        format.Unprotect(Cookie)!.Principal.Identity!.Name.ShouldBe("member@st-albans");
        inner.Unprotected.ShouldBe(1, "the second read came from memory");

        _time.Advance(TimeSpan.FromSeconds(1));
        format.Unprotect(Cookie).ShouldNotBeNull();
        inner.Unprotected.ShouldBe(2, "a minute later the cookie is decrypted again");
    }

    [Fact]
    public void AnswerOnlyTheExactCookieThatWasDecrypted()
    {
        var inner = new CountingFormat(MemberTicket());
        var format = new RememberedTicketDataFormat(inner, Memory());
        format.Unprotect(Cookie);

        format.Unprotect(Cookie + "x");
        format.Unprotect(Cookie.ToUpperInvariant());

        inner.Unprotected.ShouldBe(3, "any other text is decrypted (and judged) by Data Protection");
    }

    [Fact]
    public void HandOutACopySoChangesToOneRequestsTicketNeverReachTheNext()
    {
        var format = new RememberedTicketDataFormat(new CountingFormat(MemberTicket()), Memory());
        var first = format.Unprotect(Cookie)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("location_role", "admin"));
        first.Properties.IssuedUtc = null;

        var second = format.Unprotect(Cookie)!;
        var third = format.Unprotect(Cookie)!;

        second.Principal.HasClaim("location_role", "admin").ShouldBeFalse();
        second.Properties.IssuedUtc.ShouldNotBeNull();
        ((ClaimsIdentity)second.Principal.Identity!).AddClaim(new Claim("location_role", "admin"));
        third.Principal.HasClaim("location_role", "admin").ShouldBeFalse();
    }

    [Fact]
    public void NeverRememberAFailedDecryptionAPurposeOrAnythingWhenTurnedOff()
    {
        var failing = new CountingFormat(null);
        var format = new RememberedTicketDataFormat(failing, Memory());
        format.Unprotect(Cookie).ShouldBeNull();
        format.Unprotect(Cookie).ShouldBeNull();
        failing.Unprotected.ShouldBe(2, "a cookie that did not decrypt is tried again, never remembered as valid");

        var inner = new CountingFormat(MemberTicket());
        var withPurpose = new RememberedTicketDataFormat(inner, Memory());
        withPurpose.Unprotect(Cookie, "tls-binding");
        withPurpose.Unprotect(Cookie, "tls-binding");
        inner.Unprotected.ShouldBe(2);

        var off = Memory(TimeSpan.Zero);
        var offInner = new CountingFormat(MemberTicket());
        var turnedOff = new RememberedTicketDataFormat(offInner, off);
        turnedOff.Unprotect(Cookie);
        turnedOff.Unprotect(Cookie);
        offInner.Unprotected.ShouldBe(2);
        off.Count.ShouldBe(0);
    }

    [Fact]
    public void StayBoundedAndSweepExpiredCookiesWhenFull()
    {
        var memory = Memory();
        for (var i = 0; i < RememberedCookieTickets.Capacity; i++)
        {
            memory.Remember($"{Cookie}-{i}", MemberTicket());
        }

        memory.Remember("one-too-many", MemberTicket());
        memory.Count.ShouldBe(RememberedCookieTickets.Capacity, "full of live cookies: the new one is simply decrypted next time");
        memory.Recall("one-too-many").ShouldBeNull();

        _time.Advance(TimeSpan.FromMinutes(1));
        memory.Remember("after-a-minute", MemberTicket());
        memory.Count.ShouldBe(1, "the expired ones were swept");
        memory.Recall("after-a-minute").ShouldNotBeNull();
    }

    [Fact]
    public void ProtectThroughTheInnerFormatUnchanged()
    {
        var inner = new CountingFormat(MemberTicket());
        var format = new RememberedTicketDataFormat(inner, Memory());

        format.Protect(MemberTicket()).ShouldBe("protected");
        format.Protect(MemberTicket(), "purpose").ShouldBe("protected:purpose");
    }

    /// <summary>Stands in for Data Protection: counts decryptions and returns a fresh ticket each time.</summary>
    private sealed class CountingFormat(AuthenticationTicket? ticket) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => "protected";

        public string Protect(AuthenticationTicket data, string? purpose) => $"protected:{purpose}";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return ticket?.Clone();
        }
    }
}
