namespace Derrimut.Web.Tests.Account;

/// <summary>
/// The gym admin's people, permissions and integrations pages as the server renders them: refused to members and
/// trainers (and to another gym's admin), served to the gym's admins with the gym's own data, and linked only for them.
/// </summary>
public abstract class AdminPagesShould(AccountFixture fixture)
{
    private const string D = AccountFixture.Domain;
    private static readonly string[] Pages = ["/admin/people", "/admin/permissions", "/admin/integrations"];

    private async Task<Browser> SignedInAsync(string email, string location) => new(await fixture.SignedInClientAsync(email, location));

    [Theory]
    [InlineData("member@st-albans")]
    [InlineData("trainer@st-albans")]
    public async Task RefuseThePagesToMembersAndTrainers(string who)
    {
        var person = await SignedInAsync($"{who}.{D}", "st-albans");
        foreach (var path in Pages)
        {
            var page = await person.GetAsync(path);
            page.Location!.AbsolutePath.ShouldBe("/account/access-denied", path);
        }

        var home = await person.GetAsync("/");
        foreach (var path in Pages)
        {
            home.Html.ShouldNotContain($"href=\"{path}\"");
        }
    }

    [Fact]
    public async Task RefuseThePagesToAnotherGymsAdmin()
    {
        var admin = await SignedInAsync($"admin@werribee.{D}", "werribee");
        foreach (var path in Pages)
        {
            (await admin.GetAsync(SignedInClients.At("st-albans", path).ToString())).Location!.AbsolutePath.ShouldBe("/account/access-denied", path);
        }
    }

    [Fact]
    public async Task SendAnonymousVisitorsToSignIn()
    {
        foreach (var path in Pages)
        {
            var page = await fixture.BrowserAt("st-albans").GetAsync(path);
            page.Location!.PathAndQuery.ShouldBe($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", path);
        }
    }

    [Fact]
    public async Task ShowAnAdminTheGymsOwnPeopleWithRolesAndStatus()
    {
        var admin = await SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var page = await admin.GetAsync("/admin/people");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("People at Derrimut 24:7 Gym St Albans");
        page.Text.ShouldContain("Mia Member");
        page.Text.ShouldContain("Tara Trainer");
        page.Text.ShouldContain($"trainer@st-albans.{D}");
        page.Html.ShouldContain("data-role=\"trainer\"");
        page.Html.ShouldContain("data-status=\"active\"");
        page.Text.ShouldContain("Invite someone");
        // Werribee's people are not St Albans's: the tenant filter keeps them out.
        page.Text.ShouldNotContain("Wes Member");
        page.Text.ShouldNotContain("Liam O'Brien");
    }

    [Fact]
    public async Task ShowAnAdminTheGrantsMatrixAndTheIntegrationsPage()
    {
        var admin = await SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var permissions = await admin.GetAsync("/admin/permissions");
        permissions.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        permissions.Html.ShouldContain("data-role=\"trainer\" data-permission=\"view:own_schedule\" data-granted=\"true\"");
        permissions.Html.ShouldContain("data-role=\"member\" data-permission=\"manage:organization_users\" data-granted=\"false\"");
        permissions.Html.ShouldContain("data-role=\"admin\" data-permission=\"manage:organization_users\" data-granted=\"true\"");
        permissions.Text.ShouldContain("Invite staff, assign roles, deactivate people and change grants at this gym.");

        var integrations = await admin.GetAsync("/admin/integrations");
        integrations.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        integrations.Text.ShouldContain("Add an integration");
    }

    [Fact]
    public async Task LinkThePagesForAdminsFromTheNavigationAndTheAdminArea()
    {
        var admin = await SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var area = await admin.GetAsync("/admin");
        foreach (var path in Pages)
        {
            area.Html.ShouldContain($"href=\"{path}\"");
        }

        area.Html.ShouldContain("href=\"/scalar\"");
        area.Text.ShouldNotContain("GET /api/identity/users");
    }

    [Fact]
    public async Task LetAFranchiseAdminUseThePagesAtTheFranchisesGymsOnly()
    {
        var franchiseAdmin = await SignedInAsync($"franchise-admin@{D}", "st-albans");
        var people = await franchiseAdmin.GetAsync("/admin/people");
        people.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        people.Text.ShouldContain("Mia Member");

        var onTheFranchiseSite = await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/admin/people").ToString());
        onTheFranchiseSite.Text.ShouldContain("Manage people on each gym's own site");

        (await franchiseAdmin.GetAsync(SignedInClients.At("coburg", "/admin/people").ToString())).Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }
}

public sealed class AdminPagesOnSqliteShould(SqliteAccountFixture fixture) : AdminPagesShould(fixture), IClassFixture<SqliteAccountFixture>;

public sealed class AdminPagesOnPostgreSqlShould(PostgresAccountFixture fixture) : AdminPagesShould(fixture), IClassFixture<PostgresAccountFixture>;
