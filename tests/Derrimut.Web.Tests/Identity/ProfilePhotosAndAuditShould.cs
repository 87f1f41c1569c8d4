using System.Net.Http.Headers;
using System.Text.Json;
using Derrimut.Identity.Domain;
using SkiaSharp;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// People's profiles (<c>/api/me/profile</c>, the <c>/profile</c> page's handlers): an uploaded photo stored by
/// Identity and served by the app to the person and to their gym's staff (through the contract the member view
/// reads), never to another gym; every edit audited in <c>identity.profile_audit_entries</c>.
/// </summary>
public abstract class ProfilePhotosAndAuditShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    internal static ByteArrayContent Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var content = new ByteArrayContent(data.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private async Task<Guid> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();

    [Fact]
    public async Task StoreAnUploadedPhotoAsASquareJpegAndServeItToThePersonAndTheirGymsStaffOnly()
    {
        var member = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");
        var memberId = await UserIdAsync(member);

        var uploaded = await member.PutAsync("/api/me/profile/photo", Png(1200, 900));

        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var photoUrl = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoUrl").GetString()!;
        photoUrl.ShouldStartWith($"/people/{memberId:D}/photo?v=");

        var own = await member.GetAsync(photoUrl);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using (var stored = SKBitmap.Decode(await own.Content.ReadAsByteArrayAsync()))
        {
            stored.Width.ShouldBe(512);
            stored.Height.ShouldBe(512, "a portrait is cropped square and resized");
        }

        var trainer = await App.SignedInAsync($"trainer@st-albans.{D}", "st-albans");
        (await trainer.GetAsync(photoUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another member of the same gym, and the staff of another gym, see nothing.
        var otherMember = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        (await otherMember.GetAsync(photoUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var werribeeAdmin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        (await werribeeAdmin.GetAsync(photoUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Staff pages of other modules read it through Identity's contract.
        var profile = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(await TenantIdAsync("st-albans"), (sp, ct) =>
            sp.GetRequiredService<Derrimut.Identity.Contracts.IPersonProfiles>().FindAtThisGymAsync(memberId, ct));
        profile.ShouldNotBeNull().PhotoUrl.ShouldBe(photoUrl);
    }

    [Fact]
    public async Task RefuseAFileThatIsNotAnImageNamingTheField()
    {
        var member = await App.SignedInAsync($"member@werribee.{D}", "werribee");
        var text = new ByteArrayContent("not really a picture"u8.ToArray());
        text.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var refused = await member.PutAsync("/api/me/profile/photo", text);

        await ProblemAssert.NamesFieldAsync(refused, "photo");
    }

    [Fact]
    public async Task AuditEveryProfileEditInTheAuditTableNamingTheFieldsNotTheValues()
    {
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var memberId = await UserIdAsync(member);

        var saved = await member.PutAsJsonAsync("/api/me/profile", new
        {
            displayName = "Aisha R.",
            phone = "0412 345 678",
            emergencyContactName = "Omar Rahman",
            emergencyContactPhone = "0498 765 432",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await member.PutAsync("/api/me/profile/photo", Png(64, 64))).EnsureSuccessStatusCode();
        (await member.DeleteAsync("/api/me/profile/photo")).EnsureSuccessStatusCode();

        var entries = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsPlatformAsync((sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<ProfileAuditEntry>().AsNoTracking().Where(e => e.UserId == memberId).ToListAsync(ct));
        var edit = entries.Where(e => e.Action == "profile-updated").ShouldHaveSingleItem();
        edit.ActorId.ShouldBe(memberId);
        edit.Detail.ShouldContain("displayName");
        edit.Detail.ShouldContain("emergencyContact");
        edit.Detail.ShouldNotContain("0412");
        entries.ShouldContain(e => e.Action == "photo-uploaded");
        entries.ShouldContain(e => e.Action == "photo-removed");
        (await member.GetFromJsonAsync<JsonElement>("/api/me/profile")).GetProperty("photoUrl").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task NotLetAPersonShowAnotherPersonsStoredPhotoAsTheirs()
    {
        var owner = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var photoUrl = (await (await owner.PutAsync("/api/me/profile/photo", Png(80, 80))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoUrl").GetString();
        var other = await App.SignedInAsync($"member2@werribee.{D}", "werribee");

        var refused = await other.PutAsJsonAsync("/api/me/profile", new { displayName = "Grace", photoUrl });

        await ProblemAssert.NamesFieldAsync(refused, "photoUrl");
    }

    private async Task<Guid> TenantIdAsync(string identifier) =>
        (await App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(identifier, TestContext.Current.CancellationToken)).ShouldNotBeNull().Id;
}

public sealed class ProfilePhotosAndAuditOnSqliteShould(SqliteDemoAppFixture fixture) : ProfilePhotosAndAuditShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class ProfilePhotosAndAuditOnPostgreSqlShould(PostgresDemoAppFixture fixture) : ProfilePhotosAndAuditShould(fixture), IClassFixture<PostgresDemoAppFixture>;
