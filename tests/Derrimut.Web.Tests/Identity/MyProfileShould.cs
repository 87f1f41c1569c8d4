using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>Members and staff edit their own profile (<c>GET/PUT /api/me/profile</c>, the <c>/profile</c> page's handlers).</summary>
public abstract class MyProfileShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task SaveTheNamePhoneAndEmergencyContactAndReadThemBack()
    {
        var member = await fixture.App.SignedInAsync($"member2@st-albans.{D}", "st-albans");

        var saved = await member.PutAsJsonAsync("/api/me/profile", new
        {
            displayName = "Mia Member",
            phone = "0412 345 678",
            photoUrl = "https://example.com.au/mia.jpg",
            emergencyContactName = "Sam Member",
            emergencyContactPhone = "(03) 9000 1234",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var profile = await member.GetFromJsonAsync<JsonElement>("/api/me/profile");
        profile.GetProperty("displayName").GetString().ShouldBe("Mia Member");
        profile.GetProperty("phone").GetString().ShouldBe("0412 345 678");
        profile.GetProperty("emergencyContactPhone").GetString().ShouldBe("(03) 9000 1234");
        profile.GetProperty("email").GetString().ShouldBe($"member2@st-albans.{D}");
    }

    [Theory]
    [InlineData("displayName", "")]
    [InlineData("phone", "call me")]
    [InlineData("photoUrl", "ftp://example.com/me.jpg")]
    [InlineData("emergencyContactPhone", "")]
    public async Task RefuseABadFieldAndNameIt(string field, string value)
    {
        var member = await fixture.App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var body = new Dictionary<string, string?>
        {
            ["displayName"] = "Max Member", ["phone"] = "0412 345 678", ["photoUrl"] = null,
            ["emergencyContactName"] = "Sam", ["emergencyContactPhone"] = "0400 000 000",
        };
        body[field] = value;

        await ProblemAssert.NamesFieldAsync(await member.PutAsJsonAsync("/api/me/profile", body), field);
    }

    [Fact]
    public async Task RefuseSomeoneWhoIsNotSignedIn() =>
        (await fixture.App.ClientFor("st-albans").GetAsync("/api/me/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
}

public sealed class MyProfileOnSqliteShould(SqliteDemoAppFixture fixture) : MyProfileShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class MyProfileOnPostgreSqlShould(PostgresDemoAppFixture fixture) : MyProfileShould(fixture), IClassFixture<PostgresDemoAppFixture>;
