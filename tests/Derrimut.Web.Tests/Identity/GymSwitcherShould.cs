using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// People with access to several gyms see them in the header and move between them by link (the sign-in cookie
/// spans the root domain); a franchise's site lists its locations.
/// </summary>
public abstract class GymSwitcherShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task ListAFranchiseAdminsFranchiseAndEachOfItsLocationsButNoOtherFranchises()
    {
        var franchiseAdmin = await fixture.App.SignedInAsync($"franchise-admin@{D}", "derrimut-group");

        var gyms = await franchiseAdmin.GetFromJsonAsync<JsonElement>(SignedInClients.At("st-albans", "/api/me/gyms"));

        var identifiers = gyms.EnumerateArray().Select(g => g.GetProperty("identifier").GetString()).ToList();
        identifiers.ShouldContain("derrimut-group");
        identifiers.ShouldContain("st-albans");
        identifiers.ShouldContain("werribee");
        identifiers.ShouldNotContain("coburg");
        var stAlbans = gyms.EnumerateArray().Single(g => g.GetProperty("identifier").GetString() == "st-albans");
        stAlbans.GetProperty("url").GetString().ShouldBe($"http://st-albans.{D}/");
        stAlbans.GetProperty("isCurrent").GetBoolean().ShouldBeTrue();

        var header = await franchiseAdmin.GetStringAsync(SignedInClients.At("st-albans", "/"));
        header.ShouldContain("data-testid=\"gym-switcher\"");
    }

    [Fact]
    public async Task ShowNoSwitcherToSomeoneWithOneGym()
    {
        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");

        var gyms = await member.GetFromJsonAsync<JsonElement>("/api/me/gyms");

        gyms.EnumerateArray().Select(g => g.GetProperty("identifier").GetString()).ShouldBe(["st-albans"]);
        (await member.GetStringAsync("/")).ShouldNotContain("data-testid=\"gym-switcher\"");
    }

    [Fact]
    public async Task ListAFranchisesLocationsOnItsPublicSite()
    {
        var home = await fixture.App.ClientFor("derrimut-group").GetStringAsync("/");

        home.ShouldContain("data-testid=\"franchise-locations\"");
        home.ShouldContain($"http://st-albans.{D}/");
        home.ShouldNotContain($"http://coburg.{D}/");
    }
}

public sealed class GymSwitcherOnSqliteShould(SqliteDemoAppFixture fixture) : GymSwitcherShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class GymSwitcherOnPostgreSqlShould(PostgresDemoAppFixture fixture) : GymSwitcherShould(fixture), IClassFixture<PostgresDemoAppFixture>;
