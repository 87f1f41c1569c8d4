using System.Text.Json;
using Derrimut.Web.Tests.Identity;
using static Derrimut.Web.Tests.AiPlans.PlanAnswers;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>The plan pages as the server renders them (prerendered HTML), for members and trainers.</summary>
public sealed class PlanPagesShould(SqliteDemoAppFixture fixture) : IClassFixture<SqliteDemoAppFixture>
{
    private DerrimutWebFactory App => fixture.App;

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(html.Length, 500)]);
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task ShowTheMemberTheirPlanWithTheEnergyWorkingAndHistory()
    {
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var active = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");

        var html = await PageAsync(member, "/member/plans");

        html.ShouldContain(active.GetProperty("name").GetString()!);
        html.ShouldContain(active.GetProperty("energy").GetProperty("method").GetString()!);
        html.ShouldContain("Print this plan");
        html.ShouldContain("History");
        html.ShouldContain("href=\"/member/plans\"");
        foreach (var day in active.GetProperty("workoutPlan").GetProperty("schedule").EnumerateArray())
        {
            html.ShouldContain(day.GetString()!);
        }

        foreach (var meal in active.GetProperty("dietPlan").GetProperty("meals").EnumerateArray())
        {
            html.ShouldContain(meal.GetProperty("name").GetString()!);
        }
    }

    [Fact]
    public async Task LabelEveryFieldOfTheGenerateForm()
    {
        var member = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");

        var html = await PageAsync(member, "/member/plans/new");

        foreach (var (id, label) in new[] { ("age", "Age (years)"), ("sex", "Sex"), ("height", "Height (cm)"), ("weight", "Weight (kg)"), ("goal", "Main goal"), ("level", "Experience"), ("activity", "How active is your day") })
        {
            html.ShouldContain($"for=\"{id}\"");
            html.ShouldContain($"id=\"{id}\"");
            html.ShouldContain(label);
        }

        html.ShouldContain("Which days can you train?");
        html.ShouldContain("Food allergies");
        html.ShouldContain("Generate my plan");
    }

    [Fact]
    public async Task ShowATrainerTheirClientsPlansWithReviewTools()
    {
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var id = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active").GetProperty("id").GetGuid();
        var trainer = await App.SignedInAsync($"trainer@st-albans.{D}", "st-albans");

        var list = await PageAsync(trainer, "/trainer/plans");
        list.ShouldContain("Mia Member");
        list.ShouldContain($"/trainer/plans/{id}");
        list.ShouldNotContain("Wes Member");

        var plan = await PageAsync(trainer, $"/trainer/plans/{id}");
        plan.ShouldContain("Mia Member's plan");
        plan.ShouldContain("Approve");
        plan.ShouldContain("Edit");
    }

    [Fact]
    public async Task KeepMembersOutOfTheTrainersPages()
    {
        var member = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/trainer/plans");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await member.SendAsync(request);

        // The page's policy refuses them (sent to the access-denied page); nothing of the list is rendered.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Mia Member");
        (await PageAsync(member, "/member/plans")).ShouldNotContain("href=\"/trainer/plans\"");
    }
}
