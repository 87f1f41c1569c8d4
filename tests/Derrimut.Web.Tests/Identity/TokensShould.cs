using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>OpenIddict: code + PKCE for the member app, refresh, revocation, client credentials, tenant binding.</summary>
public abstract class TokensShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Redirect = TestTokens.Redirect;

    private DerrimutWebFactory App => fixture.App;

    private static (string Verifier, string Challenge) Pkce() => TestTokens.Pkce();

    private Task<JsonElement> CodeFlowAsync(string email, string location) => App.AuthorizationCodeAsync(email, location);

    private HttpClient Bearer(string? location, string accessToken) => App.BearerClient(location, accessToken);

    [Fact]
    public async Task PublishTheDiscoveryDocumentAndKeys()
    {
        var discovery = await App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        discovery.GetProperty("authorization_endpoint").GetString()!.ShouldContain("/connect/authorize");
        discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ShouldNotContain("password");
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()).ShouldContain("S256");
        var jwks = await App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        jwks.GetProperty("keys").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task IssueATokenForTheLocationThatWorksThereAndIsRefusedElsewhere()
    {
        var tokens = await CodeFlowAsync($"member@st-albans.{D}", "st-albans");
        var access = tokens.GetProperty("access_token").GetString()!;
        var me = await Bearer("st-albans", access).GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("tenant").GetProperty("identifier").GetString().ShouldBe("st-albans");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);

        // Each site is its own issuer (decision 0061): elsewhere the token is not one of theirs (401), not merely unauthorised.
        (await Bearer("werribee", access).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer("coburg", access).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer("admin", access).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LetABearerCallNameItsGymByHeaderOnThePlatformHostButNeverAnotherGym()
    {
        var access = (await CodeFlowAsync($"member@st-albans.{D}", "st-albans")).GetProperty("access_token").GetString()!;

        var sameGym = Bearer(null, access);
        sameGym.DefaultRequestHeaders.Add("X-Tenant", "st-albans");
        var me = await sameGym.GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("tenant").GetProperty("identifier").GetString().ShouldBe("st-albans");

        // The header moves the call, not the token's rights: the token was issued at st-albans and is worth nothing at
        // werribee, whose issuer it does not carry.
        var otherGym = Bearer(null, access);
        otherGym.DefaultRequestHeaders.Add("X-Tenant", "werribee");
        (await otherGym.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefreshAndThenRefuseARevokedToken()
    {
        var tokens = await CodeFlowAsync($"multi@{D}", "werribee");
        var refresh = await App.RefreshAsync("werribee", tokens.GetProperty("refresh_token").GetString()!);
        refresh.StatusCode.ShouldBe(HttpStatusCode.OK, await refresh.Content.ReadAsStringAsync());
        var renewed = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        (await Bearer("werribee", renewed).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoke = await App.ClientFor("werribee").PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = renewed,
            ["client_id"] = "derrimut-app",
        }));
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Bearer("werribee", renewed).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefuseAForgedOrGarbageToken()
    {
        (await Bearer("st-albans", "not-a-token").GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tokens = await CodeFlowAsync($"member@st-albans.{D}", "st-albans");
        var access = tokens.GetProperty("access_token").GetString()!;
        var tampered = access[..^4] + (access[^4] == 'A' ? "BBBB" : "AAAA");
        (await Bearer("st-albans", tampered).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefuseToAuthorizeAPersonWhoIsNotAMemberHere()
    {
        var browser = await App.SignedInAsync($"member@werribee.{D}", "st-albans");
        var (_, challenge) = Pkce();
        var response = await browser.GetAsync(
            $"/connect/authorize?client_id=derrimut-app&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(Redirect)}&code_challenge={challenge}&code_challenge_method=S256");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.Query.ShouldContain("error=access_denied");
    }

    [Fact]
    public async Task RequirePkceAndRefuseTheClientsUnregisteredRedirects()
    {
        var browser = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var noPkce = await browser.GetAsync($"/connect/authorize?client_id=derrimut-app&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(Redirect)}");
        ((int)noPkce.StatusCode).ShouldBeOneOf(302, 400);
        if (noPkce.StatusCode == HttpStatusCode.Redirect)
        {
            noPkce.Headers.Location!.Query.ShouldContain("error=invalid_request");
        }

        var (_, challenge) = Pkce();
        var evil = await browser.GetAsync($"/connect/authorize?client_id=derrimut-app&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("https://evil.example/callback")}&code_challenge={challenge}&code_challenge_method=S256");
        evil.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseThePasswordGrant()
    {
        var response = await App.ClientFor("st-albans").PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = $"member@st-albans.{D}",
            ["password"] = "Derrimut!2026",
            ["client_id"] = "derrimut-app",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("unsupported_grant_type");
    }

    [Fact]
    public async Task LetAnAdminCreateAnIntegrationClientWhoseTokenWorksOnlyThere()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var created = await admin.PostAsJsonAsync("/api/identity/clients", new { name = "Door access system", permissions = new[] { "manage:organization_users" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId).GetProperty("clientSecret").ValueKind.ShouldBe(JsonValueKind.Null);

        Task<HttpResponseMessage> Token(string location) => App.ClientFor(location).ClientCredentialsAsync(clientId, secret);

        var token = await Token("st-albans");
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        (await Bearer("st-albans", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Bearer("werribee", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // OAuth answers a refused grant at the token endpoint with 400 and an error code, not 403.
        var elsewhere = await Token("werribee");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await elsewhere.Content.ReadAsStringAsync()).ShouldContain("unauthorized_client");

        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/identity/clients", new { name = "Bad", permissions = new[] { "manage:all_organizations" } }), "permissions[0]");
        var otherAdmin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        (await otherAdmin.DeleteAsync($"/api/identity/clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"/api/identity/clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Bearer("st-albans", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIntegrationClientsTokensButEncryptPeoplesAndRefuseARevokedOneOnTheNextCall()
    {
        var person = (await CodeFlowAsync($"member@st-albans.{D}", "st-albans")).GetProperty("access_token").GetString()!;
        person.Split('.').Length.ShouldBe(5, "a person's access token is encrypted (JWE): it carries their e-mail and roles");

        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var created = await (await admin.PostAsJsonAsync("/api/identity/clients", new { name = "Front door", permissions = new[] { "manage:organization_users" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clientId = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        var token = await App.ClientFor("st-albans").ClientCredentialsAsync(clientId, secret);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        access.Split('.').Length.ShouldBe(3, "an integration client's access token is signed only (JWS, decision 0051)");

        // Twice: the second call is answered from the remembered token entry and validated ticket (decisions 0051,
        // 0077); what the token may not do, where it is not valid and revocation must still be refused.
        (await Bearer("st-albans", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Bearer("st-albans", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var call = 0; call < 2; call++)
        {
            (await Bearer("st-albans", access).GetAsync("/api/reports/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the client holds no view:organization_reports");
            (await Bearer("werribee", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "issued at st-albans, worth nothing at werribee");
            (await Bearer("admin", access).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var revoked = await App.ClientFor("st-albans").PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["token"] = access,
            ["token_type_hint"] = "access_token",
        }));
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, await revoked.Content.ReadAsStringAsync());
        (await Bearer("st-albans", access).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class TokensOnSqliteShould(SqliteDemoAppFixture fixture) : TokensShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class TokensOnPostgreSqlShould(PostgresDemoAppFixture fixture) : TokensShould(fixture), IClassFixture<PostgresDemoAppFixture>;
