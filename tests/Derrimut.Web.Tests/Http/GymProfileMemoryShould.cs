using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Http;

/// <summary>
/// A gym's public profile is remembered between requests (decision 0079) and an edit by the gym's admin shows on the
/// public profile at once, at that gym only.
/// </summary>
public abstract class GymProfileMemoryShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task ShowAnAdminsEditOnTheRememberedPublicProfileAtOnceAndOnlyAtThatGym()
    {
        static async Task<JsonElement> PublicProfileAsync(HttpClient site) => await site.GetFromJsonAsync<JsonElement>("/api/organizations/current");
        var werribeeSite = App.ClientFor("werribee");
        var stAlbansSite = App.ClientFor("st-albans");
        var before = await PublicProfileAsync(werribeeSite);
        var stAlbansBefore = (await PublicProfileAsync(stAlbansSite)).GetRawText();
        (await PublicProfileAsync(werribeeSite)).GetRawText().ShouldBe(before.GetRawText(), "remembered: the same answer");

        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var newPhone = before.GetProperty("phone").GetString() == "(03) 9000 1234" ? "(03) 9000 4321" : "(03) 9000 1234";
        (await admin.PutAsJsonAsync("/api/organizations/current", await EditAsync(admin, "phone", newPhone))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await PublicProfileAsync(werribeeSite)).GetProperty("phone").GetString().ShouldBe(newPhone);
        (await PublicProfileAsync(stAlbansSite)).GetRawText().ShouldBe(stAlbansBefore, "another gym's profile is untouched");

        // Put it back, through the same path, and see that at once too.
        var oldPhone = before.GetProperty("phone").GetString();
        (await admin.PutAsJsonAsync("/api/organizations/current", await EditAsync(admin, "phone", oldPhone))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PublicProfileAsync(werribeeSite)).GetRawText().ShouldBe(before.GetRawText());
    }

    /// <summary>The gym's editable profile with one field changed, as the admin page sends it.</summary>
    private static async Task<Dictionary<string, object?>> EditAsync(HttpClient admin, string field, object? value)
    {
        var editable = await admin.GetFromJsonAsync<JsonElement>("/api/organizations/current/profile");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(editable.GetProperty("profile").GetRawText())!;
        var request = new Dictionary<string, object?>
        {
            ["name"] = body["name"], ["address"] = body["address"], ["phone"] = body["phone"], ["email"] = body["email"],
            ["isOpen24x7"] = body["isOpen24x7"], ["openingHours"] = body["openingHours"], ["amenities"] = body["amenities"],
            ["photoUrl"] = body.TryGetValue("photoUrl", out var photo) ? photo : null, ["version"] = editable.GetProperty("version").GetInt64(),
        };
        request[field] = value;
        return request;
    }
}

public sealed class GymProfileMemoryOnSqliteShould(SqliteDemoAppFixture fixture) : GymProfileMemoryShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class GymProfileMemoryOnPostgreSqlShould(PostgresDemoAppFixture fixture) : GymProfileMemoryShould(fixture), IClassFixture<PostgresDemoAppFixture>;
