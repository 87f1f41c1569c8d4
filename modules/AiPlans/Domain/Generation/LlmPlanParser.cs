using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;
using Derrimut.AiPlans.Domain.Validation;

namespace Derrimut.AiPlans.Domain.Generation;

/// <summary>The outcome of reading an LLM's answer: a plan, or errors in the validator's shape (never both).</summary>
internal sealed record PlanParseResult(FitnessPlan? Plan, IReadOnlyList<PlanError> Errors)
{
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}

/// <summary>
/// Reads an LLM's JSON (shaped by <see cref="PlanJsonSchema"/>) into plan records. Malformed JSON, missing or
/// unknown properties, nulls and wrong types come back as <see cref="PlanError"/>s with a path, ready for the
/// repair prompt — this never throws for bad input.
/// </summary>
internal static partial class LlmPlanParser
{
    private static readonly JsonSerializerOptions StrictOptions = CreateStrictOptions();

    /// <summary>Parses the answer and attaches the energy we calculated (the LLM never supplies energy).</summary>
    public static PlanParseResult Parse(string? json, Energy energy)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Failure("$", "The response was empty; return the plan as a JSON object.");
        }

        try
        {
            var content = JsonSerializer.Deserialize<LlmPlanContent>(StripCodeFence(json), StrictOptions);
            return content is null
                ? Failure("$", "The response was JSON null; return the plan as a JSON object.")
                : new PlanParseResult(new FitnessPlan(content.Name, energy, content.WorkoutPlan, content.DietPlan), []);
        }
        catch (JsonException exception)
        {
            var path = ToPlanPath(exception.Path);
            return Failure(path, Describe(exception, path));
        }
    }

    /// <summary>Parses, then validates against the member's request: the one call an LLM generator needs per answer.</summary>
    public static PlanParseResult ParseAndValidate(string? json, PlanRequest request)
    {
        var parsed = Parse(json, EnergyCalculator.Calculate(request));
        if (parsed.Plan is null)
        {
            return parsed;
        }

        var errors = PlanValidator.Validate(parsed.Plan, request);
        return errors.Count == 0 ? parsed : new PlanParseResult(null, errors);
    }

    private sealed record LlmPlanContent(string Name, WorkoutPlan WorkoutPlan, DietPlan DietPlan);

    private static PlanParseResult Failure(string path, string message) => new(null, [new PlanError(path, message)]);

    /// <summary>Some models wrap JSON in a Markdown code fence even when asked not to.</summary>
    private static string StripCodeFence(string json)
    {
        var trimmed = json.Trim();
        var match = CodeFence().Match(trimmed);
        return match.Success ? match.Groups["body"].Value : trimmed;
    }

    private static string ToPlanPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };

    private static string Describe(JsonException exception, string path)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return $"Missing required property {missing.Groups["names"].Value}; every property in the schema is required (use null where allowed).";
        }

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"Unknown property '{unknown.Groups["name"].Value}'; remove it — only the schema's properties are allowed.";
        }

        if (NullNotAllowed().Match(message) is { Success: true } notNull)
        {
            return $"'{notNull.Groups["name"].Value}' must not be null.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return ExpectedType(path) switch
            {
                "integer" => "Expected a whole number.",
                "number" => "Expected a number.",
                "string" => "Expected a string.",
                "array" => "Expected an array.",
                "object" => "Expected an object.",
                _ => "Wrong type for this property; follow the schema.",
            };
        }

        var position = exception.LineNumber is { } line
            ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})"
            : string.Empty;
        return $"The response is not valid JSON{position}: {message}";
    }

    /// <summary>The schema's type at a plan path such as <c>workoutPlan.days[1].exercises[2].sets</c>.</summary>
    private static string? ExpectedType(string path)
    {
        System.Text.Json.Nodes.JsonNode? node = PlanJsonSchema.Build();
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            node = node?["properties"]?[name];
            for (var index = 0; index < segment.Count(character => character == '['); index++)
            {
                node = node?["items"];
            }
        }

        return node?["type"] switch
        {
            System.Text.Json.Nodes.JsonArray types => types[0]?.GetValue<string>(),
            System.Text.Json.Nodes.JsonValue type => type.GetValue<string>(),
            _ => null,
        };
    }

    private static JsonSerializerOptions CreateStrictOptions()
    {
        var options = new JsonSerializerOptions(PlanJson.Options)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [GeneratedRegex(@"^```[a-zA-Z]*\s*(?<body>.*?)\s*```$", RegexOptions.Singleline, 1000)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$", RegexOptions.None, 1000)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped", RegexOptions.None, 1000)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"(?:parameter|property) '(?<name>[^']+)' on type '[^']+' doesn't allow null", RegexOptions.None, 1000)]
    private static partial Regex NullNotAllowed();
}
