using System.Text.Json.Serialization;

namespace Derrimut.AiPlans.Domain.Plans;

/// <summary>The one set of JSON options for plans and plan requests: camelCase names, enums as camelCase strings.</summary>
internal static class PlanJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
