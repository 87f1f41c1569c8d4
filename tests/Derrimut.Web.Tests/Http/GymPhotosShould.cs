using System.Text.Json;
using Derrimut.Web.Tests.Identity;
using SkiaSharp;

namespace Derrimut.Web.Tests.Http;

/// <summary>
/// The gym's uploaded photo (<c>/api/organizations/current/photo</c>, the <c>/admin/gym</c> page's handler): stored by
/// Organizations, on the public profile at once, served to anyone on the gym's own site and its franchise's, and
/// nowhere else; audited like any profile change.
/// </summary>
public abstract class GymPhotosShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task PutAnUploadedPhotoOnThePublicSiteAtOnceAndServeItOnlyOnItsOwnChainsSites()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var uploaded = await admin.PutAsync("/api/organizations/current/photo", ProfilePhotosAndAuditShould.Png(2400, 1200));

        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var publicProfile = await App.ClientFor("st-albans").GetFromJsonAsync<JsonElement>("/api/organizations/current");
        var photoUrl = publicProfile.GetProperty("photoUrl").GetString()!;
        photoUrl.ShouldStartWith("/gyms/");

        var served = await App.ClientFor("st-albans").GetAsync(photoUrl);
        served.StatusCode.ShouldBe(HttpStatusCode.OK, "the public site shows it to anyone");
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using (var stored = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
        {
            stored.Width.ShouldBe(1600);
            stored.Height.ShouldBe(800);
        }

        (await App.ClientFor("derrimut-group").GetAsync(photoUrl)).StatusCode.ShouldBe(HttpStatusCode.OK, "its franchise's site lists it");
        (await App.ClientFor("werribee").GetAsync(photoUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another gym's site serves only its own");

        var changes = await admin.GetFromJsonAsync<JsonElement>("/api/organizations/current/changes");
        changes.EnumerateArray().ShouldContain(c => c.GetProperty("action").GetString() == "photo-uploaded");

        // Keeping the stored photo through a profile save works; pointing at another gym's does not.
        var editable = await admin.GetFromJsonAsync<JsonElement>("/api/organizations/current/profile");
        editable.GetProperty("profile").GetProperty("photoUrl").GetString().ShouldBe(photoUrl);
        var werribeeAdmin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var werribee = await werribeeAdmin.GetFromJsonAsync<JsonElement>("/api/organizations/current/profile");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(werribee.GetProperty("profile").GetRawText())!;
        object? Field(string name) => body.TryGetValue(name, out var value) ? value : null;
        var request = new Dictionary<string, object?>
        {
            ["name"] = Field("name"), ["address"] = Field("address"), ["phone"] = Field("phone"), ["email"] = Field("email"),
            ["isOpen24x7"] = Field("isOpen24x7"), ["openingHours"] = Field("openingHours"), ["amenities"] = Field("amenities"),
            ["photoUrl"] = photoUrl, ["version"] = werribee.GetProperty("version").GetInt64(),
        };
        await ProblemAssert.NamesFieldAsync(await werribeeAdmin.PutAsJsonAsync("/api/organizations/current", request), "photoUrl");
    }

    [Fact]
    public async Task RefuseANonImageAndKeepTheUploadFromMembers()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsync("/api/organizations/current/photo", json), "photo");

        var member = await App.SignedInAsync($"member@werribee.{D}", "werribee");
        (await member.PutAsync("/api/organizations/current/photo", ProfilePhotosAndAuditShould.Png(20, 20))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class GymPhotosOnSqliteShould(SqliteDemoAppFixture fixture) : GymPhotosShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class GymPhotosOnPostgreSqlShould(PostgresDemoAppFixture fixture) : GymPhotosShould(fixture), IClassFixture<PostgresDemoAppFixture>;
