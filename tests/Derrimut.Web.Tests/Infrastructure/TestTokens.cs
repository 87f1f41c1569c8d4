using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// The one way tests get access tokens: the member app's authorization code + PKCE flow from a signed-in browser
/// (as the <c>derrimut-app</c> public client does), client credentials for integrations, refresh, and a client that
/// sends a bearer token. Each goes through the real OpenIddict endpoints of the location's host.
/// </summary>
public static class TestTokens
{
    /// <summary>The member app's registered loopback redirect (any port is allowed).</summary>
    public const string Redirect = "http://127.0.0.1:53123/callback";

    /// <summary>The member app's public client id.</summary>
    public const string MemberApp = "derrimut-app";

    /// <summary>A PKCE verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>
    /// Signs <paramref name="email"/> in at <paramref name="location"/>, authorizes the member app with PKCE (the state
    /// comes back unchanged), redeems the code, and returns the token response (<c>access_token</c>, <c>refresh_token</c>…).
    /// </summary>
    public static async Task<JsonElement> AuthorizationCodeAsync(this DerrimutWebFactory app, string email, string location, string scope = "openid offline_access profile")
    {
        var browser = await app.SignedInAsync(email, location);
        var (verifier, challenge) = Pkce();
        var authorize = await browser.GetAsync(
            $"/connect/authorize?client_id={MemberApp}&response_type=code&scope={Uri.EscapeDataString(scope)}&redirect_uri={Uri.EscapeDataString(Redirect)}" +
            $"&code_challenge={challenge}&code_challenge_method=S256&state=xyz");
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var callback = authorize.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(Redirect);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe("xyz");

        return await TokenAsync(app.ClientFor(location), new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = Redirect,
            ["client_id"] = MemberApp,
            ["code_verifier"] = verifier,
        });
    }

    /// <summary>Exchanges a refresh token of the member app at <paramref name="location"/>.</summary>
    public static Task<HttpResponseMessage> RefreshAsync(this DerrimutWebFactory app, string location, string refreshToken) =>
        app.ClientFor(location).PostAsync("/connect/token", Form(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = MemberApp,
        }));

    /// <summary>Asks for an integration client's token (client credentials); the response is returned as it is.</summary>
    public static Task<HttpResponseMessage> ClientCredentialsAsync(this HttpClient client, string clientId, string clientSecret) =>
        client.PostAsync("/connect/token", Form(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    /// <summary>A client for <paramref name="location"/>'s host that sends <paramref name="accessToken"/> as a bearer token.</summary>
    public static HttpClient BearerClient(this DerrimutWebFactory app, string? location, string accessToken)
    {
        var client = app.ClientFor(location);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> TokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostAsync("/connect/token", Form(form));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);
}
