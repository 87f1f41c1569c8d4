using System.Security.Claims;
using Derrimut.Identity.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Tests;

/// <summary>
/// The memory of validated integration tokens (decisions 0051 and 0077): what a door controller's token may skip, for
/// how long, and what ends it.
/// </summary>
public sealed class IntegrationTokenEntriesShould
{
    private const string StAlbans = "https://st-albans.derrimut.test/";
    private const string Werribee = "https://werribee.derrimut.test/";
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.door.signature";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private IntegrationTokenEntries Entries(TimeSpan? recheck = null) => new(_time, recheck ?? TimeSpan.FromSeconds(5));

    private AuthenticationTicket DoorTicket(string tokenId = "token-1", TimeSpan? lifetime = null)
    {
        var identity = new ClaimsIdentity("OpenIddict.Validation.AspNetCore");
        identity.AddClaim(new Claim(Claims.Subject, "door-client"));
        identity.AddClaim(new Claim(Claims.ClientId, "door-client"));
        var principal = new ClaimsPrincipal(identity)
            .SetTokenId(tokenId)
            .SetExpirationDate(_time.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(30)));
        return new AuthenticationTicket(principal, "OpenIddict.Validation.AspNetCore");
    }

    [Fact]
    public void RecallAClientsTicketOnlyWhileTheTokenStoresAnswerIsRemembered()
    {
        var entries = Entries();
        entries.RememberValid("token-1");
        entries.RememberTicket(StAlbans, Token, DoorTicket());

        _time.Advance(TimeSpan.FromSeconds(4));
        entries.Recall(StAlbans, Token).ShouldNotBeNull();

        // The ticket rests on the token store's answer: once that is 5 s old the next call asks the store again.
        _time.Advance(TimeSpan.FromSeconds(1));
        entries.Recall(StAlbans, Token).ShouldBeNull();
    }

    [Fact]
    public void NeverRecallATicketAtAnotherSite()
    {
        var entries = Entries();
        entries.RememberValid("token-1");
        entries.RememberTicket(StAlbans, Token, DoorTicket());

        entries.Recall(Werribee, Token).ShouldBeNull("a token is valid only at the site that issued it (decision 0061)");
        entries.Recall(StAlbans, Token + "x").ShouldBeNull();
    }

    [Fact]
    public void ForgetEveryTicketWhenAClientOrTokenIsRevokedHere()
    {
        var entries = Entries();
        entries.RememberValid("token-1");
        entries.RememberTicket(StAlbans, Token, DoorTicket());

        entries.ForgetAll();

        entries.Recall(StAlbans, Token).ShouldBeNull();
    }

    [Fact]
    public void NotRecallATokenPastItsExpiry()
    {
        var entries = Entries(TimeSpan.FromMinutes(10));
        entries.RememberValid("token-1");
        entries.RememberTicket(StAlbans, Token, DoorTicket(lifetime: TimeSpan.FromSeconds(3)));

        entries.Recall(StAlbans, Token).ShouldNotBeNull();
        _time.Advance(TimeSpan.FromSeconds(3));
        entries.Recall(StAlbans, Token).ShouldBeNull();
    }

    [Fact]
    public void RememberNothingThatTheTokenStoreHasNotJustVouchedFor()
    {
        var entries = Entries();
        entries.RememberTicket(StAlbans, Token, DoorTicket());
        entries.Recall(StAlbans, Token).ShouldBeNull("no remembered token-store answer backs it");

        var off = Entries(TimeSpan.Zero);
        off.RememberValid("token-1");
        off.RememberTicket(StAlbans, Token, DoorTicket());
        off.Recall(StAlbans, Token).ShouldBeNull("Identity:IntegrationTokenRecheck = 0 turns the memory off");
    }

    [Fact]
    public void NeverRememberAPersonsToken()
    {
        var entries = Entries();
        var identity = new ClaimsIdentity("OpenIddict.Validation.AspNetCore");
        identity.AddClaim(new Claim(Claims.Subject, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(Claims.ClientId, "derrimut-member-app"));
        var person = new ClaimsPrincipal(identity).SetTokenId("token-2").SetExpirationDate(_time.GetUtcNow().AddMinutes(30));
        entries.RememberValid("token-2");

        entries.RememberTicket(StAlbans, Token, new AuthenticationTicket(person, "OpenIddict.Validation.AspNetCore"));

        entries.Recall(StAlbans, Token).ShouldBeNull("a person's token is validated on every call");
    }

    [Fact]
    public void HandOutACopySoNothingAddedToOneCallReachesTheNext()
    {
        var entries = Entries();
        entries.RememberValid("token-1");
        entries.RememberTicket(StAlbans, Token, DoorTicket());

        var first = entries.Recall(StAlbans, Token)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added-by-a-call", "1"));

        entries.Recall(StAlbans, Token)!.Principal.HasClaim(c => c.Type == "added-by-a-call").ShouldBeFalse();
    }
}
