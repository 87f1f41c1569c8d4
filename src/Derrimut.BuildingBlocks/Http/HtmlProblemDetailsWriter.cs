using System.Text.Encodings.Web;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// A person who types a suspended or unknown gym's address into a browser should see a page, not JSON. For page
/// navigations (GET/HEAD that accept <c>text/html</c>, outside <c>/api</c>, <c>/webhooks</c> and <c>/connect</c>)
/// the same problem is rendered as a small, self-contained HTML page with the same status code; API clients and
/// webhooks keep getting RFC 9457 JSON from the default writer that follows this one.
/// </summary>
internal sealed class HtmlProblemDetailsWriter(IOptions<TenancyOptions> tenancy) : IProblemDetailsWriter
{
    private static readonly string[] MachinePaths = ["/api", "/webhooks", "/connect", "/health", "/openapi"];

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (MachinePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Browsers list text/html first; API clients ask for JSON or send */* only.
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        var html = HtmlEncoder.Default;
        var title = html.Encode(problem.Title ?? "Something went wrong.");
        var detail = html.Encode(problem.Detail ?? "");
        // From configuration, never the request's Host: this page is what a mistyped or hostile address shows.
        var settings = tenancy.Value;
        var port = settings.PublicPort is { } p ? $":{p}" : "";
        var home = html.Encode($"{settings.PublicScheme}://{settings.RootDomain}{port}/");
        var trace = html.Encode(context.HttpContext.TraceIdentifier);
        response.ContentType = "text/html; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en-AU">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · Derrimut 24:7 Gym</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
            main{max-width:36rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;border:1px solid #d8dde3}
            h1{font-size:1.5rem;margin:0 0 .75rem}p{line-height:1.5}a{color:#0b57d0}.muted{color:#57606a;font-size:.85rem}
            </style>
            </head>
            <body>
            <main>
            <h1>{{title}}</h1>
            <p>{{detail}}</p>
            <p><a href="{{home}}">Find a Derrimut gym</a></p>
            <p class="muted">Error {{problem.Status}} · reference {{trace}}</p>
            </main>
            </body>
            </html>
            """, context.HttpContext.RequestAborted);
    }
}
