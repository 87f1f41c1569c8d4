using Derrimut.Web.Tests.Identity;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Derrimut.Web.Tests.AiPlans;

/// <summary>Plan answers as the form and the API send them, and helpers the plan tests share.</summary>
internal static class PlanAnswers
{
    public const string D = DemoAppFixture.Domain;

    /// <summary>A valid request: 3 named days, knee injury, vegetarian.</summary>
    public static JsonObject Valid() => new()
    {
        ["age"] = 29,
        ["sex"] = "female",
        ["heightCm"] = 165,
        ["weightKg"] = 64.5,
        ["injuries"] = new JsonArray("knee"),
        ["workoutWeekdays"] = new JsonArray("Monday", "Wednesday", "Friday"),
        ["goal"] = "general fitness",
        ["level"] = "beginner",
        ["activityLevel"] = "light",
        ["dietaryRestrictions"] = new JsonArray("vegetarian"),
        ["allergies"] = new JsonArray(),
    };

    public static async Task<Guid> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();

    public static async Task<JsonElement> GenerateAsync(HttpClient client, JsonObject? answers = null)
    {
        var response = await client.PostAsJsonAsync("/api/plans", answers ?? Valid());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The editable part of a plan as a trainer sends it back: name, workout plan, diet plan.</summary>
    public static JsonObject Editable(JsonElement plan) => new()
    {
        ["name"] = plan.GetProperty("name").GetString(),
        ["workoutPlan"] = JsonNode.Parse(plan.GetProperty("workoutPlan").GetRawText()),
        ["dietPlan"] = JsonNode.Parse(plan.GetProperty("dietPlan").GetRawText()),
    };
}
