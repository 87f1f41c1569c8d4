using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// One API write made with an <c>Idempotency-Key</c>: who sent it (tenant, caller, key — unique together), what it
/// was (a fingerprint of method, path and body) and, once answered, the answer to replay. A row without a status is
/// still in flight. Kept in the application database (<c>kernel.idempotent_requests</c>), so every node sees it and
/// the unique index, not a lock in one process, decides which of two concurrent duplicates runs. Decision 0068.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The gym (or franchise) the write was made at; <see cref="Guid.Empty"/> in platform scope.</summary>
    public Guid TenantId { get; set; }

    /// <summary>Who sent it: <c>user:{id}</c>, <c>client:{client id}</c> or <c>platform-key</c>.</summary>
    public string Caller { get; set; } = "";

    /// <summary>The client's key, as sent (quotes of a structured-field string removed).</summary>
    public string Key { get; set; } = "";

    /// <summary>SHA-256 (hex) of method, path with query and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>When the first request arrived (or an abandoned one was taken over); old rows are purged.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The stored answer's status; null while the first request is still running.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The answer's headers worth replaying (content type, location, ETag), as a JSON object.</summary>
    public string? ResponseHeaders { get; set; }

    /// <summary>The answer's body.</summary>
    public byte[]? ResponseBody { get; set; }

    /// <summary>
    /// When a write made by this request last committed, set by <see cref="IdempotentWriteMarker"/> inside the write's
    /// own transaction: a request whose write committed is never run again, even when its answer was never stored.
    /// </summary>
    public DateTimeOffset? CommittedAt { get; set; }
}

/// <summary>Settings under <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Idempotency";

    /// <summary>How long a stored answer is replayed; older rows are purged (24 h, as Stripe keeps its keys).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request may stay in flight before a retry may take it over: longer than any request runs (the host's
    /// shutdown budget is 30 s), so only the row of a node that died mid-request is ever taken over.
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The table, the middleware and the purge of idempotency keys on API writes (decision 0068).</summary>
public static class IdempotencyKeys
{
    /// <summary>The request header (IETF draft <c>httpapi-idempotency-key-header</c>, Stripe's spelling).</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The header on a response that is a replay of the stored one.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The longest key accepted (Stripe's limit; a UUID is 36).</summary>
    public const int MaxKeyLength = 255;

    /// <summary>The purge job's name (also its key under <c>Jobs:Schedules</c>).</summary>
    public const string PurgeJobName = "PurgeIdempotentRequests";

    internal static readonly string[] ReplayedHeaders = ["Content-Type", "Location", "ETag", "Last-Modified", "Content-Language"];

    /// <summary>Maps the kernel table.</summary>
    public static void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<IdempotentRequest>(b =>
        {
            b.ToTable("idempotent_requests", "kernel");
            b.HasKey(r => r.Id);
            b.Property(r => r.Caller).HasMaxLength(200).IsRequired();
            b.Property(r => r.Key).HasMaxLength(MaxKeyLength).IsRequired();
            b.Property(r => r.Fingerprint).HasMaxLength(64).IsRequired();
            // The rule itself: one row per key per caller per gym, whichever node or request gets there first.
            b.HasIndex(r => new { r.TenantId, r.Caller, r.Key }).IsUnique();
            b.HasIndex(r => r.CreatedAt);
        });

    internal static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddSingleton<IdempotencyKeyMiddleware>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, IdempotentWriteMarker>();
    }

    /// <summary>
    /// The key row of the API write running on this async flow, if it carries a key: every save made while it runs
    /// marks that row committed in the save's own transaction (<see cref="IdempotentWriteMarker"/>).
    /// </summary>
    internal static readonly AsyncLocal<RunningKeyedWrite?> RunningRequest = new();

    /// <summary>
    /// The final answer of a request whose write committed but whose own answer was lost (its node died, or the
    /// database went away between the commit and the answer): a 409 saying it was carried out, stored and replayed
    /// like any other, so no retry runs the write twice.
    /// </summary>
    internal static (int Status, string Headers, byte[] Body) AnswerLost()
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = ProblemTypes.IdempotentRequestAnswerLost,
            Status = StatusCodes.Status409Conflict,
            Title = "This request was carried out, but its answer was lost.",
            Detail = "Its changes were saved before the server handling it stopped. Look up the result (your bookings, orders or check-ins) instead of sending it again.",
            Extensions = { ["field"] = HeaderName },
        };
        return (StatusCodes.Status409Conflict,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["Content-Type"] = "application/problem+json" }),
            JsonSerializer.SerializeToUtf8Bytes(problem));
    }

    /// <summary>
    /// Honours <c>Idempotency-Key</c> on API writes. Goes after authentication (the key belongs to a caller) and the
    /// rate limiter (a refusal to try again later must not be stored as the answer).
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyKeyMiddleware>();

    /// <summary>The caller a key belongs to, or null when the caller is anonymous (keys are then not honoured).</summary>
    internal static string? Caller(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (user.FindUserId() is { } person)
        {
            return $"user:{person}";
        }

        var client = user.FindFirstValue("client_id") ?? user.FindFirstValue("azp");
        if (client is not null)
        {
            return $"client:{client}";
        }

        return user.Identity.AuthenticationType is { Length: > 0 } scheme ? $"scheme:{scheme}" : null;
    }

    /// <summary>The key as sent, or null when it is malformed: 1–255 visible ASCII characters, optionally in quotes.</summary>
    internal static string? ParseKey(string value)
    {
        // RFC 8941 string form ("…", as the IETF draft writes it) or a bare token (as Stripe's clients send it).
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return value.Length is > 0 and <= MaxKeyLength && value.All(c => c is > ' ' and < (char)0x7F and not '"' and not '\\') ? value : null;
    }

    internal static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// The first write with a key runs and its answer is stored; a repeat with the same request gets the stored answer
/// (<c>Idempotent-Replayed: true</c>) without running again; the same key with another request is a 422; a repeat while
/// the first still runs is a 409. Answers of 5xx, and requests that end in an exception, are not stored: their row is
/// removed so the retry runs (an exception means the write's transaction did not commit). Anonymous calls are not keyed:
/// there is no caller to keep one client's answers from another.
/// </summary>
internal sealed class IdempotencyKeyMiddleware(
    IDbContextFactory<DerrimutDbContext> contexts, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<IdempotencyKeyMiddleware> logger)
    : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(IdempotencyKeys.HeaderName, out var values)
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var key = values.Count == 1 ? IdempotencyKeys.ParseKey(values[0] ?? "") : null;
        if (key is null)
        {
            await WriteMalformedKeyAsync(context);
            return;
        }

        var caller = IdempotencyKeys.Caller(context.User);
        if (caller is null)
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            body = copy.ToArray();
        }

        request.Body.Position = 0;
        var tenantId = context.RequestServices.GetRequiredService<ICurrentTenant>().Id ?? Guid.Empty;
        var row = new IdempotentRequest
        {
            TenantId = tenantId, Caller = caller, Key = key, Fingerprint = IdempotencyKeys.Fingerprint(request, body), CreatedAt = time.GetUtcNow(),
        };

        if (!await ClaimAsync(context, row, context.RequestAborted))
        {
            return;
        }

        await RunAndStoreAsync(context, next, row);
    }

    /// <summary>True when this request holds the key and must run; otherwise the answer (replay or refusal) is written.</summary>
    private async Task<bool> ClaimAsync(HttpContext context, IdempotentRequest claim, CancellationToken ct)
    {
        if (await TryInsertAsync(claim, ct))
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Set<IdempotentRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == claim.TenantId && r.Caller == claim.Caller && r.Key == claim.Key, ct);
        if (existing is null)
        {
            // Purged between our insert and our read: a fresh start is still the right answer.
            return await TryInsertAsync(claim, ct) || await RefuseInFlightAsync(context);
        }

        if (existing.Fingerprint != claim.Fingerprint)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                "This idempotency key was used for a different request.",
                "Send a new Idempotency-Key for a new request; reuse a key only to retry the very same request.",
                new Dictionary<string, object?> { ["field"] = IdempotencyKeys.HeaderName });
            return false;
        }

        if (existing.StatusCode is { } status)
        {
            await ReplayAsync(context, existing, status);
            return false;
        }

        // Still in flight. Past the timeout, its node died mid-request. If none of its writes committed, the first retry
        // to move the row's clock on (a conditional update, so only one does) runs the request again; if one did, running
        // it again would do it twice, so the answer becomes "carried out, answer lost" for good.
        var abandonedBefore = time.GetUtcNow() - options.Value.InFlightTimeout;
        if (existing.CreatedAt < abandonedBefore)
        {
            if (existing.CommittedAt is null)
            {
                var taken = await db.Set<IdempotentRequest>()
                    .Where(r => r.Id == existing.Id && r.StatusCode == null && r.CommittedAt == null && r.CreatedAt == existing.CreatedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, claim.CreatedAt), ct);
                if (taken == 1)
                {
                    claim.Id = existing.Id;
                    return true;
                }
            }
            else
            {
                await StoreAnswerLostAsync(existing.Id);
                var stored = await db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == existing.Id, ct);
                if (stored?.StatusCode is { } lostStatus)
                {
                    await ReplayAsync(context, stored, lostStatus);
                    return false;
                }
            }
        }

        return await RefuseInFlightAsync(context);
    }

    private async Task RunAndStoreAsync(HttpContext context, RequestDelegate next, IdempotentRequest row)
    {
        var original = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        var stored = false;
        var commitUncertain = false;
        var running = new RunningKeyedWrite(row.Id);
        try
        {
            IdempotencyKeys.RunningRequest.Value = running;
            await next(context);
            var status = context.Response.StatusCode;
            // 5xx is our failure and 408/425/429 say "try again later": none is the request's final answer.
            if (status < 500 && status is not (408 or 425 or 429))
            {
                var headers = IdempotencyKeys.ReplayedHeaders
                    .Where(h => context.Response.Headers.ContainsKey(h))
                    .ToDictionary(h => h, h => context.Response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
                var answerToKeep = new StoredAnswer(row.Id, status, JsonSerializer.Serialize(headers), answer.ToArray());
                try
                {
                    // Not the request's token: the answer must be stored even if the client has gone (it will retry).
                    stored = await StoreAsync(answerToKeep);
                }
                catch (Exception ex) when (ProblemExceptionHandler.IsTransientDatabaseFailure(ex))
                {
                    // The write has committed (its handler answered) but the database failed before its answer was
                    // kept. Forgetting the key now, or leaving it to be taken over after the in-flight timeout, would
                    // let a retry run the write a second time (found by etc/faults/restart-postgres.sh). So the key stays
                    // in flight (retries get 409 + Retry-After), the answer is stored as soon as the database is back,
                    // and then retries replay it. This client gets its answer now.
                    logger.LogWarning(ex, "Could not store the answer of idempotency key row {Id} yet; storing it when the database is back", row.Id);
                    StoreWhenTheDatabaseIsBack(answerToKeep);
                    stored = true;
                }
            }
        }
        catch (Exception ex) when (ProblemExceptionHandler.IsTransientDatabaseFailure(ex))
        {
            // The database failed under the write: its commit may have happened with only the acknowledgement lost.
            commitUncertain = true;
            throw;
        }
        finally
        {
            // Work the request started and left running (a notice sent after the answer) is not this write any more.
            running.Ended = true;
            IdempotencyKeys.RunningRequest.Value = null;
            context.Response.Body = original;
            if (!stored)
            {
                await ForgetAsync(row.Id, commitUncertain);
            }
        }

        answer.Position = 0;
        await answer.CopyToAsync(original, context.RequestAborted);
    }

    private sealed record StoredAnswer(Guid RowId, int Status, string Headers, byte[] Body);

    private async Task<bool> StoreAsync(StoredAnswer stored)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await db.Set<IdempotentRequest>()
            .Where(r => r.Id == stored.RowId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, stored.Status)
                .SetProperty(r => r.ResponseHeaders, stored.Headers)
                .SetProperty(r => r.ResponseBody, stored.Body), CancellationToken.None) == 1;
    }

    /// <summary>
    /// Keeps trying to store a committed write's answer, backing off, for half the in-flight timeout: well before a
    /// retry may take the key over. Only a node that dies in that window leaves the gap decision 0068 names.
    /// </summary>
    private void StoreWhenTheDatabaseIsBack(StoredAnswer stored)
    {
        var deadline = time.GetUtcNow() + (options.Value.InFlightTimeout / 2);
        _ = Task.Run(async () =>
        {
            var delay = TimeSpan.FromMilliseconds(250);
            while (time.GetUtcNow() < deadline)
            {
                await Task.Delay(delay, time);
                try
                {
                    if (!await StoreAsync(stored))
                    {
                        logger.LogWarning("Idempotency key row {Id} was gone when its answer could be stored", stored.RowId);
                    }

                    return;
                }
                catch (Exception ex) when (ProblemExceptionHandler.IsTransientDatabaseFailure(ex))
                {
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Could not store the answer of idempotency key row {Id}", stored.RowId);
                    return;
                }
            }

            logger.LogError("The answer of idempotency key row {Id} could not be stored before {Deadline}; a retry after the in-flight timeout will run its write again", stored.RowId, deadline);
        });
    }

    /// <summary>Stores "carried out, answer lost" on a row still in flight whose write committed.</summary>
    private async Task StoreAnswerLostAsync(Guid id)
    {
        var (status, headers, body) = IdempotencyKeys.AnswerLost();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var stored = await db.Set<IdempotentRequest>()
            .Where(r => r.Id == id && r.StatusCode == null && r.CommittedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ResponseHeaders, headers)
                .SetProperty(r => r.ResponseBody, body), CancellationToken.None);
        if (stored == 1)
        {
            logger.LogWarning("Idempotency key row {Id}: its write committed but its answer was lost; retries are told so and do not run it again", id);
        }
    }

    private async Task<bool> TryInsertAsync(IdempotentRequest row, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolations.In(exception))
        {
            // The unique index: another request (on any node) holds this key, and the caller reads its row. Anything
            // else (the database away, say) is not a held key and reaches the caller's caller as it is.
            return false;
        }
    }

    /// <summary>
    /// Frees the key of a request that gave no final answer, so a retry runs it. After a handler's own failure (an
    /// exception or a 5xx it chose) the handler has left its data as it means to; after a database failure under the
    /// write, the marker decides: a write that committed is not run again, and its answer becomes "carried out, answer lost".
    /// </summary>
    private async Task ForgetAsync(Guid id, bool commitUncertain)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var forgotten = await db.Set<IdempotentRequest>()
                .Where(r => r.Id == id && r.StatusCode == null && (!commitUncertain || r.CommittedAt == null))
                .ExecuteDeleteAsync(CancellationToken.None);
            if (forgotten == 0 && commitUncertain)
            {
                await StoreAnswerLostAsync(id);
            }
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
        {
            // The database is failing (that may be why the request failed). The row stays in flight until the
            // timeout lets a retry take it over; the original error still reaches the client.
            logger.LogWarning(ex, "Could not release idempotency key row {Id}", id);
        }
    }

    private static async Task<bool> RefuseInFlightAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict, ProblemTypes.IdempotentRequestInFlight,
            "A request with this idempotency key is still being processed.",
            "Retry shortly with the same key to get its answer.",
            new Dictionary<string, object?> { ["field"] = IdempotencyKeys.HeaderName });
        return false;
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest stored, int status)
    {
        context.Response.StatusCode = status;
        if (stored.ResponseHeaders is { } json && JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        context.Response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";
        if (stored.ResponseBody is { Length: > 0 } body)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static Task WriteMalformedKeyAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [IdempotencyKeys.HeaderName] = [$"Send one key of 1 to {IdempotencyKeys.MaxKeyLength} visible ASCII characters (a UUID is best), optionally in double quotes."],
        })
        {
            Status = 400,
            Type = ProblemTypes.Validation,
            Title = "The Idempotency-Key header is not valid.",
        };
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}

/// <summary>Deletes stored answers older than <see cref="IdempotencyOptions.Retention"/>: a key is for retries, not for ever.</summary>
[DisallowConcurrentExecution]
public sealed class PurgeIdempotentRequestsJob(
    IDbContextFactory<DerrimutDbContext> contexts, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<PurgeIdempotentRequestsJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>Purges now; returns how many rows went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow() - options.Value.Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var purged = await db.Set<IdempotentRequest>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        logger.LogDebug("Purged {Count} idempotency key row(s) older than {Before}", purged, before);
        return purged;
    }
}

/// <summary>
/// Marks the key row of the keyed API write running on this flow as committed, inside every save that write makes: the
/// row's update goes into the save's own transaction, so it is true exactly when the write's rows are. A retry after the
/// node died (or after the database failed under the commit) then knows the write happened and never runs it twice,
/// which storing the answer afterwards cannot promise (decision 0081).
/// </summary>
internal sealed class IdempotentWriteMarker(TimeProvider time) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Mark(DbContext? context)
    {
        if (context is not DerrimutDbContext || IdempotencyKeys.RunningRequest.Value is not { Ended: false } running)
        {
            return;
        }

        var rowId = running.RowId;
        IdempotentRequest? row = null;
        var writes = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IdempotentRequest kept)
            {
                row = kept.Id == rowId ? kept : row;
            }
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                writes = true;
            }
        }

        if (!writes)
        {
            return;
        }

        if (row is null)
        {
            // A stand-in with only the key: the update touches CommittedAt alone. The row exists (the middleware
            // inserted it before the request ran, and only the purge, after a day, deletes a row in flight).
            row = new IdempotentRequest { Id = rowId };
            context.Attach(row);
        }

        row.CommittedAt = time.GetUtcNow();
        context.Entry(row).Property(r => r.CommittedAt).IsModified = true;
    }
}

/// <summary>The keyed write running on an async flow: its key row, and whether the request has answered.</summary>
internal sealed class RunningKeyedWrite(Guid rowId)
{
    public Guid RowId { get; } = rowId;

    public volatile bool Ended;
}
