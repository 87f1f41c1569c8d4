using Derrimut.Web.Tests.Identity;
using System.Security.Claims;
using System.Text.Json;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Features.ApprovePlan;
using Derrimut.AiPlans.Features.GetPlan;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using static Derrimut.Web.Tests.AiPlans.PlanAnswers;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary><c>/api/plans</c> through the real app on SQLite and PostgreSQL, with the offline generator (no AI configured).</summary>
public abstract class PlansShould(DemoAppFixture fixture)
{
    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task GenerateStoreAndShowAPlanInMine()
    {
        var member = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");

        var created = await member.PostAsJsonAsync("/api/plans", Valid());

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.Headers.Location!.ToString().ShouldBe($"/api/plans/{plan.GetProperty("id").GetGuid()}");
        plan.GetProperty("generator").GetString().ShouldBe("rule-based");
        plan.GetProperty("generatorReason").GetString().ShouldBe("no AI service configured");
        plan.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        plan.GetProperty("source").GetString().ShouldBe("form");
        plan.GetProperty("memberName").GetString().ShouldBe("Tom Nguyen");
        var energy = plan.GetProperty("energy");
        energy.GetProperty("method").GetString()!.ShouldContain("Mifflin-St Jeor");
        // 10 × 64.5 + 6.25 × 165 − 5 × 29 − 161 = 1370.25 → 1370; light activity × 1.375 = 1884.
        energy.GetProperty("bmr").GetInt32().ShouldBe(1370);
        energy.GetProperty("tdee").GetInt32().ShouldBe(1884);
        plan.GetProperty("dietPlan").GetProperty("dailyCalories").GetInt32().ShouldBe(energy.GetProperty("targetCalories").GetInt32());
        plan.GetProperty("workoutPlan").GetProperty("schedule").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Monday", "Wednesday", "Friday"]);
        plan.GetProperty("input").GetProperty("injuries").EnumerateArray().Select(i => i.GetString()).ShouldBe(["knee"]);

        var mine = await member.GetFromJsonAsync<JsonElement>("/api/plans/mine");
        mine.GetProperty("active").GetProperty("id").GetGuid().ShouldBe(plan.GetProperty("id").GetGuid());
        mine.GetProperty("history").EnumerateArray().ShouldContain(h => h.GetProperty("id").GetGuid() == plan.GetProperty("id").GetGuid());
        var fetched = await member.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.GetProperty("id").GetGuid()}");
        fetched.GetProperty("workoutPlan").GetRawText().ShouldBe(plan.GetProperty("workoutPlan").GetRawText());
    }

    [Fact]
    public async Task SupersedeThePreviousPlanAndKeepItInTheHistory()
    {
        var member = await App.SignedInAsync($"multi@{D}", "st-albans");
        var first = await GenerateAsync(member);
        var second = await GenerateAsync(member, Valid().Also(a => a["goal"] = "build muscle"));

        second.GetProperty("number").GetInt32().ShouldBe(first.GetProperty("number").GetInt32() + 1);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/plans/mine");
        mine.GetProperty("active").GetProperty("id").GetGuid().ShouldBe(second.GetProperty("id").GetGuid());
        var history = mine.GetProperty("history").EnumerateArray().ToList();
        history.Count(h => h.GetProperty("isActive").GetBoolean()).ShouldBe(1);
        var old = history.Single(h => h.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
        old.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        var oldPlan = await member.GetFromJsonAsync<JsonElement>($"/api/plans/{first.GetProperty("id").GetGuid()}");
        oldPlan.GetProperty("supersededAt").ValueKind.ShouldBe(JsonValueKind.String);

        // The same person at another of their gyms has no plans there: plans belong to the member at a location.
        var elsewhere = await member.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/plans/mine"));
        elsewhere.GetProperty("history").EnumerateArray().ShouldNotContain(h => h.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("heightCm", 20)]
    [InlineData("age", 7)]
    [InlineData("weightKg", 500)]
    public async Task AnswerImplausibleFactsWithAProblemNamingTheField(string field, int value)
    {
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var before = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("history").GetArrayLength();

        var response = await member.PostAsJsonAsync("/api/plans", Valid().Also(a => a[field] = value));

        await ProblemAssert.NamesFieldAsync(response, field);
        (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("history").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task NameEveryMissingFieldAndRefuseNonObjects()
    {
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var response = await member.PostAsJsonAsync("/api/plans", new { age = 30 });
        var problem = await ProblemAssert.NamesFieldAsync(response, "heightCm");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "sex", "weightKg", "goal", "level", "activityLevel" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await member.PostAsJsonAsync("/api/plans", new[] { 1, 2 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LetATrainerSeeApproveAndEditAClientsPlanWhichTheMemberSeesAsReviewed()
    {
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var plan = await GenerateAsync(member);
        var id = plan.GetProperty("id").GetGuid();
        var trainer = await App.SignedInAsync($"trainer@st-albans.{D}", "st-albans");

        var clients = await trainer.GetFromJsonAsync<JsonElement>("/api/plans/clients");
        clients.EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == id && p.GetProperty("memberName").GetString() == "Aisha Rahman");
        (await trainer.GetAsync($"/api/plans/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var approved = await trainer.PostAsync($"/api/plans/{id}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/plans/mine");
        mine.GetProperty("active").GetProperty("review").GetProperty("trainerName").GetString().ShouldBe("Tara Trainer");

        var edit = Editable(mine.GetProperty("active"));
        edit["name"] = "Aisha's plan, adjusted by Tara";
        edit["workoutPlan"]!["days"]![0]!["exercises"]![0]!["notes"] = "Slow on the way down; stop if the knee aches.";
        var edited = await trainer.PutAsJsonAsync($"/api/plans/{id}", edit);

        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var after = await member.GetFromJsonAsync<JsonElement>("/api/plans/mine");
        var active = after.GetProperty("active");
        active.GetProperty("id").GetGuid().ShouldNotBe(id);
        active.GetProperty("name").GetString().ShouldBe("Aisha's plan, adjusted by Tara");
        active.GetProperty("generator").GetString().ShouldBe("trainer");
        active.GetProperty("review").GetProperty("trainerName").GetString().ShouldBe("Tara Trainer");
        active.GetProperty("review").GetProperty("edited").GetBoolean().ShouldBeTrue();
        active.GetProperty("energy").GetRawText().ShouldBe(plan.GetProperty("energy").GetRawText());
        after.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == id).GetProperty("isActive").GetBoolean().ShouldBeFalse();

        // The superseded version can no longer be edited.
        (await trainer.PutAsJsonAsync($"/api/plans/{id}", edit)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RefuseATrainersEditThatBreaksTheMembersFactsNamingTheProblem()
    {
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var plan = await GenerateAsync(member);
        var id = plan.GetProperty("id").GetGuid();
        var trainer = await App.SignedInAsync($"trainer@st-albans.{D}", "st-albans");

        var calories = Editable(plan);
        calories["dietPlan"]!["dailyCalories"] = plan.GetProperty("energy").GetProperty("targetCalories").GetInt32() / 2;
        await ProblemAssert.NamesFieldAsync(await trainer.PutAsJsonAsync($"/api/plans/{id}", calories), "dietPlan.dailyCalories");

        var squat = Editable(plan);
        squat["workoutPlan"]!["days"]![0]!["exercises"]![0] = new System.Text.Json.Nodes.JsonObject
        {
            ["exerciseId"] = null, ["name"] = "Barbell Back Squat", ["sets"] = 4, ["reps"] = 6, ["durationSeconds"] = null, ["restSeconds"] = 150, ["notes"] = "",
        };
        var problem = await ProblemAssert.NamesFieldAsync(await trainer.PutAsJsonAsync($"/api/plans/{id}", squat), "workoutPlan.days[0].exercises[0]");
        problem.GetProperty("errors").GetRawText().ShouldContain("contra-indicated");

        (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active").GetProperty("id").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task KeepMembersOutOfOtherMembersPlansAndTrainerTools()
    {
        var owner = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var id = (await GenerateAsync(owner)).GetProperty("id").GetGuid();
        var other = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");

        (await other.GetAsync($"/api/plans/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync("/api/plans/clients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostAsync($"/api/plans/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ClientFor("st-albans").PostAsJsonAsync("/api/plans", Valid())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShowAWerribeeTrainerNothingOfStAlbansPlans()
    {
        var stAlbans = await App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        var seeded = (await stAlbans.GetFromJsonAsync<JsonElement>("/api/plans/mine")).GetProperty("active");
        seeded.GetProperty("source").GetString().ShouldBe("seed");
        var id = seeded.GetProperty("id").GetGuid();

        var werribeeTrainer = await App.SignedInAsync($"trainer@werribee.{D}", "werribee");
        (await werribeeTrainer.GetAsync($"/api/plans/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribeeTrainer.PostAsync($"/api/plans/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribeeTrainer.PutAsJsonAsync($"/api/plans/{id}", Editable(seeded))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var clients = await werribeeTrainer.GetAsync("/api/plans/clients?history=true");
        var body = await clients.Content.ReadAsStringAsync();
        clients.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldNotContain(id.ToString());
        body.ShouldNotContain("Mia Member");
        body.ShouldContain("Wes Member");
        // Their cookie is worth nothing at st-albans.
        (await werribeeTrainer.GetAsync(SignedInClients.At("st-albans", "/api/plans/clients"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PushALiveUpdateToTheMembersOpenPageAfterSaving()
    {
        var member = await App.SignedInAsync($"member2@st-albans.{D}", "st-albans");
        var userId = await UserIdAsync(member);
        var tenantId = (await member.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("tenant").GetProperty("id").GetGuid();
        var received = new TaskCompletionSource<LiveUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = App.Services.GetRequiredService<ILiveUpdates>().Subscribe(tenantId, "plans", userId, update =>
        {
            received.TrySetResult(update);
            return Task.CompletedTask;
        });

        var plan = await GenerateAsync(member);

        var update = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        update.Detail.ShouldBe(plan.GetProperty("id").GetGuid().ToString());
    }

    [Theory]
    [InlineData("demoted")]
    [InlineData("deactivated")]
    public async Task RefuseTheApprovalFromAnOpenPlanPageOnceTheTrainerLostTheRightAndLeaveThePlanUnapproved(string change)
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = $"coach-{Guid.NewGuid():N}@example.com", displayName = "Casey Coach", roles = new[] { "trainer" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var trainerId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        var member = await App.SignedInAsync($"member3@st-albans.{D}", "st-albans");
        var planId = (await GenerateAsync(member)).GetProperty("id").GetGuid();

        // The client plan page as the trainer opened it: the page's tenant, and the principal its circuit keeps (the
        // roles and permissions of the moment it opened).
        var stAlbans = await App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync("st-albans", TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("st-albans");
        var opened = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, trainerId.ToString()), new Claim(ClaimTypes.Role, IdentityRoles.Trainer),
            new Claim(DerrimutClaims.Permission, IdentityPermissions.ViewClients), new Claim(DerrimutClaims.Permission, AiPlansPermissions.ReviewClientPlans),
        ], "test"));
        Task<T> PageCallAsync<T>(AccessRule rule, Func<PageCall, Task<T>> work) =>
            App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(stAlbans, (services, ct) =>
                services.GetRequiredService<IPageCalls>().RunAsync(opened, rule, work, ct), TestContext.Current.CancellationToken);

        var shown = await PageCallAsync(AccessRule.Holding(IdentityPermissions.ViewClients),
            call => call.Get<GetPlanHandler>().FindAsync(planId, call.User, call.CancellationToken));
        shown.ShouldNotBeNull().Review.ShouldBeNull();

        var lost = change == "demoted"
            ? await admin.PutAsJsonAsync($"/api/identity/users/{trainerId}/roles", new { roles = new[] { IdentityRoles.Member } })
            : await admin.PostAsync($"/api/identity/users/{trainerId}/deactivate", null);
        lost.StatusCode.ShouldBe(HttpStatusCode.OK, await lost.Content.ReadAsStringAsync());

        await Should.ThrowAsync<ForbiddenException>(PageCallAsync(AccessRule.Holding(AiPlansPermissions.ReviewClientPlans),
            call => call.Get<ApprovePlanHandler>().HandleAsync(planId, call.UserId, call.CancellationToken)));
        var active = (await member.GetFromJsonAsync<JsonElement>("/api/plans/mine", TestContext.Current.CancellationToken)).GetProperty("active");
        active.GetProperty("id").GetGuid().ShouldBe(planId);
        active.GetProperty("review").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    /// <summary>Run by the PostgreSQL class only: SQLite serialises writers, so it cannot show the race.</summary>
    protected async Task NeverLeaveAMemberWithTwoActivePlansUnderConcurrentGenerationsAsync()
    {
        var member = await App.SignedInAsync($"member2@werribee.{D}", "werribee");
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => App.SignedInAsync($"member2@werribee.{D}", "werribee")));

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsJsonAsync("/api/plans", Valid().Also(a => a["age"] = 30 + i))));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/plans/mine");
        var history = mine.GetProperty("history").EnumerateArray().ToList();
        history.Count(h => h.GetProperty("isActive").GetBoolean()).ShouldBe(1);
        history.Select(h => h.GetProperty("number").GetInt32()).Order().ShouldBe(Enumerable.Range(1, 8));
    }
}

public sealed class PlansOnSqliteShould(SqliteDemoAppFixture fixture) : PlansShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PlansOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PlansShould(fixture), IClassFixture<PostgresDemoAppFixture>
{
    [Fact]
    public Task NeverLeaveAMemberWithTwoActivePlansUnderConcurrentGenerations() => NeverLeaveAMemberWithTwoActivePlansUnderConcurrentGenerationsAsync();
}

internal static class JsonObjectExtensions
{
    public static System.Text.Json.Nodes.JsonObject Also(this System.Text.Json.Nodes.JsonObject json, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        change(json);
        return json;
    }
}
