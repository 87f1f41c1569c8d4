using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Security;

/// <summary>
/// Issue 12 (fuzzing on PostgreSQL): text holding a NUL character reached PostgreSQL, which refuses it at save time
/// (22021), so the caller got a 500. Now it is a 400 naming the field wherever text comes in (JSON body, query string,
/// form post), before any handler runs, on every provider.
/// </summary>
public abstract class NullCharactersShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task RefuseANulCharacterInAJsonFieldNamingTheField()
    {
        var member = await fixture.App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var response = await member.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "no-lock-in\0" }, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.NamesFieldAsync(response, "planCode", "malformed-request");
        problem.GetProperty("errors").GetProperty("planCode")[0].GetString()!.ShouldContain("NUL");
    }

    [Fact]
    public async Task RefuseANulCharacterInTheQueryStringNamingTheParameter()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var response = await admin.GetAsync("/api/memberships?search=wes%00", TestContext.Current.CancellationToken);
        await ProblemAssert.NamesFieldAsync(response, "search");
    }

    [Fact]
    public async Task RefuseANulCharacterInAnAccountFormPostNamingTheField()
    {
        var browser = fixture.App.ClientFor("st-albans");
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = $"member@st-albans.{D}\0",
            ["Input.Password"] = "Derrimut!2026",
        }), TestContext.Current.CancellationToken);
        await ProblemAssert.NamesFieldAsync(response, "Input.Email");
    }

    [Fact]
    public async Task StillAcceptOrdinaryText()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await admin.GetAsync("/api/memberships?search=wes", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class NullCharactersOnSqliteShould(SqliteDemoAppFixture fixture) : NullCharactersShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class NullCharactersOnPostgreSqlShould(PostgresDemoAppFixture fixture) : NullCharactersShould(fixture), IClassFixture<PostgresDemoAppFixture>;
