using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>AI plan generation costs model calls: each member gets <c>AiPlans:PlansPerMemberPerDay</c> per 24 hours (decision 0062).</summary>
public sealed class PlanQuotaShould
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task RefuseAMembersPlanBeyondTheDailyQuotaWithAProblemNamingTheLimitAndLeaveOtherMembersAlone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["AiPlans:PlansPerMemberPerDay"] = "2" });
        await app.StartAsync(demoData: true);
        // New members (the demo's have plans from today already, which count).
        var admin = await app.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        async Task<HttpClient> NewMemberAsync(string name)
        {
            var email = $"{name}-{Guid.NewGuid():N}@example.com";
            (await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = name, roles = new[] { "member" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
            return await app.SignedInAsync(email, "st-albans");
        }

        var member = await NewMemberAsync("quota-one");

        for (var i = 0; i < 2; i++)
        {
            var created = await member.PostAsJsonAsync("/api/plans", PlanAnswers.Valid());
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var refused = await ProblemAssert.IsAsync(await member.PostAsJsonAsync("/api/plans", PlanAnswers.Valid()), HttpStatusCode.TooManyRequests, "plan-quota");
        refused.GetProperty("limit").GetInt32().ShouldBe(2);

        var other = await NewMemberAsync("quota-two");
        (await other.PostAsJsonAsync("/api/plans", PlanAnswers.Valid())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
