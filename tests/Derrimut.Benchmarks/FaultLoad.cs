using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Stripe;

// Fault runs (issue 18): see etc/faults/lib.sh for how the cluster is started and the fault injected.
//   dotnet Derrimut.Benchmarks.dll faults
// A steady mixed load through the proxy for BENCH_SECONDS: signed Stripe webhooks (10% of them re-deliveries of an
// event already acknowledged), a signed-in member reading their membership, sign-ins through the real form,
// front-desk check-ins by a signed-in admin, PT sessions booked by signed-in members and click-and-collect orders
// (cart, then checkout) by signed-in members (FaultWrites.cs), every member write with an Idempotency-Key. Writes are
// retried, with the same event id or key, on a 5xx, a 408/409/425/429, a connection error or a timeout, as Stripe and a
// careful client do, until they are acknowledged, answered for good (a slot someone else took, a product sold out:
// counted as answered, not lost) or the settle time after the load runs out. Then the database is read directly:
// every webhook event answered 2xx must be in the inbox; every acknowledged check-in, booking and order must exist,
// exactly once; stock must match the orders that hold it and never be oversold.
// Environment: BENCH_BASE (the proxy), BENCH_ROOT_DOMAIN, BENCH_GYM [st-albans], BENCH_SECONDS [60], BENCH_SETTLE_SECONDS
// [45], BENCH_WEBHOOKS_PER_S [60], BENCH_CHECKINS_PER_S [10], BENCH_READS_PER_S [30], BENCH_SIGNINS_PER_S [1],
// BENCH_BOOKINGS_PER_S [3], BENCH_ORDERS_PER_S [2], BENCH_WEBHOOK_SECRET, BENCH_DB_CONNECTION (required), BENCH_FAULT
// (the run's name, printed), BENCH_PASSWORD (the demo's).
internal sealed record FaultLoadSettings(
    Uri Base, string RootDomain, string Gym, int Seconds, int SettleSeconds, double WebhooksPerSecond, double CheckInsPerSecond,
    double ReadsPerSecond, double SignInsPerSecond, double BookingsPerSecond, double OrdersPerSecond, string WebhookSecret,
    string DatabaseConnection, string Fault, string Password)
{
    public static FaultLoadSettings FromEnvironment()
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        static double Rate(string name, string fallback) => double.Parse(Env(name, fallback), CultureInfo.InvariantCulture);
        return new FaultLoadSettings(
            new Uri(Env("BENCH_BASE", "http://127.0.0.1:5190")),
            Env("BENCH_ROOT_DOMAIN", "derrimut.localhost"),
            Env("BENCH_GYM", "st-albans"),
            int.Parse(Env("BENCH_SECONDS", "60"), CultureInfo.InvariantCulture),
            int.Parse(Env("BENCH_SETTLE_SECONDS", "45"), CultureInfo.InvariantCulture),
            Rate("BENCH_WEBHOOKS_PER_S", "60"),
            Rate("BENCH_CHECKINS_PER_S", "10"),
            Rate("BENCH_READS_PER_S", "30"),
            Rate("BENCH_SIGNINS_PER_S", "1"),
            Rate("BENCH_BOOKINGS_PER_S", "3"),
            Rate("BENCH_ORDERS_PER_S", "2"),
            Env("BENCH_WEBHOOK_SECRET", ""),
            Env("BENCH_DB_CONNECTION", ""),
            Env("BENCH_FAULT", "none"),
            Env("BENCH_PASSWORD", "Derrimut!2026"));
    }
}

/// <summary>What happened to one kind of request: every attempt is counted once, by its outcome.</summary>
internal sealed class Tally(string kind)
{
    private long _appUnavailable, _proxyUnavailable, _answered, _answeredRefusals;
    private long _sent, _ok, _client, _server, _errors, _retried, _acknowledged, _unacknowledged, _firstFailureMs = -1, _lastFailureMs = -1;

    public string Kind { get; } = kind;
    public long Sent => _sent;
    public long Ok => _ok;
    public long ClientErrors => _client;
    public long ServerErrors => _server;
    public long Errors => _errors;
    public long Retried => _retried;
    public long Acknowledged => _acknowledged;
    public long Unacknowledged => _unacknowledged;
    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    /// <summary>Writes answered for good with a refusal the client accepts (a slot someone else took, a product sold
    /// out), by outcome: neither acknowledged nor lost, and not retried.</summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public long AnsweredForGood => _answered;

    /// <summary>Of those, the answers with a status that would otherwise count as an unexpected refusal (a 400).</summary>
    public long AnsweredRefusals => _answeredRefusals;

    public void Answered(int status, long atMs)
    {
        Interlocked.Increment(ref _sent);
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _ok);
            return;
        }

        Interlocked.Increment(ref status >= 500 ? ref _server : ref _client);
        Failed(atMs);
    }

    public void Broken(long atMs)
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _errors);
        Failed(atMs);
    }

    /// <summary>503s from the app (decision 0068: the database is away) or from HAProxy when no node passes its readiness
    /// check (etc/cluster.sh marks those with an X-Derrimut-Proxy header).</summary>
    public long AppUnavailable => _appUnavailable;

    public long ProxyUnavailable => _proxyUnavailable;

    public void Unavailable(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Interlocked.Increment(ref response.Headers.Contains("X-Derrimut-Proxy") ? ref _proxyUnavailable : ref _appUnavailable);
        }
    }

    public void Retry() => Interlocked.Increment(ref _retried);

    public void Acknowledge() => Interlocked.Increment(ref _acknowledged);

    public void GaveUp() => Interlocked.Increment(ref _unacknowledged);

    /// <summary>Writes that may have left a row without the client learning which: never acknowledged, or carried out
    /// with their answer lost (decision 0081).</summary>
    public long MayHaveRun => _unacknowledged + Outcomes.GetValueOrDefault(WriteClient.AnswerLost);

    public void AnsweredAs(string outcome, int status)
    {
        Interlocked.Increment(ref _answered);
        if (status is >= 400 and < 500 and not (408 or 409 or 425 or 429))
        {
            Interlocked.Increment(ref _answeredRefusals);
        }

        Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public string FailureWindow => _firstFailureMs < 0 ? "none" : $"{_firstFailureMs / 1000.0:F1}-{_lastFailureMs / 1000.0:F1} s";

    private void Failed(long atMs)
    {
        Interlocked.CompareExchange(ref _firstFailureMs, atMs, -1);
        long last;
        while ((last = Interlocked.Read(ref _lastFailureMs)) < atMs && Interlocked.CompareExchange(ref _lastFailureMs, atMs, last) != last)
        {
        }
    }
}

/// <summary>One browser's cookies, kept by hand: the app's cookies are Secure in Production, which a cookie container
/// would refuse to send over the loopback's plain HTTP, and the proxy's affinity cookie must follow the client.</summary>
internal sealed class CookieJar
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string? this[string name] => _cookies.TryGetValue(name, out var value) ? value : null;

    public void Apply(HttpRequestMessage request)
    {
        if (!_cookies.IsEmpty)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    public void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim();
            var content = pair[(equals + 1)..].Trim();
            var expired = value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
            if (content.Length == 0 || expired)
            {
                _cookies.TryRemove(name, out _);
            }
            else
            {
                _cookies[name] = content;
            }
        }
    }
}

/// <summary>What became of one write: acknowledged (a 2xx, perhaps a replayed one), answered for good (Answer names the
/// refusal the client accepts), or neither when the settle time ran out or the answer was a refusal a retry would not
/// change.</summary>
internal sealed record WriteResult(bool Acknowledged, string Body, bool Replayed, string? Answer = null);

/// <summary>Sends one write until it is acknowledged, answered for good, or the settle time runs out, as Stripe and a
/// careful client do: the same event id or Idempotency-Key on every attempt.</summary>
internal sealed class WriteClient(HttpClient http, Stopwatch clock, TimeSpan settleEnds)
{
    /// <summary>The outcome of a write the app says was carried out with its answer lost (409
    /// <c>idempotent-request-answer-lost</c>, decision 0081): final, never retried, and its row may exist.</summary>
    public const string AnswerLost = "carried out, answer lost";

    public long Now() => clock.ElapsedMilliseconds;

    /// <param name="tally">Where each attempt is counted.</param>
    /// <param name="send">Makes a fresh request per attempt (a request message cannot be sent twice).</param>
    /// <param name="jar">The signed-in client's cookies, or null.</param>
    /// <param name="answered">Names a non-2xx answer that ends the write for good (a slot taken, a product sold out), or
    /// returns null; asked before the retry rule, so a genuine 409 conflict is not retried like a 409 in flight.</param>
    public async Task<WriteResult> UntilAcknowledgedAsync(Tally tally, Func<HttpRequestMessage> send, CookieJar? jar, Func<int, string, string?>? answered = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                tally.Retry();
            }

            TimeSpan wait;
            try
            {
                using var request = send();
                jar?.Apply(request);
                using var response = await http.SendAsync(request);
                jar?.Keep(response);
                var status = (int)response.StatusCode;
                tally.Answered(status, Now());
                tally.Unavailable(response);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    tally.Acknowledge();
                    return new WriteResult(true, body, response.Headers.Contains("Idempotent-Replayed"));
                }

                if (status == 409 && body.Contains("idempotent-request-answer-lost", StringComparison.Ordinal))
                {
                    tally.AnsweredAs(AnswerLost, status);
                    return new WriteResult(false, body, response.Headers.Contains("Idempotent-Replayed"), AnswerLost);
                }

                if (answered?.Invoke(status, body) is { } outcome)
                {
                    tally.AnsweredAs(outcome, status);
                    return new WriteResult(false, body, response.Headers.Contains("Idempotent-Replayed"), outcome);
                }

                if (status is not (>= 500 or 408 or 409 or 425 or 429))
                {
                    // A refusal a retry would not change: the client's bug or the app's, reported below.
                    Console.Error.WriteLine($"faults: {tally.Kind}: {status} {body[..Math.Min(body.Length, 300)]}");
                    tally.GaveUp();
                    return new WriteResult(false, body, false);
                }

                // Retry-After when the app gives one (503 while the database is away, 409 in flight), capped so a client
                // notices recovery within two seconds.
                var after = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10));
                wait = after > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : after;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                tally.Broken(Now());
                wait = TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10));
            }

            if (clock.Elapsed + wait > settleEnds)
            {
                tally.GaveUp();
                return new WriteResult(false, "", false);
            }

            await Task.Delay(wait);
        }
    }
}

internal static partial class FaultLoad
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(FaultLoadSettings s)
    {
        if (s.WebhookSecret.Length == 0 || s.DatabaseConnection.Length == 0)
        {
            Console.Error.WriteLine("faults: BENCH_WEBHOOK_SECRET and BENCH_DB_CONNECTION are required");
            return 2;
        }

        // No automatic redirects (a sign-in answers 302) and no cookie container (CookieJar says why).
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(3),
        })
        { BaseAddress = s.Base, Timeout = AttemptTimeout };
        var host = $"{s.Gym}.{s.RootDomain}";
        await using var database = NpgsqlDataSource.Create(s.DatabaseConnection);

        var (tenantId, memberId, deskId) = await IdsAsync(database, s);
        var memberJar = new CookieJar();
        var deskJar = new CookieJar();
        if (!await SignInAsync(http, host, $"member@{host}", s.Password, memberJar) || !await SignInAsync(http, host, $"admin@{host}", s.Password, deskJar))
        {
            Console.Error.WriteLine("faults: the member or the front desk could not sign in before the load");
            return 1;
        }

        // The proxy's affinity cookie says which node holds each signed-in client (kill-node.sh kills the member's).
        Console.WriteLine($"faults: affinity member={memberJar["DERRIMUT_NODE"] ?? "none"} desk={deskJar["DERRIMUT_NODE"] ?? "none"}");

        // The demo gym's members book sessions and shop, each in a browser of their own (member@ keeps reading too).
        var members = new List<SignedInMember> { new(memberId, $"member@{host}", memberJar) };
        foreach (var email in new[] { $"member2@{host}", $"member3@{host}", $"multi@{s.RootDomain}" })
        {
            var jar = new CookieJar();
            if (await UserIdAsync(database, email) is { } id && await SignInAsync(http, host, email, s.Password, jar))
            {
                members.Add(new SignedInMember(id, email, jar));
            }
            else
            {
                Console.Error.WriteLine($"faults: {email} could not sign in; the others book and shop");
            }
        }

        // Slots and shelves are read before the load, so that the fault lands on the writes, not on the planning.
        var bookings = await PtSessionBookings.PrepareAsync(http, database, host, tenantId, members, (int)Math.Ceiling(s.BookingsPerSecond * s.Seconds) + 10);
        var orders = await ClickAndCollectOrders.PrepareAsync(database, tenantId, DateTimeOffset.UtcNow, members);
        Console.WriteLine($"faults: {members.Count} members signed in ({string.Join(", ", members.Select(m => $"{m.Email.Split('@')[0]}={m.Jar["DERRIMUT_NODE"] ?? "none"}"))}); "
            + $"{bookings.PlannedSlots} PT session slots planned; {orders.UnitsOnShelf} units on the shop's shelf");
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var webhooks = new Tally("webhooks");
        var checkIns = new Tally("check-ins");
        var reads = new Tally("reads");
        var signIns = new Tally("sign-ins");
        var tallies = new[] { webhooks, checkIns, bookings.Tally, orders.Cart, orders.Orders, reads, signIns };
        var writeTallies = new[] { webhooks, checkIns, bookings.Tally, orders.Cart, orders.Orders };
        var acknowledgedEvents = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var sentEvents = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var acknowledgedVisits = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var replays = 0L;
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadEnds = TimeSpan.FromSeconds(s.Seconds);
        var settleEnds = loadEnds + TimeSpan.FromSeconds(s.SettleSeconds);
        long Now() => clock.ElapsedMilliseconds;
        Console.WriteLine($"faults: {s.Fault}: {s.Seconds} s of load through {s.Base} (Host {host}), then up to {s.SettleSeconds} s for retries; "
            + $"per second: {s.WebhooksPerSecond} webhooks, {s.CheckInsPerSecond} check-ins, {s.BookingsPerSecond} PT bookings, {s.OrdersPerSecond} shop orders, "
            + $"{s.ReadsPerSecond} membership reads, {s.SignInsPerSecond} sign-ins");

        var writes = new WriteClient(http, clock, settleEnds);

        // Each kind runs as clients that start one operation every `interval`, whatever the answers take: a steady
        // offered load (a client whose previous operation is still retrying starts the next one anyway).
        async Task PacedAsync(double perSecond, Func<int, Task> operation)
        {
            if (perSecond <= 0)
            {
                return;
            }

            var interval = TimeSpan.FromSeconds(1 / perSecond);
            var running = new List<Task>();
            for (var n = 0; clock.Elapsed < loadEnds; n++)
            {
                running.Add(operation(n));
                var due = interval * (n + 1);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }

            await Task.WhenAll(running);
        }

        var random = new Random(7);
        var progress = Task.Run(async () =>
        {
            while (clock.Elapsed < settleEnds)
            {
                await Task.Delay(5000);
                Console.WriteLine($"faults: t={clock.Elapsed.TotalSeconds:F0}s " + string.Join("; ", tallies.Select(t =>
                    $"{t.Kind} {t.Sent} sent {t.Ok} 2xx {t.ClientErrors} 4xx {t.ServerErrors} 5xx {t.Errors} err")) + $"; load average {LoadAverage()}");
                if (tallies.All(t => t.Sent > 0) && clock.Elapsed > loadEnds)
                {
                    break;
                }
            }
        });

        await Task.WhenAll(
            PacedAsync(s.WebhooksPerSecond, async n =>
            {
                // One in ten deliveries is a re-delivery of an event already acknowledged, as Stripe sends them.
                string id;
                lock (random)
                {
                    id = n > 10 && random.NextDouble() < 0.1 && acknowledgedEvents.Keys.ElementAtOrDefault(random.Next(acknowledgedEvents.Count)) is { } again
                        ? again
                        : $"evt_fault_{run}_{n:D6}";
                }

                sentEvents.TryAdd(id, 0);
                var body = WebhookBody(id, tenantId, startedAt.ToUnixTimeSeconds() + n);
                var (ok, _, _, _) = await writes.UntilAcknowledgedAsync(webhooks, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Host = host;
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", EventUtility.GenerateSignatureHeader(body, s.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                    return request;
                }, null);
                if (ok)
                {
                    acknowledgedEvents.TryAdd(id, 0);
                }
            }),
            PacedAsync(s.CheckInsPerSecond, async _ =>
            {
                var key = Guid.NewGuid().ToString("N");
                var (ok, body, replayed, _) = await writes.UntilAcknowledgedAsync(checkIns, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/check-ins") { Content = new StringContent($$"""{"memberId":"{{memberId}}"}""", Encoding.UTF8, "application/json") };
                    request.Headers.Host = host;
                    request.Headers.Add("Idempotency-Key", key);
                    return request;
                }, deskJar);
                if (!ok)
                {
                    return;
                }

                if (replayed)
                {
                    Interlocked.Increment(ref replays);
                }

                var visit = JsonDocument.Parse(body).RootElement.TryGetProperty("checkInId", out var v) && v.ValueKind == JsonValueKind.String ? v.GetGuid() : Guid.Empty;
                if (visit == Guid.Empty)
                {
                    Console.Error.WriteLine($"faults: check-in acknowledged without a check-in id: {body}");
                }

                acknowledgedVisits[key] = visit;
            }),
            PacedAsync(s.BookingsPerSecond, n => bookings.BookAsync(writes, host, n)),
            PacedAsync(s.OrdersPerSecond, n => orders.PlaceAsync(writes, host, n)),
            PacedAsync(s.ReadsPerSecond, async _ =>
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/memberships/mine");
                    request.Headers.Host = host;
                    memberJar.Apply(request);
                    using var response = await http.SendAsync(request);
                    memberJar.Keep(response);
                    reads.Answered((int)response.StatusCode, Now());
                    reads.Unavailable(response);
                    if ((int)response.StatusCode is >= 400 and < 500)
                    {
                        Console.Error.WriteLine($"faults: reads: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    reads.Broken(Now());
                }
            }),
            PacedAsync(s.SignInsPerSecond, async n =>
            {
                // Fresh browsers, each its own jar; the demo's other members take turns.
                var who = (n % 2) == 0 ? "member2" : "member3";
                await SignInAsync(http, host, $"{who}@{host}", s.Password, new CookieJar(), signIns, Now);
            }));
        var loadSeconds = clock.Elapsed.TotalSeconds;
        await progress;

        // ---- the final state against what was acknowledged, over a fresh pool: a database restart during the run has
        // cut every connection the first one held.
        await using var readBack = NpgsqlDataSource.Create(s.DatabaseConnection);
        var inbox = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = readBack.CreateCommand("""SELECT "StripeEventId" FROM billing.webhook_events WHERE "StripeEventId" LIKE @prefix"""))
        {
            command.Parameters.AddWithValue("prefix", $"evt_fault_{run}_%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                inbox.Add(reader.GetString(0));
            }
        }

        var visits = new Dictionary<Guid, int>();
        await using (var command = readBack.CreateCommand("""SELECT "Id" FROM bookings.check_ins WHERE "RecordedBy" = @desk AND "PersonId" = @member AND "At" >= @since"""))
        {
            command.Parameters.AddWithValue("desk", deskId);
            command.Parameters.AddWithValue("member", memberId);
            command.Parameters.AddWithValue("since", startedAt.AddMinutes(-1));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                visits[reader.GetGuid(0)] = visits.GetValueOrDefault(reader.GetGuid(0)) + 1;
            }
        }

        var bookingCheck = await bookings.CheckAsync(readBack);
        var orderCheck = await orders.CheckAsync(readBack);
        var lostEvents = acknowledgedEvents.Keys.Count(id => !inbox.Contains(id));
        var lostVisits = acknowledgedVisits.Values.Count(v => !visits.ContainsKey(v));
        // Two keys acknowledged with one visit, or more visits than keys that may have run: a write ran twice.
        var sharedVisits = acknowledgedVisits.Count - acknowledgedVisits.Values.Distinct().Count();
        var unaccounted = visits.Count - acknowledgedVisits.Count;
        var duplicates = sharedVisits + Math.Max(0, unaccounted - (int)checkIns.MayHaveRun);
        var lost = lostEvents + lostVisits + bookingCheck.Lost + orderCheck.Lost;
        var duplicateWrites = duplicates + bookingCheck.Duplicates + orderCheck.Duplicates;
        // A "sold out" is a 400 the shop means: answered, not unexpected.
        var unexpected4xx = tallies.Sum(t => t.Statuses.Where(p => p.Key is >= 400 and < 500 and not (408 or 409 or 425 or 429)).Sum(p => p.Value) - t.AnsweredRefusals);

        Console.WriteLine($"faults: {s.Fault}: load {loadSeconds:F1} s, settled at {clock.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");
        Console.WriteLine($"{"kind",-10} {"sent",7} {"2xx",7} {"4xx",6} {"5xx",6} {"errors",6} {"retried",7} {"acked",7} {"answered",8} {"unacked",7} {"lost",5}  failures between  statuses");
        foreach (var t in tallies)
        {
            var tLost = t == webhooks ? lostEvents : t == checkIns ? lostVisits : t == bookings.Tally ? bookingCheck.Lost : t == orders.Orders ? orderCheck.Lost : 0;
            var write = writeTallies.Contains(t);
            var acked = write ? t.Acknowledged.ToString(CultureInfo.InvariantCulture) : "-";
            var answered = write ? t.AnsweredForGood.ToString(CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{t.Kind,-10} {t.Sent,7} {t.Ok,7} {t.ClientErrors,6} {t.ServerErrors,6} {t.Errors,6} {t.Retried,7} {acked,7} {answered,8} {t.Unacknowledged,7} {tLost,5}  {t.FailureWindow,-16} "
                + string.Join(", ", t.Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        }

        var unavailable = string.Join("; ", tallies.Where(t => t.AppUnavailable + t.ProxyUnavailable > 0)
            .Select(t => $"{t.Kind} {t.AppUnavailable} from the app, {t.ProxyUnavailable} from the proxy (no node ready)"));
        Console.WriteLine("faults: 503 answers: " + (unavailable.Length == 0 ? "none" : unavailable));
        Console.WriteLine($"faults: webhooks: {sentEvents.Count} distinct events sent, {acknowledgedEvents.Count} acknowledged, {inbox.Count} in the inbox, "
            + $"{lostEvents} acknowledged but missing");
        Console.WriteLine($"faults: check-ins: {acknowledgedVisits.Count} keys acknowledged ({Interlocked.Read(ref replays)} by a replayed answer), "
            + $"{visits.Count} visits recorded, {lostVisits} acknowledged but missing, {duplicates} recorded twice, {checkIns.Unacknowledged} never acknowledged, "
            + $"{checkIns.Outcomes.GetValueOrDefault(WriteClient.AnswerLost)} carried out with the answer lost");
        foreach (var line in bookingCheck.Report.Concat(orderCheck.Report))
        {
            Console.WriteLine(line);
        }

        var total = (Sent: tallies.Sum(t => t.Sent), Ok: tallies.Sum(t => t.Ok), C: tallies.Sum(t => t.ClientErrors), S: tallies.Sum(t => t.ServerErrors),
            E: tallies.Sum(t => t.Errors), R: tallies.Sum(t => t.Retried));
        // Each kind offered must have been served at least once, or the run proved nothing about it.
        var served = (s.BookingsPerSecond <= 0 || bookingCheck.Acknowledged > 0) && (s.OrdersPerSecond <= 0 || orderCheck.Acknowledged > 0)
            && webhooks.Acknowledged > 0 && checkIns.Acknowledged > 0 && reads.Ok > 0 && signIns.Ok > 0;
        var ok = lost == 0 && duplicateWrites == 0 && bookingCheck.Passed && orderCheck.Passed && unexpected4xx == 0 && served;
        Console.WriteLine(ok ? "faults: PASS" : "faults: FAIL");
        Console.WriteLine($"FAULT {s.Fault} sent={total.Sent} 2xx={total.Ok} 4xx={total.C} 5xx={total.S} errors={total.E} retried={total.R} "
            + $"acknowledged={writeTallies.Sum(t => t.Acknowledged)} answered={writeTallies.Sum(t => t.AnsweredForGood)} unacknowledged={writeTallies.Sum(t => t.Unacknowledged)} "
            + $"lost={lost} duplicates={duplicateWrites} unexpected_4xx={unexpected4xx} seconds={loadSeconds:F0} ok={ok}");
        return ok ? 0 : 1;
    }

    private static async Task<(Guid Tenant, Guid Member, Guid Desk)> IdsAsync(NpgsqlDataSource database, FaultLoadSettings s)
    {
        await using var command = database.CreateCommand("""
            SELECT (SELECT "Id" FROM organizations.organizations WHERE "Identifier" = @gym),
                   (SELECT "Id" FROM identity.users WHERE "Email" = @member),
                   (SELECT "Id" FROM identity.users WHERE "Email" = @desk)
            """);
        command.Parameters.AddWithValue("gym", s.Gym);
        command.Parameters.AddWithValue("member", $"member@{s.Gym}.{s.RootDomain}");
        command.Parameters.AddWithValue("desk", $"admin@{s.Gym}.{s.RootDomain}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
    }

    private static async Task<Guid?> UserIdAsync(NpgsqlDataSource database, string email)
    {
        await using var command = database.CreateCommand("""SELECT "Id" FROM identity.users WHERE "Email" = @email""");
        command.Parameters.AddWithValue("email", email);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>Signs in through the real form (antiforgery token and all), as a browser does: true on the redirect.</summary>
    private static async Task<bool> SignInAsync(HttpClient http, string host, string email, string password, CookieJar jar, Tally? tally = null, Func<long>? now = null)
    {
        try
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            page.Headers.Host = host;
            jar.Apply(page);
            using var pageResponse = await http.SendAsync(page);
            jar.Keep(pageResponse);
            tally?.Answered((int)pageResponse.StatusCode, now!());
            var html = await pageResponse.Content.ReadAsStringAsync();
            var token = AntiforgeryToken().Match(html);
            if (!pageResponse.IsSuccessStatusCode || !token.Success)
            {
                return false;
            }

            using var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = password,
                }),
            };
            form.Headers.Host = host;
            jar.Apply(form);
            using var formResponse = await http.SendAsync(form);
            jar.Keep(formResponse);
            var status = (int)formResponse.StatusCode;
            // The form answers 302/303 when the password is right; a 200 is the form again, with the reason.
            tally?.Answered(status is 302 or 303 ? 200 : status == 200 ? 401 : status, now!());
            return status is 302 or 303;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            tally?.Broken(now!());
            return false;
        }
    }

    private static string WebhookBody(string id, Guid tenantId, long created) => new JsonObject
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2026-10-28.endive", ["created"] = created, ["type"] = "charge.refunded",
        ["livemode"] = false, ["pending_webhooks"] = 1, ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = $"ch_{id}", ["object"] = "charge", ["amount"] = 2490, ["amount_refunded"] = 2490, ["refunded"] = true, ["currency"] = "aud",
                ["customer"] = $"cus_fault_{tenantId:N}", ["metadata"] = new JsonObject(),
            },
        },
    }.ToJsonString();

    private static string LoadAverage() => string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryToken();
}
