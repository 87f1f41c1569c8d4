using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Derrimut.Web.Account;

/// <summary>
/// Limits the account forms (sign-in, sign-up, 2FA codes, password reset) per client address, like the API's
/// <c>sign-in</c> policy and with the same <c>RateLimiting:SignInsPerMinute</c>. Page views are not limited: the
/// policy sits on every page endpoint, and only a POST to <c>/account/…</c> counts.
/// </summary>
internal sealed class AccountFormsRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "account-forms";

    private readonly int _permitsPerMinute = configuration.GetValue("RateLimiting:SignInsPerMinute", 10);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        // A person at a browser gets a page they can read, not a JSON problem document.
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en-AU\"><head><meta charset=\"utf-8\"><title>Too many attempts</title></head>" +
            "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111827\">" +
            "<h1>Too many attempts</h1><p>Please wait a minute, then go back and try again.</p></body></html>",
            cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method) && httpContext.Request.Path.StartsWithSegments("/account")
            ? RateLimitPartition.GetFixedWindowLimiter(
                "account:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = _permitsPerMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("pages");
}
