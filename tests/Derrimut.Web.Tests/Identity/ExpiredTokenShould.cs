namespace Derrimut.Web.Tests.Identity;

/// <summary>An access token past its lifetime is refused with 401.</summary>
public sealed class ExpiredTokenShould
{
    [Fact]
    public async Task RefuseAnExpiredAccessTokenWith401()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = "00:00:02" });
        await app.StartAsync(demoData: true);
        var tokens = await app.AuthorizationCodeAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans", scope: "openid");
        var api = app.BearerClient("st-albans", tokens.GetProperty("access_token").GetString()!);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
