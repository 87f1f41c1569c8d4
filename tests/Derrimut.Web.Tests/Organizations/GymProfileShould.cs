using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Organizations;

/// <summary>
/// A gym's admins edit its profile (<c>PUT /api/organizations/current</c>, the <c>/admin/gym</c> page's handler):
/// the public site shows the change at once, a stale version is refused with 409, bad input names its field, the
/// change is audited, and nobody edits another gym's profile.
/// </summary>
public abstract class GymProfileShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private static async Task<JsonElement> ProfileAsync(HttpClient client, string host)
    {
        var response = await client.GetAsync(SignedInClients.At(host, "/api/organizations/current/profile"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The profile as read, with <paramref name="change"/> applied, as the body of a PUT.</summary>
    private static Dictionary<string, object?> Edit(JsonElement read, Action<Dictionary<string, object?>>? change = null)
    {
        var profile = read.GetProperty("profile");
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = profile.GetProperty("name").GetString(),
            ["address"] = profile.GetProperty("address"),
            ["phone"] = profile.GetProperty("phone"),
            ["email"] = profile.GetProperty("email"),
            ["isOpen24x7"] = profile.GetProperty("isOpen24x7").GetBoolean(),
            ["openingHours"] = profile.GetProperty("openingHours"),
            ["amenities"] = profile.GetProperty("amenities"),
            ["abn"] = read.GetProperty("abn"),
            ["version"] = read.GetProperty("version").GetInt64(),
        };
        change?.Invoke(body);
        return body;
    }

    private static object[] Hours(string weekdayOpens) =>
        [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new { day = d, opens = weekdayOpens, closes = "21:00" }),
         new { day = "saturday", opens = "08:00", closes = "16:00" }];

    [Fact]
    public async Task ShowTheNewHoursOnThePublicSiteAtOnceAndAuditTheChange()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var before = await ProfileAsync(admin, "st-albans");

        var saved = await admin.PutAsJsonAsync(SignedInClients.At("st-albans", "/api/organizations/current"),
            Edit(before, b => { b["openingHours"] = Hours("05:15"); b["phone"] = "03 9000 1234"; }));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("version").GetInt64().ShouldBeGreaterThan(before.GetProperty("version").GetInt64());
        var publicProfile = await fixture.App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>("/api/organizations/current");
        publicProfile.GetProperty("openingHours")[0].GetProperty("opens").GetString().ShouldBe("05:15");
        publicProfile.GetProperty("phone").GetString().ShouldBe("03 9000 1234");
        var changes = await admin.GetFromJsonAsync<JsonElement>(SignedInClients.At("st-albans", "/api/organizations/current/changes"));
        changes[0].GetProperty("detail").GetString()!.ShouldContain("openingHours");
        changes[0].GetProperty("detail").GetString()!.ShouldContain("phone");
    }

    [Fact]
    public async Task RefuseAStaleVersionWithAConflict()
    {
        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var read = await ProfileAsync(admin, "werribee");
        var first = await admin.PutAsJsonAsync(SignedInClients.At("werribee", "/api/organizations/current"), Edit(read, b => b["openingHours"] = Hours("06:30")));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        var stale = await admin.PutAsJsonAsync(SignedInClients.At("werribee", "/api/organizations/current"), Edit(read, b => b["openingHours"] = Hours("07:00")));

        await ProblemAssert.IsAsync(stale, HttpStatusCode.Conflict, "conflict");
        var publicProfile = await fixture.App.ClientFor("werribee").GetFromJsonAsync<JsonElement>("/api/organizations/current");
        publicProfile.GetProperty("openingHours")[0].GetProperty("opens").GetString().ShouldBe("06:30");
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("abn", "12 345 678 901")]
    [InlineData("email", "not-an-email")]
    [InlineData("photoUrl", "http://example.com/gym.jpg")]
    [InlineData("amenities", "jacuzzi")]
    [InlineData("openingHours", "25:00")]
    [InlineData("address.postcode", "2000")]
    public async Task RefuseABadFieldAndNameIt(string field, string value)
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var read = await ProfileAsync(admin, "st-albans");
        var body = Edit(read, b =>
        {
            switch (field)
            {
                case "amenities": b["amenities"] = new[] { value }; break;
                case "openingHours": b["openingHours"] = new[] { new { day = "monday", opens = value, closes = "21:00" } }; break;
                case "address.postcode": b["address"] = new { street = "1 Test St", suburb = "St Albans", state = "VIC", postcode = value }; break;
                default: b[field] = value; break;
            }
        });

        var response = await admin.PutAsJsonAsync(SignedInClients.At("st-albans", "/api/organizations/current"), body);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.StartsWith(field, StringComparison.Ordinal), problem.ToString());
        (await ProfileAsync(admin, "st-albans")).GetProperty("version").GetInt64().ShouldBe(read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task LetOnlyThisGymsAdminsEditIt()
    {
        var stAlbansAdmin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var werribeeAdmin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var read = await ProfileAsync(werribeeAdmin, "werribee");

        (await stAlbansAdmin.PutAsJsonAsync(SignedInClients.At("werribee", "/api/organizations/current"), Edit(read))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stAlbansAdmin.GetAsync(SignedInClients.At("werribee", "/api/organizations/current/profile"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.GetAsync(SignedInClients.At("st-albans", "/api/organizations/current/profile"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.App.ClientFor("st-albans").PutAsJsonAsync("/api/organizations/current", Edit(read))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LetAFranchiseAdminEditTheFranchiseAndSeeItsLocations()
    {
        var franchiseAdmin = await fixture.App.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        var franchise = await ProfileAsync(franchiseAdmin, "derrimut-group");
        franchise.GetProperty("kind").GetString().ShouldBe("franchise");
        franchise.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("identifier").GetString()).ShouldContain("st-albans");
        franchise.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("identifier").GetString()).ShouldNotContain("coburg");

        var saved = await franchiseAdmin.PutAsJsonAsync(SignedInClients.At("derrimut-group", "/api/organizations/current"),
            Edit(franchise, b => b["email"] = "head-office@derrimut.example"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        // And any of its locations, on the location's own site.
        var location = await ProfileAsync(franchiseAdmin, "st-albans");
        var atLocation = await franchiseAdmin.PutAsJsonAsync(SignedInClients.At("st-albans", "/api/organizations/current"), Edit(location, b => b["email"] = "st-albans@derrimut.example"));
        atLocation.StatusCode.ShouldBe(HttpStatusCode.OK, await atLocation.Content.ReadAsStringAsync());
        (await franchiseAdmin.GetAsync(SignedInClients.At("coburg", "/api/organizations/current/profile"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class GymProfileOnSqliteShould(SqliteDemoAppFixture fixture) : GymProfileShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class GymProfileOnPostgreSqlShould(PostgresDemoAppFixture fixture) : GymProfileShould(fixture), IClassFixture<PostgresDemoAppFixture>;
