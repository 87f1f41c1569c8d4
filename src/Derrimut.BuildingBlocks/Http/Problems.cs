using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>RFC 9457 problem types the platform answers with. The URIs identify the problem kind; they are stable.</summary>
public static class ProblemTypes
{
    private const string Base = "https://derrimut.com.au/problems/";

    /// <summary>Input failed validation; <c>errors</c> names the fields.</summary>
    public const string Validation = Base + "validation";

    /// <summary>No tenant is served at this host or header value.</summary>
    public const string UnknownTenant = Base + "unknown-tenant";

    /// <summary>The host and the <c>X-Tenant</c> header disagree.</summary>
    public const string ConflictingTenant = Base + "conflicting-tenant";

    /// <summary>The request's host is not the root domain or one of its subdomains (answered with 421).</summary>
    public const string ForeignHost = Base + "foreign-host";

    /// <summary>The <c>X-Tenant</c> header picked a tenant for a call that is not a bearer-token API call.</summary>
    public const string TenantHeaderNeedsBearer = Base + "tenant-header-needs-bearer";

    /// <summary>The tenant is suspended by the platform.</summary>
    public const string TenantSuspended = Base + "tenant-suspended";

    /// <summary>The tenant is still being set up.</summary>
    public const string TenantNotOpen = Base + "tenant-not-open";

    /// <summary>The endpoint does not exist in this scope (e.g. a platform API on a location's site).</summary>
    public const string WrongScope = Base + "wrong-scope";

    /// <summary>The resource does not exist (or is not visible to the caller).</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>The request conflicts with current state (duplicate, already exists, changed meanwhile).</summary>
    public const string Conflict = Base + "conflict";

    /// <summary>The request body was not readable (bad JSON, wrong types).</summary>
    public const string MalformedRequest = Base + "malformed-request";

    /// <summary>The request body is larger than allowed.</summary>
    public const string PayloadTooLarge = Base + "payload-too-large";

    /// <summary>The caller may not do this.</summary>
    public const string Forbidden = Base + "forbidden";

    /// <summary>The person must turn on two-factor sign-in before using this (decision 0059); <c>setUpAt</c> says where.</summary>
    public const string TwoFactorRequired = Base + "two-factor-required";

    /// <summary>
    /// A sensitive change needs the password or an authenticator code entered again recently (decision 0059);
    /// <c>stepUpAt</c> names the page, <c>stepUpEndpoint</c> the API call.
    /// </summary>
    public const string StepUpRequired = Base + "step-up-required";

    /// <summary>Too many requests; retry later.</summary>
    public const string RateLimited = Base + "rate-limited";

    /// <summary>An <c>Idempotency-Key</c> was sent again with a different request (422; decision 0068).</summary>
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";

    /// <summary>The first request with this <c>Idempotency-Key</c> is still running (409); retry for its answer.</summary>
    public const string IdempotentRequestInFlight = Base + "idempotent-request-in-flight";

    /// <summary>
    /// The first request with this <c>Idempotency-Key</c> was carried out, but its answer was lost (its server stopped
    /// between saving and answering): 409, replayed to every retry, which never runs the write again. Decision 0081.
    /// </summary>
    public const string IdempotentRequestAnswerLost = Base + "idempotent-request-answer-lost";

    /// <summary>The database is unreachable or overloaded for a moment (503 with <c>Retry-After</c>); nothing was changed.</summary>
    public const string ServiceUnavailable = Base + "service-unavailable";

    /// <summary>An unexpected failure; nothing was changed.</summary>
    public const string ServerError = Base + "server-error";
}

/// <summary>Writes problem details outside endpoints (middleware), through the app's <see cref="IProblemDetailsService"/>.</summary>
public static class ProblemWriter
{
    /// <summary>Writes a problem response and ends the request.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string type, string title, string? detail = null,
        IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Writes a 400 validation problem naming one field (outside an endpoint, where no exception reaches the
    /// problem handler) and ends the request.</summary>
    public static async Task WriteInvalidFieldAsync(HttpContext context, string field, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid.",
        };
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
