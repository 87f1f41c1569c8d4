using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// Refuses text that holds a NUL character (U+0000) wherever a client can send text: JSON bodies, query strings, route
/// values and form posts. No field of ours means anything by it, SQLite and SQL Server would store it silently, and
/// PostgreSQL refuses it (22021) only at save time, which surfaced as a 500 in the fuzzing run on PostgreSQL. Refusing
/// it at the edge gives a 400 naming the field before any handler runs, so nothing is half-written.
/// </summary>
public static class NullCharacterGuard
{
    /// <summary>What the problem says about the field.</summary>
    public const string Message = "The value contains a NUL character (U+0000), which is not allowed in text.";

    internal static bool Holds(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    internal static bool Holds(StringValues values)
    {
        foreach (var value in values)
        {
            if (Holds(value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Reads JSON strings as the built-in converter does and refuses one holding a NUL character. Its
/// <see cref="JsonException"/> is wrapped by request binding, so the exception handler answers 400 with the JSON path
/// of the field (<see cref="ProblemExceptionHandler"/>).
/// </summary>
internal sealed class NullCharacterRefusingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return NullCharacterGuard.Holds(value) ? throw new NullCharacterInJsonException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString() ?? string.Empty;
        return NullCharacterGuard.Holds(value) ? throw new NullCharacterInJsonException() : value;
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>Marks the refusal so the problem can say why, rather than "malformed".</summary>
internal sealed class NullCharacterInJsonException() : JsonException(NullCharacterGuard.Message);

/// <summary>
/// The same rule for the text that does not come through JSON: query string, route values and form fields (the account
/// pages' posts are plain forms). Runs after routing, so route values are known.
/// </summary>
internal sealed class NullCharacterMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var field = await FindAsync(context);
        if (field is not null)
        {
            await ProblemWriter.WriteInvalidFieldAsync(context, field, NullCharacterGuard.Message);
            return;
        }

        await next(context);
    }

    private static async Task<string?> FindAsync(HttpContext context)
    {
        var request = context.Request;
        if (NullCharacterGuard.Holds(request.Path.Value))
        {
            return "path";
        }

        foreach (var (key, values) in request.Query)
        {
            if (NullCharacterGuard.Holds(key) || NullCharacterGuard.Holds(values))
            {
                return key;
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && NullCharacterGuard.Holds(text))
            {
                return key;
            }
        }

        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            IFormCollection form;
            var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
            if (urlEncoded)
            {
                // ASP.NET Core's form reader itself throws on an encoded NUL (%00) without saying which field held it;
                // keeping the body lets us read it again to name the field.
                request.EnableBuffering();
            }

            try
            {
                // Buffered by ASP.NET Core in the request's features: antiforgery and the endpoint read the same copy.
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // A form malformed otherwise is answered by whoever reads it next, as before.
                return urlEncoded ? await FieldWithEncodedNulAsync(request, context.RequestAborted) : null;
            }

            foreach (var (key, values) in form)
            {
                if (NullCharacterGuard.Holds(key) || NullCharacterGuard.Holds(values))
                {
                    return key;
                }
            }
        }

        return null;
    }

    /// <summary>The first field of a url-encoded body whose name or value decodes to text holding a NUL character.</summary>
    private static async Task<string?> FieldWithEncodedNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        string body;
        using (var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        request.Body.Position = 0;
        foreach (var pair in body.Split('&'))
        {
            var parts = pair.Split('=', 2);
            var key = Decode(parts[0]);
            if (NullCharacterGuard.Holds(key) || (parts.Length == 2 && NullCharacterGuard.Holds(Decode(parts[1]))))
            {
                return key;
            }
        }

        return null;
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
