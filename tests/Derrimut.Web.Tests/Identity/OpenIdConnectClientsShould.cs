using System.Security.Claims;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// Standard OpenID Connect clients work unmodified (decision 0061): a certified relying-party library
/// (Duende.IdentityModel.OidcClient) discovers each site, signs in with code + PKCE, refreshes, and gets client
/// credentials, with its own validation rules on — issuer of the discovery document and of the identity token,
/// audience, PKCE, endpoints under the authority. Three rules the library leaves to its optional companion
/// packages (not served here) are applied by the test as a relying party must: the identity token's signature, issuer,
/// audience and lifetime (<see cref="StandardIdentityTokenValidator"/>, Microsoft.IdentityModel's handler), the nonce
/// echoed in it, and RFC 9207's <c>iss</c> in the authorization response (<see cref="SignedInBrowser"/>).
/// </summary>
public abstract class OpenIdConnectClientsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    private static string Site(string label) => $"http://{label}.{D}/";

    private OidcClient ClientAt(string label, HttpClient browser) => ClientAt(label, new SignedInBrowser(browser));

    private OidcClient ClientAt(string label, SignedInBrowser browser) => new(new OidcClientOptions
    {
        Authority = Site(label),
        ClientId = TestTokens.MemberApp,
        Scope = "openid profile email offline_access",
        RedirectUri = TestTokens.Redirect,
        Browser = browser,
        IdentityTokenValidator = new StandardIdentityTokenValidator(),
        BackchannelHandler = App.Server.CreateHandler(),
        // No user-info endpoint: the identity token carries what the app asked for.
        LoadProfile = false,
        // The test server speaks plain HTTP; every other discovery rule (issuer name, endpoints under it) stays on.
        Policy = new Policy { Discovery = new DiscoveryPolicy { RequireHttps = false }, RequireIdentityTokenSignature = true },
    });

    [Theory]
    [InlineData("st-albans")]
    [InlineData("werribee")]
    [InlineData("admin")]
    public async Task PublishADiscoveryDocumentNamingTheSiteItIsServedAt(string label)
    {
        var discovery = await new HttpClient(App.Server.CreateHandler()).GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = Site(label),
            Policy = new DiscoveryPolicy { RequireHttps = false },
        });
        discovery.IsError.ShouldBeFalse(discovery.Error);
        discovery.Issuer.ShouldBe(Site(label));
        discovery.AuthorizeEndpoint.ShouldBe($"{Site(label)}connect/authorize");
        discovery.TokenEndpoint.ShouldBe($"{Site(label)}connect/token");
        discovery.Json!.Value.GetProperty("authorization_response_iss_parameter_supported").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task PublishNoDiscoveryOrKeysAtAFranchiseSiteWhereNobodySignsIn()
    {
        var franchise = App.ClientFor("derrimut-group");
        (await franchise.GetAsync("/.well-known/openid-configuration")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await franchise.GetAsync("/.well-known/jwks")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A location and the platform site keep theirs.
        foreach (var label in new[] { "st-albans", "admin" })
        {
            var site = App.ClientFor(label);
            (await site.GetAsync("/.well-known/openid-configuration")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await site.GetAsync("/.well-known/jwks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task NeverEchoAHostItDoesNotServe()
    {
        var discovery = await App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        discovery.GetProperty("issuer").GetString().ShouldBe(Site("st-albans"));
        var foreign = App.CreateClient(new() { BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false });
        ((int)(await foreign.GetAsync("/.well-known/openid-configuration")).StatusCode).ShouldBe(421);
    }

    [Fact]
    public async Task SignInRefreshAndCallTheApiAtALocationThroughAStandardClient()
    {
        var browser = new SignedInBrowser(await App.SignedInAsync($"member@st-albans.{D}", "st-albans"));
        var client = ClientAt("st-albans", browser);

        // This library relies on PKCE and sends no nonce by itself; an app that also wants one sends it, and the
        // identity token must echo it (OpenID Connect Core §3.1.2.1).
        var nonce = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var login = await client.LoginAsync(new LoginRequest { FrontChannelExtraParameters = new Parameters { { "nonce", nonce } } });
        login.IsError.ShouldBeFalse(login.Error + " " + login.ErrorDescription);
        var identity = Payload(login.IdentityToken);
        identity.GetProperty("iss").GetString().ShouldBe(Site("st-albans"));
        identity.GetProperty("aud").ToString().ShouldContain(TestTokens.MemberApp);
        browser.Nonce.ShouldBe(nonce);
        identity.GetProperty("nonce").GetString().ShouldBe(nonce);
        login.User.FindFirst("name")!.Value.ShouldNotBeNullOrWhiteSpace();
        (await App.BearerClient("st-albans", login.AccessToken).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);
        refreshed.IsError.ShouldBeFalse(refreshed.Error + " " + refreshed.ErrorDescription);
        (await App.BearerClient("st-albans", refreshed.AccessToken).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Accepted only at the site that issued it: another gym and the platform site both refuse it as not theirs.
        (await App.BearerClient("werribee", refreshed.AccessToken).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.BearerClient("admin", refreshed.AccessToken).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // ...and its refresh token renews nothing elsewhere.
        (await App.RefreshAsync("werribee", refreshed.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseADiscoveryDocumentOrTokenFromAnotherSite()
    {
        // A relying party configured for werribee that is handed st-albans' metadata must refuse it: the issuers differ.
        var discovery = await new HttpClient(App.Server.CreateHandler()).GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = Site("st-albans"),
            Policy = new DiscoveryPolicy { RequireHttps = false, Authority = Site("werribee") },
        });
        discovery.IsError.ShouldBeTrue();
    }

    [Fact]
    public async Task GiveASuperadminAPlatformTokenThatOpensPlatformEndpointsOnly()
    {
        var browser = await App.SignedInAsync($"superadmin@{D}", "admin");
        var client = ClientAt("admin", browser);
        var login = await client.LoginAsync(new LoginRequest());
        login.IsError.ShouldBeFalse(login.Error + " " + login.ErrorDescription);
        Payload(login.IdentityToken).GetProperty("iss").GetString().ShouldBe(Site("admin"));

        var platform = App.BearerClient("admin", login.AccessToken);
        (await platform.GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await platform.GetAsync("/api/platform/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Not at a gym (not its issuer), and not moved to one by the header either.
        (await App.BearerClient("st-albans", login.AccessToken).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var named = App.BearerClient("admin", login.AccessToken);
        named.DefaultRequestHeaders.Add("X-Tenant", "st-albans");
        (await named.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);
        refreshed.IsError.ShouldBeFalse(refreshed.Error + " " + refreshed.ErrorDescription);
        (await App.BearerClient("admin", refreshed.AccessToken).GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefuseToAuthorizeSomeoneWhoIsNotASuperadminAtThePlatformSite()
    {
        var browser = await App.SignedInAsync($"admin@st-albans.{D}", "admin");
        var login = await ClientAt("admin", browser).LoginAsync(new LoginRequest());
        login.IsError.ShouldBeTrue();
        login.Error.ShouldBe("access_denied");
    }

    [Fact]
    public async Task GiveAPlatformIntegrationClientPlatformPermissionsOnlyAndOnlyThere()
    {
        var superadmin = await App.SignedInAsync($"superadmin@{D}", "admin");
        await ProblemAssert.NamesFieldAsync(await superadmin.PostAsJsonAsync("/api/platform/clients",
            new { name = "Bad", permissions = new[] { "manage:organization_users" } }), "permissions[0]");
        var created = await superadmin.PostAsJsonAsync("/api/platform/clients", new { name = "Franchise onboarding", permissions = new[] { "manage:all_organizations" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = body.GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;

        var backchannel = new HttpClient(App.Server.CreateHandler());
        var token = await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = $"{Site("admin")}connect/token",
            ClientId = clientId,
            ClientSecret = secret,
        });
        token.IsError.ShouldBeFalse(token.Error + " " + token.ErrorDescription);
        Payload(token.AccessToken!).GetProperty("iss").GetString().ShouldBe(Site("admin"));

        var platform = App.BearerClient("admin", token.AccessToken!);
        (await platform.GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await platform.GetAsync("/api/platform/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.BearerClient("st-albans", token.AccessToken!).GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The same client at a gym's site gets nothing: it belongs to no gym.
        var atGym = await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = $"{Site("st-albans")}connect/token",
            ClientId = clientId,
            ClientSecret = secret,
        });
        atGym.Error.ShouldBe("unauthorized_client");

        (await superadmin.DeleteAsync($"/api/platform/clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await App.BearerClient("admin", token.AccessToken!).GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static JsonElement Payload(string jwt) => JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[1])).RootElement;

    /// <summary>
    /// OpenID Connect Core §3.1.3.7 for the identity token: signed by a key of the discovered key set, issued by the
    /// discovered issuer, for this client, not expired.
    /// </summary>
    private sealed class StandardIdentityTokenValidator : IIdentityTokenValidator
    {
        public async Task<IdentityTokenValidationResult> ValidateAsync(string identityToken, OidcClientOptions options, CancellationToken cancellationToken = default)
        {
            var keys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(options.ProviderInformation.KeySet.RawData).GetSigningKeys();
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(identityToken, new TokenValidationParameters
            {
                ValidIssuer = options.ProviderInformation.IssuerName,
                ValidAudience = options.ClientId,
                IssuerSigningKeys = keys,
                RequireSignedTokens = true,
                ValidateLifetime = true,
                ClockSkew = options.ClockSkew,
                NameClaimType = "name",
            });
            return result.IsValid
                ? new IdentityTokenValidationResult { User = new ClaimsPrincipal(result.ClaimsIdentity), SignatureAlgorithm = ((JsonWebToken)result.SecurityToken).Alg }
                : new IdentityTokenValidationResult { Error = "invalid_identity_token", ErrorDescription = result.Exception?.Message };
        }
    }

    /// <summary>
    /// The "browser": the signed-in test client follows the authorize request to the redirect and hands the callback
    /// back, after checking RFC 9207's <c>iss</c> against the site's issuer (mix-up defence).
    /// </summary>
    private sealed class SignedInBrowser(HttpClient signedIn) : IBrowser
    {
        /// <summary>The nonce the client sent in its last authorization request.</summary>
        public string? Nonce { get; private set; }

        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            Nonce = QueryHelpers.ParseQuery(new Uri(options.StartUrl).Query).TryGetValue("nonce", out var nonce) ? nonce.ToString() : null;
            QueryHelpers.ParseQuery(new Uri(options.StartUrl).Query)["code_challenge_method"].ToString().ShouldBe("S256");
            var response = await signedIn.GetAsync(options.StartUrl, cancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(cancellationToken));
            var callback = response.Headers.Location!;
            callback.GetLeftPart(UriPartial.Path).ShouldBe(options.EndUrl);
            var issuer = QueryHelpers.ParseQuery(callback.Query)["iss"].ToString();
            issuer.ShouldBe(new Uri(options.StartUrl).GetLeftPart(UriPartial.Authority) + "/", "iss in the authorization response names the site asked");
            return new BrowserResult { ResultType = BrowserResultType.Success, Response = callback.ToString() };
        }
    }
}

public sealed class OpenIdConnectClientsOnSqliteShould(SqliteDemoAppFixture fixture) : OpenIdConnectClientsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class OpenIdConnectClientsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : OpenIdConnectClientsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
