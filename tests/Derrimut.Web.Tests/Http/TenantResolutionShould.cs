using System.Text.Json;

namespace Derrimut.Web.Tests.Http;

/// <summary>Subdomain and header resolution, scope checks and tenant states, over HTTP.</summary>
public abstract class TenantResolutionShould(AppFixture fixture)
{
    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task ServeTheLocationProfileOnItsSubdomain()
    {
        var response = await App.ClientFor(fixture.A1.Identifier).GetAsync("/api/organizations/current");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("identifier").GetString().ShouldBe(fixture.A1.Identifier);
        body.GetProperty("kind").GetString().ShouldBe("location");
        body.GetProperty("timeZone").GetString().ShouldBe("Australia/Melbourne");
        body.GetProperty("isOpen24x7").GetBoolean().ShouldBeTrue();
        body.GetProperty("address").GetProperty("postcode").GetString().ShouldBe("3011");
    }

    [Fact]
    public async Task RefuseToPickATenantFromTheHeaderForACallWithoutABearerToken()
    {
        // A browser signed in by cookie must get its gym from the address bar, never from a header a page could set.
        var client = App.ClientFor(null);
        client.DefaultRequestHeaders.Add("X-Tenant", fixture.B2.Identifier);
        var response = await client.GetAsync("/api/organizations/current");
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "tenant-header-needs-bearer");
    }

    [Fact]
    public async Task ResolveTheTenantFromTheHeaderForABearerCallWhereTheHostNamesNone()
    {
        // Resolution runs before authentication; the token itself is then judged against this tenant (TokensShould).
        var client = App.ClientFor(null);
        client.DefaultRequestHeaders.Add("X-Tenant", fixture.B2.Identifier);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-checked-for-an-anonymous-endpoint");
        var response = await client.GetAsync("/api/organizations/current");
        response.StatusCode.ShouldNotBe(HttpStatusCode.BadRequest);
        response.StatusCode.ShouldNotBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("derrimut.localhost.evil.example")]
    public async Task RefuseAForeignHostBeforeAnyPageOrEndpoint(string host)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });

        await ProblemAssert.IsAsync(await client.GetAsync("/api/organizations/current"), HttpStatusCode.MisdirectedRequest, "foreign-host");
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
        (await client.PostAsync("/connect/token", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
        // Probes from a load balancer use the node's own address: health still answers there.
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AcceptAHeaderThatNamesTheSameTenantAsTheHost()
    {
        var client = App.ClientFor(fixture.A1.Identifier);
        client.DefaultRequestHeaders.Add("X-Tenant", fixture.A1.Identifier.ToUpperInvariant());
        (await client.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefuseAHeaderThatContradictsTheHost()
    {
        var client = App.ClientFor(fixture.A1.Identifier);
        client.DefaultRequestHeaders.Add("X-Tenant", fixture.B1.Identifier);
        var response = await client.GetAsync("/api/organizations/current");
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "conflicting-tenant");
    }

    [Theory]
    [InlineData("no-such-gym")]
    [InlineData("a.b")]
    [InlineData("api")]
    public async Task AnswerUnknownHostsWithA404Problem(string label)
    {
        var response = await App.ClientFor(label).GetAsync("/api/organizations/current");
        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "unknown-tenant");
    }

    [Fact]
    public async Task AnswerAnUnknownHeaderTenantWithA404Problem()
    {
        var client = App.ClientFor(null);
        client.DefaultRequestHeaders.Add("X-Tenant", "nobody-here");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any");
        await ProblemAssert.IsAsync(await client.GetAsync("/api/organizations/current"), HttpStatusCode.NotFound, "unknown-tenant");
    }

    [Fact]
    public async Task ServeNoTenantProfileInPlatformScope()
    {
        foreach (var label in new string?[] { null, "admin", "www" })
        {
            var response = await App.ClientFor(label).GetAsync("/api/organizations/current");
            await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "wrong-scope");
        }
    }

    [Fact]
    public async Task ServePlatformEndpointsOnlyInPlatformScope()
    {
        var onLocation = App.ClientFor(fixture.A1.Identifier, platformKey: true);
        await ProblemAssert.IsAsync(await onLocation.GetAsync("/api/platform/tenants"), HttpStatusCode.NotFound, "wrong-scope");
        (await App.PlatformClient().GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequireAuthenticationForPlatformEndpoints()
    {
        (await App.ClientFor("admin").GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrongKey = App.ClientFor("admin");
        wrongKey.DefaultRequestHeaders.Add("X-Platform-Key", "guess");
        (await wrongKey.GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefuseASuspendedLocationAndServeItAgainOnceActivated()
    {
        var platform = App.PlatformClient();
        var location = await TenantBuilder.CreateLocationAsync(platform, $"susp-{Guid.NewGuid():N}"[..12], fixture.FranchiseA.Id);
        var site = App.ClientFor(location.Identifier);
        (await site.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await platform.PostAsync($"/api/platform/tenants/{location.Id}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ProblemAssert.IsAsync(await site.GetAsync("/api/organizations/current"), HttpStatusCode.Forbidden, "tenant-suspended");

        (await platform.PostAsync($"/api/platform/tenants/{location.Id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await site.GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShowBrowsersAPageForAnUnknownOrSuspendedGymAndKeepJsonForTheApi()
    {
        var platform = App.PlatformClient();
        var location = await TenantBuilder.CreateLocationAsync(platform, $"html-{Guid.NewGuid():N}"[..12], fixture.FranchiseA.Id);
        (await platform.PostAsync($"/api/platform/tenants/{location.Id}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var suspended = await BrowserGetAsync(App.ClientFor(location.Identifier), "/");
        suspended.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        suspended.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await suspended.Content.ReadAsStringAsync()).ShouldContain("This gym&#x27;s site is suspended.");

        var unknown = await BrowserGetAsync(App.ClientFor("no-such-gym"), "/member");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("No gym here.");

        // The same browser-like request to the API, and an API client's request to a page, still get problem JSON.
        await ProblemAssert.IsAsync(await BrowserGetAsync(App.ClientFor(location.Identifier), "/api/organizations/current"), HttpStatusCode.Forbidden, "tenant-suspended");
        await ProblemAssert.IsAsync(await App.ClientFor("no-such-gym").GetAsync("/"), HttpStatusCode.NotFound, "unknown-tenant");
    }

    private static Task<HttpResponseMessage> BrowserGetAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client.SendAsync(request);
    }

    [Fact]
    public async Task RefuseALocationThatIsStillProvisioning()
    {
        var location = await TenantBuilder.CreateLocationAsync(App.PlatformClient(), $"prov-{Guid.NewGuid():N}"[..12], fixture.FranchiseA.Id, activate: false);
        await ProblemAssert.IsAsync(await App.ClientFor(location.Identifier).GetAsync("/api/organizations/current"), HttpStatusCode.Forbidden, "tenant-not-open");
    }

    [Fact]
    public async Task ServeTheNewIdentifierAndForgetTheOldOneRightAfterARename()
    {
        var platform = App.PlatformClient();
        var location = await TenantBuilder.CreateLocationAsync(platform, $"old-{Guid.NewGuid():N}"[..12], fixture.FranchiseB.Id);
        (await App.ClientFor(location.Identifier).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var renamed = $"new-{Guid.NewGuid():N}"[..12];
        // Warm the negative cache for the new name too: creation/rename must invalidate it.
        (await App.ClientFor(renamed).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var current = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants/{location.Id}");
        var update = TenantBuilder.LocationBody(renamed, fixture.FranchiseB.Id);
        var response = await platform.PutAsJsonAsync($"/api/platform/tenants/{location.Id}", WithVersion(update, current.GetProperty("version").GetInt64()));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        (await App.ClientFor(location.Identifier).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ClientFor(renamed).GetAsync("/api/organizations/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnswerHealthProbesOnAnyHost()
    {
        (await App.ClientFor("no-such-gym").GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await App.ClientFor(null).GetFromJsonAsync<JsonElement>("/health/ready");
        ready.GetProperty("status").GetString().ShouldBe("Healthy");
        ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task PublishTheOpenApiDocumentAndReferencePage()
    {
        var document = await App.ClientFor(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        document.GetProperty("paths").TryGetProperty("/api/organizations/current", out _).ShouldBeTrue();
        (await App.ClientFor(null).GetAsync("/scalar/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    internal static Dictionary<string, object?> WithVersion(object body, long version)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var result = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        result["version"] = version;
        result.Remove("kind");
        result.Remove("franchiseId");
        result.Remove("activate");
        return result;
    }
}

public sealed class TenantResolutionOnSqliteShould(SqliteAppFixture fixture) : TenantResolutionShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class TenantResolutionOnPostgreSqlShould(PostgresAppFixture fixture) : TenantResolutionShould(fixture), IClassFixture<PostgresAppFixture>;
