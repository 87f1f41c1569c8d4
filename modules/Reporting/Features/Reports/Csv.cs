using System.Text;
using Microsoft.AspNetCore.Http;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>A report's detail rows for <c>format=csv</c>: the header and the rows as the database hands them over.</summary>
internal sealed record CsvExport(string FileName, IReadOnlyList<string> Header, IAsyncEnumerable<string[]> Rows);

/// <summary>
/// Streams a <see cref="CsvExport"/> to the response: each row is written as it is read, flushed every few hundred
/// rows, so memory stays flat however many rows there are (no list of all rows is ever built).
/// </summary>
internal sealed class CsvResult(CsvExport export) : IResult
{
    private const int FlushEvery = 500;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
        response.Headers.CacheControl = "no-store";
        var cancellationToken = httpContext.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, export.Header);
        var count = 0;
        await foreach (var row in export.Rows.WithCancellation(cancellationToken))
        {
            await WriteLineAsync(writer, row);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static Task WriteLineAsync(StreamWriter writer, IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Csv.Escape(fields[i]));
        }

        line.Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }
}

/// <summary>CSV fields (RFC 4180), safe to open in a spreadsheet.</summary>
internal static class Csv
{
    /// <summary>Quotes a field when it holds a comma, quote or line break.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// A free-text field (a product's or member's name): one starting with <c>= + - @</c> or a tab would run as a
    /// formula in a spreadsheet, so it gets a leading apostrophe (OWASP's CSV-injection advice). Numbers never pass here.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? "" : "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant in the gym's local time with its offset, e.g. <c>2026-12-04T06:15:00+11:00</c>.</summary>
    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
