using System.Text.Json;
using Derrimut.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// Turns every exception into RFC 9457 problem details: known ones into 4xx naming the field where there is one,
/// anything else into a 500 without internals. Bad input must never look like a server failure.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("Request refused with {Status}: {Detail}", problem.Status, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (exception is StillInProgressException inProgress)
        {
            httpContext.Response.Headers.RetryAfter = inProgress.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // The database comes back within seconds (a restart, a fail-over, a burst that exhausted the pool): tell
            // clients and the proxy when to try again instead of letting them hammer it.
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = 400,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid.",
        },
        NotFoundException n => Problem(404, ProblemTypes.NotFound, "Not found.", n.Message),
        ConflictException c => WithField(Problem(409, ProblemTypes.Conflict, "Conflict.", c.Message), c.Field),
        StillInProgressException p => WithField(Problem(409, ProblemTypes.IdempotentRequestInFlight, "Still in progress.", p.Message), p.Field),
        DbUpdateConcurrencyException => Problem(409, ProblemTypes.Conflict, "Conflict.",
            "Someone else changed this record after you loaded it. Reload it and try again."),
        ForbiddenException f => Forbidden(f),
        TenantOwnershipException => Problem(403, ProblemTypes.Forbidden, "Forbidden.", "That record belongs to another gym."),
        // Only JSON errors wrapped by request binding are the client's fault; a bare JsonException is ours (a stored
        // document or a provider's response that failed to parse) and stays a 500.
        BadHttpRequestException b => MapBadRequest(b),
        _ when IsTransientDatabaseFailure(exception) => Problem(503, ProblemTypes.ServiceUnavailable, "The service is busy for a moment.",
            "The database did not answer in time. Nothing was changed; please try again shortly."),
        _ => Problem(500, ProblemTypes.ServerError, "Something went wrong on our side.", "Nothing was changed. Please try again."),
    };

    /// <summary>What a 503 for a database that is briefly away tells clients to wait, in seconds.</summary>
    internal const string RetryAfterSeconds = "5";

    /// <summary>
    /// True when the failure is the database being away or overloaded rather than a bug: connection refused or broken,
    /// a command timeout, the pool exhausted, the server shutting down or refusing connections, a statement cancelled
    /// by <c>statement_timeout</c>, a lock wait timeout, a serialization failure or deadlock, SQLite busy/locked. EF
    /// Core wraps these (<see cref="DbUpdateException"/>, <see cref="InvalidOperationException"/>, the retry strategy's
    /// <see cref="RetryLimitExceededException"/>), so the whole chain of inner exceptions is looked at.
    /// </summary>
    internal static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException or RetryLimitExceededException:
                case Npgsql.PostgresException { SqlState: "57014" or "55P03" or "57P01" or "57P02" or "57P03" or "53300" or "53400" or "40001" or "40P01" }:
                case Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case Npgsql.NpgsqlException and not Npgsql.PostgresException when e.Message.Contains("connection pool", StringComparison.OrdinalIgnoreCase):
                case Microsoft.Data.SqlClient.SqlException { Number: -2 or 1205 or 1222 or 4060 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920 or 233 or 64 or 10053 or 10054 or 10060 or 10061 }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }:
                case System.Net.Sockets.SocketException:
                    return true;
                case System.Data.Common.DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private static ProblemDetails MapBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", exception.Message);
        }

        if (exception.InnerException is JsonException json)
        {
            return Malformed(json);
        }

        return Problem(exception.StatusCode, ProblemTypes.MalformedRequest, "The request could not be read.", exception.Message);
    }

    private static HttpValidationProblemDetails Malformed(JsonException json)
    {
        // JsonException.Path ("$.address.postcode") names the offending field; expose it as the field name.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [json is NullCharacterInJsonException || json.InnerException is NullCharacterInJsonException
                ? NullCharacterGuard.Message
                : "The value is not valid JSON for this field (wrong type or malformed)."],
        })
        {
            Status = 400,
            Type = ProblemTypes.MalformedRequest,
            Title = "The request body is not valid JSON for this endpoint.",
        };
    }

    private static ProblemDetails Forbidden(ForbiddenException exception)
    {
        var problem = Problem(403, exception.ProblemType ?? ProblemTypes.Forbidden, "Forbidden.", exception.Message);
        // Say where to go: a client cannot guess the page that fixes the refusal.
        switch (exception.ProblemType)
        {
            case ProblemTypes.TwoFactorRequired:
                problem.Title = "Two-factor sign-in required.";
                problem.Extensions["setUpAt"] = Authorization.TwoFactorRule.SetupPath;
                break;
            case ProblemTypes.StepUpRequired:
                problem.Title = "Confirm it's you first.";
                problem.Extensions["stepUpAt"] = Authorization.TwoFactorRule.StepUpPath;
                problem.Extensions["stepUpEndpoint"] = Authorization.TwoFactorRule.StepUpEndpoint;
                break;
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string type, string title, string? detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static ProblemDetails WithField(ProblemDetails problem, string? field)
    {
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }
}
