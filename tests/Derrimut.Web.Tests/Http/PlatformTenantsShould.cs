using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Derrimut.Web.Tests.Http;

/// <summary>The platform console's tenant API: validation, conflicts, concurrency, filters.</summary>
public abstract class PlatformTenantsShould(AppFixture fixture)
{
    private DerrimutWebFactory App => fixture.App;

    private static string NewIdentifier(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static Dictionary<string, object?> Body(string identifier, Guid franchiseId, Action<Dictionary<string, object?>>? change = null)
    {
        var json = JsonSerializer.SerializeToElement(TenantBuilder.LocationBody(identifier, franchiseId));
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        change?.Invoke(body);
        return body;
    }

    [Fact]
    public async Task CreateALocationUnderItsFranchiseAndReadItBack()
    {
        var platform = App.PlatformClient();
        var identifier = NewIdentifier("create");
        var created = await TenantBuilder.CreateLocationAsync(platform, identifier, fixture.FranchiseA.Id);
        created.FranchiseId.ShouldBe(fixture.FranchiseA.Id);

        var read = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants/{created.Id}");
        read.GetProperty("state").GetString().ShouldBe("active");
        read.GetProperty("profile").GetProperty("amenities").EnumerateArray().Select(a => a.GetString()).ShouldBe(["sauna", "free-weights"]);
    }

    [Theory]
    [InlineData("identifier", "admin")]
    [InlineData("identifier", "Upper-Case")]
    [InlineData("identifier", "-leading")]
    [InlineData("address.state", "XYZ")]
    [InlineData("address.postcode", "30")]
    [InlineData("address.postcode", "2000")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("currency", "USD")]
    [InlineData("email", "not-an-email")]
    [InlineData("name", "")]
    public async Task RefuseAnInvalidFieldAndNameIt(string field, string value)
    {
        var body = Body(NewIdentifier("bad"), fixture.FranchiseA.Id, b =>
        {
            if (field.StartsWith("address.", StringComparison.Ordinal))
            {
                var address = new Dictionary<string, string> { ["street"] = "1 Test St", ["suburb"] = "Footscray", ["state"] = "VIC", ["postcode"] = "3011" };
                address[field["address.".Length..]] = value;
                b["address"] = address;
            }
            else
            {
                b[field] = value;
            }
        });
        var response = await App.PlatformClient().PostAsJsonAsync("/api/platform/tenants", body);
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task RefuseBadOpeningHoursAndUnknownAmenitiesNamingTheEntry()
    {
        var body = Body(NewIdentifier("hours"), fixture.FranchiseA.Id, b =>
        {
            b["openingHours"] = new[] { new { day = "monday", opens = "22:00", closes = "06:00" }, new { day = "funday", opens = "06:00", closes = "07:00" } };
            b["amenities"] = new[] { "sauna", "helipad" };
        });
        var json = await ProblemAssert.NamesFieldAsync(await App.PlatformClient().PostAsJsonAsync("/api/platform/tenants", body), "openingHours[0].closes");
        json.GetProperty("errors").TryGetProperty("openingHours[1].day", out _).ShouldBeTrue();
        json.GetProperty("errors").TryGetProperty("amenities[1]", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task RefuseALocationWithoutAFranchiseOrUnderAnUnknownOne()
    {
        var platform = App.PlatformClient();
        await ProblemAssert.NamesFieldAsync(await platform.PostAsJsonAsync("/api/platform/tenants", Body(NewIdentifier("orphan"), Guid.Empty, b => b.Remove("franchiseId"))), "franchiseId");
        await ProblemAssert.NamesFieldAsync(await platform.PostAsJsonAsync("/api/platform/tenants", Body(NewIdentifier("orphan"), Guid.NewGuid())), "franchiseId");
        await ProblemAssert.NamesFieldAsync(await platform.PostAsJsonAsync("/api/platform/tenants", Body(NewIdentifier("orphan"), fixture.A1.Id)), "franchiseId");
    }

    [Fact]
    public async Task AnswerMalformedJsonWithA400NamingThePlace()
    {
        var platform = App.PlatformClient();
        using var broken = new StringContent("{\"kind\": \"location\", \"name\": ", Encoding.UTF8, "application/json");
        await ProblemAssert.IsAsync(await platform.PostAsync("/api/platform/tenants", broken), HttpStatusCode.BadRequest, "malformed-request");

        using var wrongType = new StringContent($"{{\"kind\":\"location\",\"identifier\":\"x1\",\"name\":\"X\",\"franchiseId\":\"{fixture.FranchiseA.Id}\",\"isOpen24x7\":\"sometimes\"}}", Encoding.UTF8, "application/json");
        await ProblemAssert.NamesFieldAsync(await platform.PostAsync("/api/platform/tenants", wrongType), "isOpen24x7", "malformed-request");

        using var notJson = new StringContent("kind=location", Encoding.UTF8, "text/plain");
        var response = await platform.PostAsync("/api/platform/tenants", notJson);
        ((int)response.StatusCode).ShouldBe(415);
    }

    [Fact]
    public async Task RefuseAnOversizedBodyWith413()
    {
        var huge = new string('x', (int)Derrimut.BuildingBlocks.DerrimutKernel.MaxRequestBodyBytes + 10);
        using var content = new StringContent($"{{\"name\":\"{huge}\"}}", Encoding.UTF8, "application/json");
        await ProblemAssert.IsAsync(await App.PlatformClient().PostAsync("/api/platform/tenants", content), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task RefuseATakenIdentifierWith409()
    {
        var platform = App.PlatformClient();
        var response = await platform.PostAsJsonAsync("/api/platform/tenants", Body(fixture.A1.Identifier, fixture.FranchiseB.Id));
        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("field").GetString().ShouldBe("identifier");
    }

    [Fact]
    public async Task LetTheDatabaseDecideARaceForOneIdentifier()
    {
        var identifier = NewIdentifier("race");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            App.PlatformClient().PostAsJsonAsync("/api/platform/tenants", Body(identifier, fixture.FranchiseA.Id))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var page = await App.PlatformClient().GetFromJsonAsync<JsonElement>($"/api/platform/tenants?search={identifier}");
        page.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task RefuseAStaleUpdateWith409AndKeepTheWinningEdit()
    {
        var platform = App.PlatformClient();
        var location = await TenantBuilder.CreateLocationAsync(platform, NewIdentifier("stale"), fixture.FranchiseA.Id);
        var read = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants/{location.Id}");
        var version = read.GetProperty("version").GetInt64();

        var first = TenantResolutionShould.WithVersion(Body(location.Identifier, fixture.FranchiseA.Id, b => b["name"] = "First edit"), version);
        var second = TenantResolutionShould.WithVersion(Body(location.Identifier, fixture.FranchiseA.Id, b => b["name"] = "Second edit"), version);
        (await platform.PutAsJsonAsync($"/api/platform/tenants/{location.Id}", first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ProblemAssert.IsAsync(await platform.PutAsJsonAsync($"/api/platform/tenants/{location.Id}", second), HttpStatusCode.Conflict, "conflict");

        var after = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants/{location.Id}");
        after.GetProperty("name").GetString().ShouldBe("First edit");
        after.GetProperty("version").GetInt64().ShouldBe(version + 1);
    }

    [Fact]
    public async Task FilterAndPageTheTenantList()
    {
        var platform = App.PlatformClient();
        var page = await platform.GetFromJsonAsync<JsonElement>($"/api/platform/tenants?kind=location&franchiseId={fixture.FranchiseB.Id}&pageSize=1&page=1");
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        page.GetProperty("items")[0].GetProperty("franchiseId").GetGuid().ShouldBe(fixture.FranchiseB.Id);

        await ProblemAssert.NamesFieldAsync(await platform.GetAsync("/api/platform/tenants?kind=gym"), "kind");
        await ProblemAssert.NamesFieldAsync(await platform.GetAsync("/api/platform/tenants?pageSize=1000"), "pageSize");
        await ProblemAssert.NamesFieldAsync(await platform.GetAsync("/api/platform/tenants?state=closed"), "state");
        var wrongType = await platform.GetAsync("/api/platform/tenants?page=abc");
        ((int)wrongType.StatusCode).ShouldBe(400);
        wrongType.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AnswerUnknownTenantIdsWith404()
    {
        var platform = App.PlatformClient();
        await ProblemAssert.IsAsync(await platform.GetAsync($"/api/platform/tenants/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(await platform.PostAsync($"/api/platform/tenants/{Guid.NewGuid()}/suspend", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task SeedTheDemoTenantsIdempotently()
    {
        await App.Services.PrepareDemoAsync();
        await App.Services.PrepareDemoAsync();
        var page = await App.PlatformClient().GetFromJsonAsync<JsonElement>("/api/platform/tenants?pageSize=200");
        var identifiers = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("identifier").GetString()).ToList();
        foreach (var expected in new[] { "derrimut-group", "derrimut", "st-albans", "sunshine-west", "werribee", "northside", "coburg" })
        {
            identifiers.Count(i => i == expected).ShouldBe(1, expected);
        }

        var stAlbans = await App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>("/api/organizations/current");
        stAlbans.GetProperty("address").GetProperty("suburb").GetString().ShouldBe("St Albans");
        stAlbans.GetProperty("address").GetProperty("state").GetString().ShouldBe("VIC");
    }
}

public sealed class PlatformTenantsOnSqliteShould(SqliteAppFixture fixture) : PlatformTenantsShould(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PlatformTenantsOnPostgreSqlShould(PostgresAppFixture fixture) : PlatformTenantsShould(fixture), IClassFixture<PostgresAppFixture>;

internal static class DemoSeeding
{
    public static Task PrepareDemoAsync(this IServiceProvider services) =>
        Derrimut.Hosting.DatabasePreparation.PrepareDatabaseAsync(services, includeDemoData: true, maxParallelism: 2);
}
