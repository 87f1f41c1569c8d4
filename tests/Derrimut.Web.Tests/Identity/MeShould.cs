using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary><c>GET /api/me</c> and the per-request membership check.</summary>
public abstract class MeShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task ShowAMembersRolesAndPermissionsAtTheirLocation()
    {
        var client = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("email").GetString().ShouldBe($"member@st-albans.{D}");
        me.GetProperty("tenant").GetProperty("identifier").GetString().ShouldBe("st-albans");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        permissions.ShouldContain("view:own_plans");
        permissions.ShouldNotContain("manage:organization_users");
        me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("identifier").GetString()).ShouldBe(["st-albans"]);
    }

    [Fact]
    public async Task RefuseTheSameCookieAtALocationThePersonDoesNotBelongTo()
    {
        var client = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await client.GetAsync(SignedInClients.At("werribee", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(SignedInClients.At("coburg", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ServeOneLoginAtEveryLocationThePersonBelongsTo()
    {
        var client = await App.SignedInAsync($"multi@{D}", "st-albans");
        foreach (var location in new[] { "st-albans", "werribee" })
        {
            var me = await client.GetFromJsonAsync<JsonElement>(SignedInClients.At(location, "/api/me"));
            me.GetProperty("tenant").GetProperty("identifier").GetString().ShouldBe(location);
            me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
        }

        var memberships = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("memberships");
        memberships.EnumerateArray().Select(m => m.GetProperty("identifier").GetString()).ShouldBe(["st-albans", "werribee"]);
    }

    [Fact]
    public async Task LetAFranchiseAdminActAtEveryLocationOfTheFranchiseButNoOther()
    {
        var client = await App.SignedInAsync($"franchise-admin@{D}", "werribee");
        var me = await client.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/me"));
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldContain("manage:organization_users");
        (await client.GetAsync(SignedInClients.At("st-albans", "/api/identity/users"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(SignedInClients.At("coburg", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnswerAnonymousCallersWith401()
    {
        (await App.ClientFor("st-albans").GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApplyADeactivationOnTheNextRequest()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var email = $"short-stay-{Guid.NewGuid():N}@example.com";
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, roles = new[] { "member" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        var userId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();

        var person = await App.SignedInAsync(email, "werribee");
        (await person.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/identity/users/{userId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await person.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/identity/users/{userId}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await person.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SendTheInvitedPersonALinkToSetTheirPassword()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var email = $"new-trainer-{Guid.NewGuid():N}@example.com";
        (await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = "Nina New", roles = new[] { "trainer" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var mail = Directory.GetFiles(App.MailPickup, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        mail.ShouldContain("/account/reset-password?email=");
        mail.ShouldContain("trainer");
    }

    [Fact]
    public async Task RefuseBadInvitesNamingTheField()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = "not an email", roles = new[] { "member" } }), "email");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = "ok@example.com", roles = new[] { "wizard" } }), "roles[0]");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = new string('a', 300) + "@example.com", roles = new[] { "member" } }), "email");
        var duplicate = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = $"member@st-albans.{D}", roles = new[] { "member" } });
        await ProblemAssert.IsAsync(duplicate, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task LetAnAdminChangeGrantsButNeverLoseTheRightToManagePeople()
    {
        var admin = await App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var trainer = await App.SignedInAsync($"trainer@werribee.{D}", "werribee");
        Permissions(await trainer.GetFromJsonAsync<JsonElement>("/api/me")).ShouldContain("view:clients");

        (await admin.PutAsJsonAsync("/api/identity/grants", new { role = "trainer", permission = "view:clients", granted = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Permissions(await trainer.GetFromJsonAsync<JsonElement>("/api/me")).ShouldNotContain("view:clients");
        // Another location keeps its defaults.
        var stAlbansTrainer = await App.SignedInAsync($"trainer@st-albans.{D}", "st-albans");
        Permissions(await stAlbansTrainer.GetFromJsonAsync<JsonElement>("/api/me")).ShouldContain("view:clients");

        (await admin.PutAsJsonAsync("/api/identity/grants", new { role = "trainer", permission = "view:clients", granted = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Permissions(await trainer.GetFromJsonAsync<JsonElement>("/api/me")).ShouldContain("view:clients");

        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/identity/grants", new { role = "admin", permission = "manage:organization_users", granted = false }), "permission");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/identity/grants", new { role = "trainer", permission = "fly:helicopter", granted = true }), "permission");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/identity/grants", new { role = "owner", permission = "view:clients", granted = true }), "role");
    }

    [Fact]
    public async Task LetASuperadminSearchPeopleAcrossTenants()
    {
        var superadmin = await App.SignedInAsync($"superadmin@{D}", "admin");
        var page = await superadmin.GetFromJsonAsync<JsonElement>("/api/platform/users?search=multi");
        var multi = page.GetProperty("items").EnumerateArray().Single();
        multi.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("identifier").GetString()).ShouldBe(["st-albans", "werribee"]);

        var member = await App.SignedInAsync($"member@st-albans.{D}", "admin");
        (await member.GetAsync("/api/platform/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static List<string?> Permissions(JsonElement me) => me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
}

public sealed class MeOnSqliteShould(SqliteDemoAppFixture fixture) : MeShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class MeOnPostgreSqlShould(PostgresDemoAppFixture fixture) : MeShould(fixture), IClassFixture<PostgresDemoAppFixture>;
