using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// Status and kind fields became enums in Identity's and Organizations' contracts; the API still writes the same
/// lowercase strings it always did.
/// </summary>
public abstract class IdentityWireNamesShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task WriteTheKindOfEachPlaceAsBefore()
    {
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var me = await member.GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("tenant").GetProperty("kind").GetString().ShouldBe("location");
        me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ShouldBe(["location"]);

        var profile = await App.CreateClient(new() { BaseAddress = new Uri($"http://st-albans.{D}/") })
            .GetFromJsonAsync<JsonElement>("/api/organizations/current");
        profile.GetProperty("kind").GetString().ShouldBe("location");
    }

    [Fact]
    public async Task WriteEachPersonsStatusAsBefore()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var people = await admin.GetFromJsonAsync<JsonElement>("/api/identity/users?pageSize=200");
        var statuses = people.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("email").GetString()!, p => p.GetProperty("status"));

        statuses[$"member@st-albans.{D}"].GetString().ShouldBe("active");
        statuses.Values.ShouldAllBe(s => s.ValueKind == JsonValueKind.String && (s.GetString() == "active" || s.GetString() == "invited" || s.GetString() == "deactivated"));
    }

    [Fact]
    public async Task WriteTheKindAndStateOfEachSiteAsBefore()
    {
        var platform = App.PlatformClient();
        var page = await platform.GetFromJsonAsync<JsonElement>("/api/platform/tenants?pageSize=200");
        var tenants = page.GetProperty("items").EnumerateArray().ToList();

        tenants.Single(t => t.GetProperty("identifier").GetString() == "derrimut-group").GetProperty("kind").GetString().ShouldBe("franchise");
        var stAlbans = tenants.Single(t => t.GetProperty("identifier").GetString() == "st-albans");
        stAlbans.GetProperty("kind").GetString().ShouldBe("location");
        stAlbans.GetProperty("state").GetString().ShouldBe("active");
        stAlbans.GetProperty("profile").GetProperty("kind").GetString().ShouldBe("location");
    }
}

public sealed class IdentityWireNamesOnSqliteShould(SqliteDemoAppFixture fixture) : IdentityWireNamesShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class IdentityWireNamesOnPostgreSqlShould(PostgresDemoAppFixture fixture) : IdentityWireNamesShould(fixture), IClassFixture<PostgresDemoAppFixture>;
