using System.Text.Json.Nodes;

namespace Derrimut.AiPlans.Domain.Generation;

/// <summary>
/// The JSON schema of the part of a plan an LLM writes (name, workout plan, diet plan — never the energy, which we
/// calculate), for OpenAI structured output in strict mode: every object lists all its properties as required and
/// sets <c>additionalProperties: false</c>; optional values are nullable types instead of absent ones. Range
/// limits are in the descriptions because strict mode on some deployments rejects <c>minimum</c>/<c>maximum</c>.
/// Use as <c>ChatResponseFormat.CreateJsonSchemaFormat(PlanJsonSchema.Name, BinaryData.FromString(PlanJsonSchema.Json), jsonSchemaIsStrict: true)</c>.
/// </summary>
internal static class PlanJsonSchema
{
    public const string Name = "fitness_plan";

    /// <summary>The schema as compact JSON text.</summary>
    public static string Json { get; } = Build().ToJsonString();

    /// <summary>A fresh, mutable copy of the schema.</summary>
    public static JsonObject Build() =>
        Object(
            "A personalised weekly workout plan and one-day diet plan.",
            ("name", String("A short descriptive plan name.")),
            ("workoutPlan", WorkoutPlan()),
            ("dietPlan", DietPlan()));

    private static JsonObject WorkoutPlan() =>
        Object(
            "The weekly training schedule.",
            ("split", String("The training split, e.g. \"Full body\" or \"Upper/lower\".")),
            ("schedule", Array(Weekday(), "The training weekdays, in the same order as days.")),
            ("days", Array(
                Object(
                    "One training day.",
                    ("day", Weekday()),
                    ("focus", String("The session's focus, e.g. \"Upper body\".")),
                    ("exercises", Array(Exercise(), "1 to 15 exercises in the order performed."))),
                "Exactly one entry per training day the member asked for.")),
            ("notes", Array(String("A note."), "General guidance for the member.")));

    private static JsonObject Exercise() =>
        Object(
            "One exercise.",
            ("exerciseId", Nullable("string", "An id from the exercise library if the exercise comes from it, otherwise null.")),
            ("name", String("The exercise name.")),
            ("sets", Type("integer", "Sets, 1 to 10.")),
            ("reps", Nullable("integer", "Reps per set, 1 to 30; null for timed exercises.")),
            ("durationSeconds", Nullable("integer", "Duration per set in seconds (5 to 7200) for timed exercises; otherwise null.")),
            ("restSeconds", Type("integer", "Rest between sets in seconds, 0 to 600.")),
            ("notes", String("Coaching notes: rep range, effort, technique.")));

    private static JsonObject DietPlan() =>
        Object(
            "One day of eating.",
            ("dailyCalories", Type("integer", "Daily energy in kcal; must equal the energy target given.")),
            ("macros", Object(
                "Daily macronutrients in grams.",
                ("proteinG", Type("integer", "Protein in grams.")),
                ("carbsG", Type("integer", "Carbohydrate in grams.")),
                ("fatG", Type("integer", "Fat in grams.")))),
            ("meals", Array(
                Object(
                    "One meal or snack.",
                    ("name", String("e.g. \"Breakfast\".")),
                    ("foods", Array(
                        Object(
                            "One food with its portion.",
                            ("foodId", Nullable("string", "An id from the food library if the food comes from it, otherwise null.")),
                            ("name", String("The food name.")),
                            ("portion", String("The amount, e.g. \"150 g\" or \"2 large eggs\".")),
                            ("calories", Type("integer", "Energy of this portion in kcal.")),
                            ("proteinG", Type("number", "Protein of this portion in grams."))),
                        "The foods in the meal."))),
                "Meals whose foods add up to the daily calories.")),
            ("notes", Array(String("A note."), "General guidance for the member.")));

    private static JsonObject Object(string description, params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = props,
            ["required"] = new JsonArray([.. properties.Select(property => JsonValue.Create(property.Name))]),
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Array(JsonNode items, string description) =>
        new() { ["type"] = "array", ["description"] = description, ["items"] = items };

    private static JsonObject String(string description) => Type("string", description);

    private static JsonObject Type(string type, string description) =>
        new() { ["type"] = type, ["description"] = description };

    private static JsonObject Nullable(string type, string description) =>
        new() { ["type"] = new JsonArray(type, "null"), ["description"] = description };

    private static JsonObject Weekday() =>
        new()
        {
            ["type"] = "string",
            ["description"] = "An English weekday name.",
            ["enum"] = new JsonArray([.. Input.TrainingWeek.MondayFirst.Select(day => JsonValue.Create(day.ToString()))]),
        };
}
