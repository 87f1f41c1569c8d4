using Derrimut.AiPlans.Domain.Input;

namespace Derrimut.AiPlans.Domain.Vapi;

/// <summary>Where a value identifying the member came from. Call variables and metadata are set by our own app
/// when it starts the call; tool arguments are filled in by the voice agent's LLM from the conversation, so a
/// caller could talk it into any value — treat <see cref="ToolArguments"/> as a claim to verify, not an identity.</summary>
internal enum VapiValueSource
{
    CallVariables,
    CallMetadata,
    ToolArguments,
}

/// <param name="Identifier">The member (user) id as sent, e.g. our member id or the original platform's user id.</param>
/// <param name="Key">The variable or argument name it came from, e.g. <c>user_id</c>.</param>
internal sealed record VapiMemberReference(string Identifier, VapiValueSource Source, string Key);

/// <param name="CallId"><c>message.call.id</c>.</param>
/// <param name="Variables">Scalar call variables and metadata (first source wins per name): see <see cref="VapiToolCallParser"/>.</param>
/// <param name="CustomerNumber">The caller's phone number for phone calls (<c>message.customer.number</c> or <c>message.call.customer.number</c>).</param>
/// <param name="CallToken">The Derrimut call token (variable or metadata <c>call_token</c>) our app started the call with:
/// the only proof of the member the webhook accepts (decision 0060); <see cref="Member"/> is what a browser could set.</param>
internal sealed record VapiCallContext(
    string? CallId,
    IReadOnlyDictionary<string, string> Variables,
    VapiMemberReference? Member,
    string? MemberName,
    string? CustomerNumber,
    string? CallToken = null);

/// <summary>One tool call: its id (echo it back exactly), the function name, the plan answers read from its
/// arguments, and the member it is for (call variables first, then the arguments).</summary>
internal sealed record VapiToolCall(string Id, string? Name, PlanRequestReadResult Plan, VapiMemberReference? Member);

/// <param name="MessageType"><c>message.type</c>; only <c>tool-calls</c> carries tool calls to answer.</param>
/// <param name="Problems">Envelope problems (body not JSON, no message, a tool call without an id).</param>
internal sealed record VapiWebhookMessage(
    string? MessageType,
    IReadOnlyList<VapiToolCall> ToolCalls,
    VapiCallContext Call,
    IReadOnlyList<string> Problems)
{
    public const string ToolCallsType = "tool-calls";

    public bool IsToolCalls => string.Equals(MessageType, ToolCallsType, StringComparison.Ordinal);
}

/// <summary>
/// Reads a Vapi server-URL webhook body. Tolerant of every tool-call shape Vapi's docs and real payloads show
/// (integration-facts §3.2): calls from <c>message.toolCallList</c>, <c>message.toolWithToolCallList[].toolCall</c>
/// and OpenAI-style <c>message.toolCalls</c> (deduplicated by id); the name from <c>function.name</c> or
/// <c>name</c>; arguments from <c>function.arguments</c>, <c>function.parameters</c>, <c>arguments</c> or
/// <c>parameters</c>, as an object or as a JSON string. Never throws for bad input.
/// </summary>
/// <remarks>
/// Call variables are read, in order, from <c>message.call.assistantOverrides.variableValues</c> (set by the web
/// SDK's <c>vapi.start(assistantId, { variableValues })</c>), <c>message.call.workflowOverrides.variableValues</c>
/// and <c>message.call.squadOverrides.variableValues</c>; metadata from <c>message.call.assistantOverrides.metadata</c>,
/// <c>message.call.metadata</c> and <c>message.assistant.metadata</c>.
/// </remarks>
internal static class VapiToolCallParser
{
    private static readonly string[] MemberKeys = ["memberid", "userid", "member", "user", "clerkid"];
    private static readonly string[] NameKeys = ["fullname", "membername", "name", "username"];

    public static VapiWebhookMessage Parse(string? body)
    {
        var emptyContext = new VapiCallContext(null, new Dictionary<string, string>(), null, null, null);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new VapiWebhookMessage(null, [], emptyContext, ["The request body is empty."]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return new VapiWebhookMessage(null, [], emptyContext, [$"The request body is not valid JSON: {exception.Message}"]);
        }

        using (document)
        {
            if (Property(document.RootElement, "message") is not { ValueKind: JsonValueKind.Object } message)
            {
                return new VapiWebhookMessage(null, [], emptyContext, ["The body has no \"message\" object."]);
            }

            var type = String(Property(message, "type"));
            var context = ReadContext(message);
            var problems = new List<string>();
            var toolCalls = new List<VapiToolCall>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (item, fallbackName) in ToolCallItems(message))
            {
                var id = String(Property(item, "id"));
                if (string.IsNullOrEmpty(id))
                {
                    problems.Add("A tool call has no id, so it cannot be answered; it was skipped.");
                    continue;
                }

                if (seen.Add(id))
                {
                    toolCalls.Add(ReadToolCall(item, id, fallbackName, context));
                }
            }

            return new VapiWebhookMessage(type, toolCalls, context, problems);
        }
    }

    private static IEnumerable<(JsonElement Item, string? FallbackName)> ToolCallItems(JsonElement message)
    {
        foreach (var item in Array(Property(message, "toolCallList")))
        {
            yield return (item, null);
        }

        foreach (var item in Array(Property(message, "toolWithToolCallList")))
        {
            if (Property(item, "toolCall") is { ValueKind: JsonValueKind.Object } toolCall)
            {
                yield return (toolCall, String(Property(Property(item, "function"), "name")) ?? String(Property(item, "name")));
            }
        }

        foreach (var item in Array(Property(message, "toolCalls")))
        {
            yield return (item, null);
        }
    }

    private static VapiToolCall ReadToolCall(JsonElement item, string id, string? fallbackName, VapiCallContext context)
    {
        var function = Property(item, "function");
        var name = String(Property(function, "name")) ?? String(Property(item, "name")) ?? fallbackName;
        var arguments = Property(function, "arguments") ?? Property(function, "parameters") ?? Property(item, "arguments") ?? Property(item, "parameters");

        if (arguments is { ValueKind: JsonValueKind.String } text)
        {
            var json = text.GetString();
            if (string.IsNullOrWhiteSpace(json))
            {
                return Read(id, name, EmptyObject(), context);
            }

            try
            {
                using var parsed = JsonDocument.Parse(json);
                return Read(id, name, parsed.RootElement, context);
            }
            catch (JsonException exception)
            {
                var errors = new FieldErrors();
                errors.Add("arguments", $"The tool call's arguments string is not valid JSON: {exception.Message}");
                return new VapiToolCall(id, name, new PlanRequestReadResult(null, errors.ToDictionary()), context.Member);
            }
        }

        return Read(id, name, arguments is { ValueKind: JsonValueKind.Object } obj ? obj : EmptyObject(), context);
    }

    private static VapiToolCall Read(string id, string? name, JsonElement arguments, VapiCallContext context)
    {
        var plan = PlanRequestReader.Read(arguments);
        var member = context.Member ?? FindMember(Scalars(arguments), VapiValueSource.ToolArguments);
        return new VapiToolCall(id, name, plan, member);
    }

    private static VapiCallContext ReadContext(JsonElement message)
    {
        var call = Property(message, "call");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[]
        {
            Property(Property(call, "assistantOverrides"), "variableValues"),
            Property(Property(call, "workflowOverrides"), "variableValues"),
            Property(Property(call, "squadOverrides"), "variableValues"),
        })
        {
            foreach (var (key, value) in Scalars(source))
            {
                variables.TryAdd(key, value);
            }
        }

        foreach (var source in new[]
        {
            Property(Property(call, "assistantOverrides"), "metadata"),
            Property(call, "metadata"),
            Property(Property(message, "assistant"), "metadata"),
        })
        {
            foreach (var (key, value) in Scalars(source))
            {
                metadata.TryAdd(key, value);
            }
        }

        var member = FindMember(variables, VapiValueSource.CallVariables) ?? FindMember(metadata, VapiValueSource.CallMetadata);
        var all = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            all.TryAdd(key, value);
        }

        var memberName = NameKeys
            .Select(wanted => all.FirstOrDefault(pair => PlanRequestReader.Normalise(pair.Key) == wanted).Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        var customerNumber = String(Property(Property(message, "customer"), "number"))
            ?? String(Property(Property(call, "customer"), "number"));
        // Only the call's own variables and metadata: a token in the tool arguments was spoken into them.
        var callToken = all.FirstOrDefault(pair => PlanRequestReader.Normalise(pair.Key) == "calltoken").Value;
        return new VapiCallContext(String(Property(call, "id")), all, member, memberName, customerNumber, string.IsNullOrWhiteSpace(callToken) ? null : callToken);
    }

    private static VapiMemberReference? FindMember(IReadOnlyDictionary<string, string> values, VapiValueSource source)
    {
        foreach (var wanted in MemberKeys)
        {
            foreach (var (key, value) in values)
            {
                if (PlanRequestReader.Normalise(key) == wanted && !string.IsNullOrWhiteSpace(value))
                {
                    return new VapiMemberReference(value.Trim(), source, key);
                }
            }
        }

        return null;
    }

    /// <summary>String, number and boolean properties of an object, as text.</summary>
    private static Dictionary<string, string> Scalars(JsonElement? element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return values;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                values.TryAdd(property.Name, text);
            }
        }

        return values;
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? String(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString(),
        JsonValueKind.Number => element.Value.GetRawText(),
        _ => null,
    };

    private static List<JsonElement> Array(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array ? [.. array.EnumerateArray()] : [];

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
