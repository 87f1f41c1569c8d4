using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Http;

/// <summary>
/// CSRF: a write that rides the sign-in cookie is refused when the browser says another site started it; the same
/// write from the gym's own pages, from a non-browser client or with a bearer token goes through.
/// </summary>
public sealed class CrossSiteWritesShould(SqliteDemoAppFixture fixture) : IClassFixture<SqliteDemoAppFixture>
{
    private const string Profile = "/api/me/profile";

    private static object Body => new { displayName = "Mia Member", phone = "0412 345 678" };

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://derrimut.localhost.evil.example")]
    public async Task RefuseACookieWriteThatAnotherSiteStarted(string header, string value)
    {
        var browser = await fixture.App.SignedInAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans");
        using var request = new HttpRequestMessage(HttpMethod.Put, Profile) { Content = JsonContent.Create(Body) };
        request.Headers.TryAddWithoutValidation(header, value);

        await ProblemAssert.IsAsync(await browser.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://st-albans.derrimut.localhost")]
    public async Task LetTheGymsOwnPagesAndNonBrowserClientsWrite(string? header, string? value)
    {
        var browser = await fixture.App.SignedInAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans");
        using var request = new HttpRequestMessage(HttpMethod.Put, Profile) { Content = JsonContent.Create(Body) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        (await browser.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LeaveReadsAndCookielessCallsAlone()
    {
        var browser = await fixture.App.SignedInAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans");
        using var read = new HttpRequestMessage(HttpMethod.Get, Profile);
        read.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        (await browser.SendAsync(read, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var anonymous = fixture.App.ClientFor("st-albans");
        using var write = new HttpRequestMessage(HttpMethod.Put, Profile) { Content = JsonContent.Create(Body) };
        write.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        (await anonymous.SendAsync(write, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
