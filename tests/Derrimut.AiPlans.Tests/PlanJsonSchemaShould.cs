using System.Text.Json.Nodes;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Plans;

namespace Derrimut.AiPlans.Tests;

public sealed class PlanJsonSchemaShould
{
    [Fact]
    public void FollowStrictModeRulesInEveryObject()
    {
        var problems = new List<string>();
        Walk(PlanJsonSchema.Build(), "$", problems);

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void DescribeEveryRuleBasedPlanItCanBeComparedWith()
    {
        // The schema and the records must not drift apart: every generated plan (minus the energy we calculate)
        // must conform to the schema the LLM is given.
        var schema = PlanJsonSchema.Build();
        var problems = new List<string>();
        foreach (var request in PlanGrid.For(FitnessGoal.LoseWeight).Take(50))
        {
            Conform(LlmPart(PlanRequestBuilder.Plan(request)), schema, "$", problems);
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void LeaveEnergyOutOfTheLlmsAnswer() =>
        PlanJsonSchema.Build()["properties"]!.AsObject().Select(property => property.Key).ShouldBe(["name", "workoutPlan", "dietPlan"]);

    [Fact]
    public void BeValidCompactJson()
    {
        PlanJsonSchema.Name.ShouldBe("fitness_plan");
        JsonNode.Parse(PlanJsonSchema.Json)!.ToJsonString().ShouldBe(PlanJsonSchema.Json);
    }

    internal static JsonObject LlmPart(FitnessPlan plan)
    {
        var json = JsonNode.Parse(PlanJson.Serialize(plan))!.AsObject();
        json.Remove("energy");
        return json;
    }

    private static void Walk(JsonNode schema, string path, List<string> problems)
    {
        var node = schema.AsObject();
        var types = node["type"] switch
        {
            JsonArray array => array.Select(item => item!.GetValue<string>()).ToList(),
            JsonNode type => [type.GetValue<string>()],
            null => [],
        };
        if (types.Contains("object"))
        {
            if (node["additionalProperties"]?.GetValue<bool>() != false)
            {
                problems.Add($"{path}: additionalProperties must be false");
            }

            var properties = node["properties"]!.AsObject().Select(property => property.Key).ToList();
            var required = node["required"]!.AsArray().Select(item => item!.GetValue<string>()).ToList();
            if (!properties.SequenceEqual(required))
            {
                problems.Add($"{path}: required [{string.Join(",", required)}] must list every property [{string.Join(",", properties)}]");
            }

            foreach (var property in node["properties"]!.AsObject())
            {
                Walk(property.Value!, $"{path}.{property.Key}", problems);
            }
        }

        if (types.Contains("array"))
        {
            Walk(node["items"]!, $"{path}[]", problems);
        }

        foreach (var keyword in new[] { "minimum", "maximum", "minItems", "maxItems", "pattern", "format", "oneOf", "allOf" })
        {
            if (node.ContainsKey(keyword))
            {
                problems.Add($"{path}: '{keyword}' is not used so that every strict-mode deployment accepts the schema");
            }
        }
    }

    /// <summary>A small JSON-schema check for the keywords the plan schema uses: type (incl. nullable), properties,
    /// required, additionalProperties, items and enum.</summary>
    private static void Conform(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        var node = schema.AsObject();
        var types = node["type"] is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [node["type"]!.GetValue<string>()];
        var kind = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => decimal.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) % 1 == 0 ? "integer" : "number",
            _ => "unknown",
        };
        if (!types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            problems.Add($"{path}: {kind} where the schema says {string.Join("|", types)}");
            return;
        }

        if (node["enum"] is JsonArray allowed && !allowed.Any(item => JsonNode.DeepEquals(item, value)))
        {
            problems.Add($"{path}: {value} is not in the enum");
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = node["properties"]!.AsObject();
                foreach (var property in obj.Where(property => !properties.ContainsKey(property.Key)))
                {
                    problems.Add($"{path}.{property.Key}: not in the schema");
                }

                foreach (var property in properties)
                {
                    if (!obj.ContainsKey(property.Key))
                    {
                        problems.Add($"{path}.{property.Key}: required but missing");
                    }
                    else
                    {
                        Conform(obj[property.Key], property.Value!, $"{path}.{property.Key}", problems);
                    }
                }

                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                {
                    Conform(items[index], node["items"]!, $"{path}[{index}]", problems);
                }

                break;
            default:
                break;
        }
    }
}
