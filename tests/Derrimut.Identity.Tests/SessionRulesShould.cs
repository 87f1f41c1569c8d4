using Derrimut.Identity.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Identity.Tests;

/// <summary>
/// When a signed-in cookie is handed to Identity's security-stamp validator (decision 0077): exactly when the validator
/// itself would re-check it, so skipping the other calls changes nothing but their cost.
/// </summary>
public sealed class SessionRulesShould
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private SecurityStampValidatorOptions Stamps => new() { ValidationInterval = TimeSpan.FromMinutes(1), TimeProvider = _time };

    [Fact]
    public void LeaveAFreshCookieToItself()
    {
        var cookie = new AuthenticationProperties { IssuedUtc = _time.GetUtcNow() - TimeSpan.FromSeconds(59) };
        Sessions.StampRecheckDue(cookie, Stamps).ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));
        Sessions.StampRecheckDue(cookie, Stamps).ShouldBeFalse("the validator re-checks only once the interval is exceeded");
    }

    [Fact]
    public void HandACookieOlderThanTheIntervalToTheValidator()
    {
        var cookie = new AuthenticationProperties { IssuedUtc = _time.GetUtcNow() };
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1));

        Sessions.StampRecheckDue(cookie, Stamps).ShouldBeTrue();
    }

    [Fact]
    public void HandACookieWithNoIssueTimeToTheValidator() =>
        Sessions.StampRecheckDue(new AuthenticationProperties(), Stamps).ShouldBeTrue();
}
