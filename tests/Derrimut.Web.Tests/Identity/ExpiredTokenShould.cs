using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

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
        var browser = await app.SignedInAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans");
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string redirect = "http://127.0.0.1:40000/callback";
        var authorize = await browser.GetAsync($"/connect/authorize?client_id=derrimut-app&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256");
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        var token = await app.ClientFor("st-albans").PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["client_id"] = "derrimut-app", ["code_verifier"] = verifier,
        }));
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var api = app.ClientFor("st-albans");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
