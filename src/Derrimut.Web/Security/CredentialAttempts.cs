using System.Threading.RateLimiting;
using Derrimut.BuildingBlocks.Http;

namespace Derrimut.Web.Security;

/// <summary>
/// Limits guesses at credentials by who is guessed at, not only where the guesses come from (decision 0062): the
/// token endpoint per client id, the sign-in form per account, each beside a per-address limit. A botnet spreading
/// one account's (or one client secret's) guesses over many addresses meets the per-account limit; one address
/// trying many accounts meets the per-address one.
/// <para>
/// Runs <b>before authentication</b>: OpenIddict answers a wrong client secret inside the authentication middleware,
/// so an endpoint limiter (after it) would never count the guesses that matter.
/// </para>
/// </summary>
internal sealed class CredentialAttempts : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CredentialAttempts(IConfiguration configuration)
    {
        var perClient = configuration.GetValue("RateLimiting:TokenRequestsPerClientPerMinute", 30);
        var perAccount = configuration.GetValue("RateLimiting:SignInsPerAccountPerMinute", 10);
        var perAddress = configuration.GetValue("RateLimiting:TokenRequestsPerAddressPerMinute", 120);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("client:", StringComparison.Ordinal) ? perClient
                : key.StartsWith("account:", StringComparison.Ordinal) ? perAccount
                : perAddress,
            Window = TimeSpan.FromMinutes(1),
        }));
    }

    /// <summary>Takes one permit from each key; false (and the permits taken so far kept) when any is exhausted.</summary>
    public bool TryAcquire(params string[] keys)
    {
        foreach (var key in keys)
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return false;
            }
        }

        return true;
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}

internal static class CredentialAttemptsSetup
{
    public static void AddCredentialAttempts(this IServiceCollection services) => services.AddSingleton<CredentialAttempts>();

    /// <summary>Counts token requests and sign-in form posts; place before <c>UseAuthentication</c>.</summary>
    public static void UseCredentialAttempts(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            await next(http);
            return;
        }

        var isToken = request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase);
        var isSignIn = request.Path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase);
        if (!isToken && !isSignIn)
        {
            await next(http);
            return;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A form ASP.NET Core cannot read (too many fields, a value over its limits) is the sender's fault, not a 500.
            await ProblemWriter.WriteAsync(http, StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The form could not be read.",
                "The posted form is malformed or over the size limits.");
            return;
        }

        var address = "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var limits = http.RequestServices.GetRequiredService<CredentialAttempts>();
        // Keys are normalised so "Bob@x" and "bob@x " share one bucket; the client id may come in Basic credentials.
        var who = isToken
            ? "client:" + (ClientIdOf(request, form) ?? "(none)")
            : "account:" + form["Input.Email"].ToString().Trim().ToUpperInvariant();
        if (limits.TryAcquire(who, address))
        {
            await next(http);
            return;
        }

        http.Response.Headers.RetryAfter = "60";
        await ProblemWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many attempts.",
            isToken ? "Too many token requests for this client; wait a minute." : "Too many sign-in attempts for this account; wait a minute.");
    });

    private static string? ClientIdOf(HttpRequest request, IFormCollection form)
    {
        if (form["client_id"].ToString() is { Length: > 0 } id)
        {
            return id.Trim();
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return Uri.UnescapeDataString(decoded.Split(':', 2)[0]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
