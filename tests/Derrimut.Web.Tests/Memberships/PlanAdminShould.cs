using System.Text.Json;
using Derrimut.Web.Tests.Account;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// A gym's admins create, change and retire membership plans (<c>/api/memberships/plans</c>, the <c>/admin/plans</c>
/// page's handlers): the public site shows a new price at once, existing members pay it only when the admin chooses
/// and only after 30 days' notice by email, plans are retired rather than deleted, and nobody edits another gym's plans.
/// </summary>
public abstract class PlanAdminShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private static object Plan(string code, long priceCents, bool applyToExisting = false, string unit = "week", int count = 2) => new
    {
        code,
        name = $"Plan {code}",
        description = "Test plan",
        priceCents,
        intervalUnit = unit,
        intervalCount = count,
        minimumTermMonths = 0,
        joiningFeeCents = 0,
        includesClasses = true,
        ptSessionsPerMonth = 2,
        coversAllFranchiseLocations = false,
        sortOrder = 9,
        applyToExistingMembers = applyToExisting,
    };

    private static async Task<JsonElement> PublicPlanAsync(DerrimutWebFactory app, string host, string code) =>
        (await app.ClientFor(host).GetFromJsonAsync<JsonElement>("/api/memberships/plans")).EnumerateArray().SingleOrDefault(p => p.GetProperty("code").GetString() == code);

    [Fact]
    public async Task CreateAPlanThePublicSiteSellsAtOnceWithItsInclusions()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var created = await admin.PostAsJsonAsync("/api/memberships/plans", Plan("student", 2590));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var onSale = await PublicPlanAsync(fixture.App, "st-albans", "student");
        onSale.GetProperty("priceCents").GetInt64().ShouldBe(2590);
        onSale.GetProperty("inclusions").GetProperty("ptSessionsPerMonth").GetInt32().ShouldBe(2);
        onSale.GetProperty("inclusions").GetProperty("includesClasses").GetBoolean().ShouldBeTrue();
        (await PublicPlanAsync(fixture.App, "werribee", "student")).ValueKind.ShouldBe(JsonValueKind.Undefined);

        var again = await admin.PostAsJsonAsync("/api/memberships/plans", Plan("student", 2590));
        (await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict, "conflict")).GetProperty("field").GetString().ShouldBe("code");
    }

    [Theory]
    [InlineData("code", "Not A Code")]
    [InlineData("priceCents", "0")]
    [InlineData("intervalUnit", "fortnight")]
    [InlineData("ptSessionsPerMonth", "-1")]
    public async Task RefuseABadFieldAndNameIt(string field, string value)
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Plan($"bad-{Guid.NewGuid():N}"[..12], 2590)))!;
        body[field] = long.TryParse(value, out var number) ? number : value;

        var response = await admin.PostAsJsonAsync("/api/memberships/plans", body);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task ChargeANewPriceToNewJoinsOnlyUnlessTheAdminChoosesExistingMembersToo()
    {
        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var admins = await admin.GetFromJsonAsync<JsonElement>("/api/memberships/plans/admin");
        var noLockIn = admins.EnumerateArray().Single(p => p.GetProperty("plan").GetProperty("code").GetString() == "no-lock-in");
        noLockIn.GetProperty("membersHolding").GetInt32().ShouldBeGreaterThan(0);

        var newJoinsOnly = await admin.PutAsJsonAsync("/api/memberships/plans/no-lock-in", Plan("no-lock-in", 3490));
        newJoinsOnly.StatusCode.ShouldBe(HttpStatusCode.OK, await newJoinsOnly.Content.ReadAsStringAsync());
        (await newJoinsOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("membersNotified").GetInt32().ShouldBe(0);
        (await PublicPlanAsync(fixture.App, "werribee", "no-lock-in")).GetProperty("priceCents").GetInt64().ShouldBe(3490);

        var everyone = await admin.PutAsJsonAsync("/api/memberships/plans/no-lock-in", Plan("no-lock-in", 3590, applyToExisting: true));
        everyone.StatusCode.ShouldBe(HttpStatusCode.OK, await everyone.Content.ReadAsStringAsync());
        var saved = await everyone.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("membersNotified").GetInt32().ShouldBe(1);
        saved.GetProperty("noticeDays").GetInt32().ShouldBe(30);
        saved.GetProperty("plan").GetProperty("scheduledPriceChanges").GetInt32().ShouldBe(1);
        var notice = new MailPickup(fixture.App.MailPickup).Latest($"member@werribee.{D}", "Your membership price is changing");
        (notice.TextBody ?? "").ShouldContain("$35.90");
        (notice.TextBody ?? "").ShouldContain("30 days' notice");
    }

    [Fact]
    public async Task KeepTheBillingIntervalOfAPlanMembersHold()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var response = await admin.PutAsJsonAsync("/api/memberships/plans/12-month-upfront", Plan("12-month-upfront", 59900, unit: "month", count: 1));

        (await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, "conflict")).GetProperty("field").GetString().ShouldBe("intervalUnit");
    }

    [Fact]
    public async Task RetireAPlanWithoutDeletingItFromItsMembers()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var retired = await admin.PostAsync("/api/memberships/plans/18-month-minimum/retire", null);

        retired.StatusCode.ShouldBe(HttpStatusCode.OK, await retired.Content.ReadAsStringAsync());
        var plan = await retired.Content.ReadFromJsonAsync<JsonElement>();
        plan.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        plan.GetProperty("membersHolding").GetInt32().ShouldBeGreaterThan(0);
        (await PublicPlanAsync(fixture.App, "st-albans", "18-month-minimum")).ValueKind.ShouldBe(JsonValueKind.Undefined);
        var member = await fixture.App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        (await member.GetAsync("/api/memberships/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LetOnlyThisGymsAdminsChangeItsPlans()
    {
        var stAlbansAdmin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await stAlbansAdmin.PutAsJsonAsync(SignedInClients.At("werribee", "/api/memberships/plans/no-lock-in"), Plan("no-lock-in", 100))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, "st-albans");
        (await staff.PostAsJsonAsync("/api/memberships/plans", Plan("sneaky", 100))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.GetAsync("/api/memberships/plans/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stAlbansAdmin.PostAsync("/api/memberships/plans/unknown-plan/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PlanAdminOnSqliteShould(SqliteDemoAppFixture fixture) : PlanAdminShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PlanAdminOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PlanAdminShould(fixture), IClassFixture<PostgresDemoAppFixture>;
