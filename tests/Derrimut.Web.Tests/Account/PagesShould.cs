namespace Derrimut.Web.Tests.Account;

/// <summary>The public pages and the role areas as the server renders them: content per site, navigation per person, refusals.</summary>
public abstract class PagesShould(AccountFixture fixture)
{
    private const string D = AccountFixture.Domain;

    private async Task<Browser> SignedInAsync(string email, string location)
    {
        var browser = fixture.BrowserAt(location);
        var signedIn = await browser.SubmitAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AccountFixture.DemoPassword,
        });
        signedIn.IsRedirect.ShouldBeTrue(signedIn.Text);
        return browser;
    }

    [Fact]
    public async Task ShowALocationsOwnProfileOnItsHomePage()
    {
        var home = await fixture.BrowserAt("st-albans").GetAsync("/");

        home.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Text.ShouldContain("Derrimut 24:7 Gym St Albans");
        home.Text.ShouldContain("351 Main Road East, St Albans VIC 3021");
        home.Text.ShouldContain("Open 24/7");
        home.Text.ShouldContain("Staffed hours");
        home.Text.ShouldContain("Boxing");
        home.Text.ShouldContain("(03) 9366 2000");
        home.Html.ShouldContain("href=\"/account/register\"");
        home.Html.ShouldContain("href=\"/account/login\"");
        home.Text.ShouldNotContain("Werribee");
    }

    [Fact]
    public async Task ShowEachLocationItsOwnDetails()
    {
        var home = await fixture.BrowserAt("werribee").GetAsync("/");
        home.Text.ShouldContain("Derrimut 24:7 Gym Werribee");
        home.Text.ShouldContain("Pool");
        home.Text.ShouldNotContain("St Albans");
    }

    [Fact]
    public async Task KeepThePlatformHomePageFreeOfAnyGymsDetails()
    {
        foreach (var label in new string?[] { "admin", null })
        {
            var home = await fixture.BrowserAt(label).GetAsync("/");
            home.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            home.Text.ShouldContain("Platform administration");
            home.Html.ShouldContain("/account/login");
            home.Text.ShouldNotContain("St Albans");
            home.Text.ShouldNotContain("Main Road");
            home.Html.ShouldNotContain("/account/register");
        }
    }

    [Fact]
    public async Task OfferSignUpOnlyOnALocationsSite()
    {
        var platform = await fixture.BrowserAt("admin").GetAsync("/account/register");
        platform.Text.ShouldContain("Join at your gym's site");
        platform.HasForm("register").ShouldBeFalse();

        var franchise = await fixture.BrowserAt("derrimut-group").GetAsync("/account/register");
        franchise.HasForm("register").ShouldBeFalse();

        (await fixture.BrowserAt("st-albans").GetAsync("/account/register")).HasForm("register").ShouldBeTrue();
    }

    [Fact]
    public async Task ListOnlyTheAreasAMemberMayUse()
    {
        var member = await SignedInAsync($"member@st-albans.{D}", "st-albans");
        var home = await member.GetAsync("/");
        home.Html.ShouldContain("href=\"/member\"");
        home.Html.ShouldNotContain("href=\"/trainer\"");
        home.Html.ShouldNotContain("href=\"/admin\"");
        home.Text.ShouldNotContain("Platform console");
        home.Text.ShouldContain("Go to my membership");
    }

    [Fact]
    public async Task ListTheTrainerAndAdminAreasToThosePeople()
    {
        var trainer = await (await SignedInAsync($"trainer@st-albans.{D}", "st-albans")).GetAsync("/");
        trainer.Html.ShouldContain("href=\"/trainer\"");
        trainer.Html.ShouldNotContain("href=\"/admin\"");

        var admin = await (await SignedInAsync($"admin@st-albans.{D}", "st-albans")).GetAsync("/");
        admin.Html.ShouldContain("href=\"/admin\"");
        admin.Html.ShouldContain("href=\"/member\"");
    }

    [Fact]
    public async Task RefuseAMemberTheMemberAreaOfAnotherLocation()
    {
        var member = await SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.GetAsync("/member")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var elsewhere = await member.GetAsync(SignedInClients.At("werribee", "/member").ToString());
        elsewhere.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        elsewhere.Location.Host.ShouldBe($"werribee.{D}");
        var denied = await member.FollowAsync(elsewhere);
        denied.Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        denied.Text.ShouldContain("You don't have access to this page");
        denied.Text.ShouldNotContain("Mia Member");

        var home = await member.GetAsync(SignedInClients.At("werribee", "/").ToString());
        home.Html.ShouldNotContain("href=\"/member\"");
    }

    [Fact]
    public async Task RefuseTheTrainerAndAdminAreasToAMember()
    {
        var member = await SignedInAsync($"member@st-albans.{D}", "st-albans");
        foreach (var area in new[] { "/trainer", "/admin" })
        {
            (await member.GetAsync(area)).Location!.AbsolutePath.ShouldBe("/account/access-denied");
        }
    }

    [Fact]
    public async Task LetOnlySuperadminsIntoThePlatformConsole()
    {
        var admin = await SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await admin.GetAsync(SignedInClients.At("admin", "/platform").ToString())).Location!.AbsolutePath.ShouldBe("/account/access-denied");

        var superadmin = await SignedInAsync($"superadmin@{D}", "admin");
        var console = await superadmin.GetAsync("/platform");
        console.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        console.Text.ShouldContain("Franchises and locations");
        console.Text.ShouldContain("Derrimut 24:7 Gym St Albans");
        console.Text.ShouldContain("Northside Fitness Coburg");
        console.Text.ShouldContain("Open a new location");

        var onAGymSite = await superadmin.GetAsync(SignedInClients.At("st-albans", "/platform").ToString());
        onAGymSite.Text.ShouldContain("The platform console is on the platform site");
    }

    [Fact]
    public async Task ShowAnAdminTheirGymsProfileAndTheirPermissions()
    {
        var admin = await SignedInAsync($"admin@werribee.{D}", "werribee");
        // /admin is the dashboard (issue 17); the site's profile and the people pages are one click away at /admin/site.
        var dashboard = await admin.GetAsync("/admin");
        dashboard.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        dashboard.Html.ShouldContain("data-tile=\"activeMembers\"");
        dashboard.Html.ShouldContain("href=\"/admin/site\"");
        var page = await admin.GetAsync("/admin/site");
        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("Derrimut 24:7 Gym Werribee");
        page.Text.ShouldContain("2/100 Synnot Street");
        page.Text.ShouldContain("Invite staff, assign roles, deactivate people and change grants at this gym.");
    }

    [Fact]
    public async Task LetAFranchiseAdminIntoTheAdminAreasOfTheFranchiseOnly()
    {
        var franchiseAdmin = await SignedInAsync($"franchise-admin@{D}", "werribee");
        foreach (var label in new[] { "werribee", "st-albans", "derrimut-group" })
        {
            var page = await franchiseAdmin.GetAsync(SignedInClients.At(label, "/admin").ToString());
            page.Response.StatusCode.ShouldBe(HttpStatusCode.OK, label);
        }

        (await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/admin").ToString())).Text.ShouldContain("Franchise admin");
        (await franchiseAdmin.GetAsync(SignedInClients.At("coburg", "/admin").ToString())).Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task SendAnonymousVisitorsOfEveryAreaToSignIn()
    {
        foreach (var (label, area) in new[] { ("st-albans", "/member"), ("st-albans", "/trainer"), ("st-albans", "/admin"), ("admin", "/platform"), ("st-albans", "/account/manage/2fa") })
        {
            var page = await fixture.BrowserAt(label).GetAsync(area);
            page.Location!.PathAndQuery.ShouldBe($"/account/login?ReturnUrl={Uri.EscapeDataString(area)}", area);
        }
    }

    [Fact]
    public async Task RenderEveryInputOfTheAccountFormsWithALabel()
    {
        var browser = fixture.BrowserAt("st-albans");
        foreach (var path in new[] { "/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation" })
        {
            var page = await browser.GetAsync(path);
            var ids = System.Text.RegularExpressions.Regex.Matches(page.Html, "<input(?![^>]*type=\"hidden\")[^>]*\\bid=\"([^\"]+)\"")
                .Select(m => m.Groups[1].Value).ToList();
            ids.ShouldNotBeEmpty(path);
            foreach (var id in ids)
            {
                page.Html.ShouldContain($"<label for=\"{id}\"", customMessage: $"{path}: input #{id} has no label");
            }
        }
    }
}

public sealed class PagesOnSqliteShould(SqliteAccountFixture fixture) : PagesShould(fixture), IClassFixture<SqliteAccountFixture>;

public sealed class PagesOnPostgreSqlShould(PostgresAccountFixture fixture) : PagesShould(fixture), IClassFixture<PostgresAccountFixture>;
