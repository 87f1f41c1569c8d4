using Derrimut.Identity.Contracts;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The gym's people list (<c>GET /api/identity/users</c>) is counted, filtered by role and paged by the database:
/// with more people than a page, the pages together hold each person once, in name order, and a role filter keeps its
/// total and its pages right whatever other roles a person holds.
/// </summary>
public abstract class PeopleListShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task PageAndFilterByRoleInTheDatabaseWithMorePeopleThanAPage()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var tag = $"pager{Guid.NewGuid():N}"[..13];
        // 23 people: every third a trainer who is also staff (a two-role list), every other fourth a trainer, the rest members.
        var expectedTrainers = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            string[] roles = i % 3 == 0 ? ["staff", "trainer"] : i % 4 == 0 ? ["trainer"] : ["member"];
            var email = $"{tag}-{i:D2}@example.com";
            var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = $"{tag} {i:D2}", roles },
                TestContext.Current.CancellationToken);
            invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (roles.Contains("trainer"))
            {
                expectedTrainers.Add(email);
            }
        }

        var everyone = await WalkAsync(admin, $"search={tag}", pageSize: 5);
        everyone.Pages.ShouldBe(5);
        everyone.Total.ShouldBe(23);
        everyone.Emails.ShouldBe(Enumerable.Range(0, 23).Select(i => $"{tag}-{i:D2}@example.com").ToList(), "each once, in name order");

        var trainers = await WalkAsync(admin, $"search={tag}&role=trainer", pageSize: 4);
        trainers.Total.ShouldBe(12);
        trainers.Emails.ShouldBe(expectedTrainers);
        trainers.Pages.ShouldBe(3);

        (await WalkAsync(admin, $"search={tag}&role=staff", pageSize: 200)).Total.ShouldBe(8);
        (await WalkAsync(admin, $"search={tag}&role=admin", pageSize: 10)).Total.ShouldBe(0);

        // The whole gym, unfiltered: the pages add up to the total, each person once, and no other gym's people.
        var gym = await WalkAsync(admin, "", pageSize: 7);
        gym.Emails.Count.ShouldBe(gym.Total);
        gym.Emails.Distinct(StringComparer.Ordinal).Count().ShouldBe(gym.Total);
        gym.Emails.ShouldContain($"admin@st-albans.{D}");
        gym.Emails.ShouldNotContain($"admin@werribee.{D}");
        var admins = await WalkAsync(admin, "role=admin", pageSize: 3);
        admins.Emails.ShouldContain($"admin@st-albans.{D}");
        admins.Total.ShouldBeLessThan(gym.Total);
    }

    [Fact]
    public async Task ShowAnInvitedExistingLoginOnlyAsTypedUntilTheyComeHere()
    {
        // Wes has a login and a name of his own at werribee; st-albans invites his address under a name it typed.
        var ct = TestContext.Current.CancellationToken;
        var email = $"member@werribee.{D}";
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = "W. Typed At St Albans", roles = new[] { "member" } }, ct);
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync(ct));

        // The list, like the invite's answer, says only what st-albans typed: not his name, not his confirmation.
        var listed = (await admin.GetFromJsonAsync<TenantUserPage>($"/api/identity/users?search={Uri.EscapeDataString(email)}", ct))!.Items.ShouldHaveSingleItem();
        listed.DisplayName.ShouldBe("W. Typed At St Albans");
        listed.EmailConfirmed.ShouldBeFalse();
        listed.Status.ShouldBe(PersonStatus.Invited);
        // Nor does a search confirm a guess at his name elsewhere.
        (await admin.GetFromJsonAsync<TenantUserPage>("/api/identity/users?search=Wes%20Member", ct))!.Items.ShouldNotContain(p => p.Email == email);
        (await admin.GetFromJsonAsync<TenantUserPage>("/api/identity/users?search=Typed%20At%20St", ct))!.Items.ShouldContain(p => p.Email == email);
        // Other modules (memberships, cards, rosters) read names through Identity's people read model: at st-albans it
        // too answers the typed name and no photo from elsewhere; at werribee his own.
        (await NameAtAsync("st-albans", email, ct)).ShouldBe(("W. Typed At St Albans", (string?)null));
        (await NameAtAsync("werribee", email, ct)).Name.ShouldBe("Wes Member");

        // Once he comes to st-albans signed in, the gym sees him as he is.
        var wes = await fixture.App.SignedInAsync(email, "st-albans");
        (await wes.GetAsync("/api/me", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var arrived = (await admin.GetFromJsonAsync<TenantUserPage>($"/api/identity/users?search={Uri.EscapeDataString(email)}", ct))!.Items.ShouldHaveSingleItem();
        arrived.DisplayName.ShouldBe("Wes Member");
        arrived.Status.ShouldBe(PersonStatus.Active);

        // Werribee, where he already was, never saw the typed name.
        var werribee = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        (await werribee.GetFromJsonAsync<TenantUserPage>($"/api/identity/users?search={Uri.EscapeDataString(email)}", ct))!.Items.ShouldHaveSingleItem().DisplayName.ShouldBe("Wes Member");
    }

    private async Task<(string Name, string? Photo)> NameAtAsync(string gym, string email, CancellationToken ct)
    {
        var tenant = await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(gym, ct) ?? throw new InvalidOperationException(gym);
        return await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenant.Id, async (sp, token) =>
        {
            var person = await sp.GetRequiredService<IPeopleReadModel>().People.SingleAsync(p => p.Email == email, token);
            return (person.DisplayName, person.PhotoUrl);
        }, ct);
    }

    [Fact]
    public async Task AnswerAPageBeyondTheLastWithNoPeopleAndTheTrueTotal()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var page = await admin.GetFromJsonAsync<TenantUserPage>("/api/identity/users?page=1000&pageSize=200", TestContext.Current.CancellationToken);
        page!.Items.ShouldBeEmpty();
        page.Total.ShouldBeGreaterThan(0);
        page.Page.ShouldBe(1000);
    }

    private static async Task<(int Total, int Pages, List<string> Emails)> WalkAsync(HttpClient admin, string filter, int pageSize)
    {
        var emails = new List<string>();
        int total;
        var pages = 0;
        do
        {
            var page = await admin.GetFromJsonAsync<TenantUserPage>($"/api/identity/users?{filter}&page={pages + 1}&pageSize={pageSize}",
                TestContext.Current.CancellationToken);
            total = page!.Total;
            page.Items.Count.ShouldBeLessThanOrEqualTo(pageSize);
            if (page.Items.Count == 0)
            {
                break;
            }

            emails.AddRange(page.Items.Select(p => p.Email));
            pages++;
        }
        while (emails.Count < total);

        return (total, pages, emails);
    }
}

public sealed class PeopleListOnSqliteShould(SqliteDemoAppFixture fixture) : PeopleListShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PeopleListOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PeopleListShould(fixture), IClassFixture<PostgresDemoAppFixture>;
