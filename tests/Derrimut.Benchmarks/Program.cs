using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Stripe;

// Webhook benchmark (issue 4): see etc/bench/webhooks.sh for how the app is started.
//   dotnet Derrimut.Benchmarks.dll webhooks
// Environment: BENCH_BASE (http://127.0.0.1:5080), BENCH_ROOT_DOMAIN (derrimut.localhost), BENCH_GYMS (st-albans,werribee),
// BENCH_MEMBERS (1000), BENCH_EVENTS (10000), BENCH_DUPLICATE_SHARE (0.2), BENCH_CLIENTS (16), BENCH_SEED (4),
// BENCH_WEBHOOK_SECRET, BENCH_PLATFORM_KEY (required: finds the gyms and reads their inboxes back through the admin API),
// BENCH_DB_CONNECTION (required: the app's PostgreSQL database, where each member's pending membership is set up before
// the run, as the checkout endpoint would, and where the final membership states are read back).
// Fault runs (issue 18): see FaultLoad.cs and etc/faults/lib.sh.
//   dotnet Derrimut.Benchmarks.dll faults
switch (args.FirstOrDefault())
{
    case "webhooks":
        return await WebhookBench.RunAsync(WebhookBenchSettings.FromEnvironment());
    case "faults":
        return await FaultLoad.RunAsync(FaultLoadSettings.FromEnvironment());
    default:
        Console.Error.WriteLine("usage: Derrimut.Benchmarks webhooks|faults");
        return 2;
}

internal sealed record WebhookBenchSettings(
    Uri Base, string RootDomain, IReadOnlyList<string> Gyms, int Members, int Events, double DuplicateShare, int Clients, int Seed,
    string WebhookSecret, string PlatformKey, string DatabaseConnection, IReadOnlyList<Uri> Nodes)
{
    public static WebhookBenchSettings FromEnvironment()
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        var first = Env("BENCH_BASE", "http://127.0.0.1:5080");
        return new WebhookBenchSettings(
            new Uri(first),
            Env("BENCH_ROOT_DOMAIN", "derrimut.localhost"),
            Env("BENCH_GYMS", "st-albans,werribee").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.Parse(Env("BENCH_MEMBERS", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Env("BENCH_EVENTS", "10000"), CultureInfo.InvariantCulture),
            double.Parse(Env("BENCH_DUPLICATE_SHARE", "0.2"), CultureInfo.InvariantCulture),
            int.Parse(Env("BENCH_CLIENTS", "16"), CultureInfo.InvariantCulture),
            int.Parse(Env("BENCH_SEED", "4"), CultureInfo.InvariantCulture),
            Env("BENCH_WEBHOOK_SECRET", "whsec_derrimut_simulated_development"),
            Env("BENCH_PLATFORM_KEY", ""),
            Env("BENCH_DB_CONNECTION", ""),
            // BENCH_NODE_BASES: every node's base address (comma-separated) for a run on several nodes of one database; the
            // clients are dealt out among them in turn, like a proxy's round robin.
            [.. Env("BENCH_NODE_BASES", first).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n))]);
    }
}

/// <summary>One event of a member's history, with the subscription status it leaves behind (if it is a subscription event).</summary>
internal sealed record BenchEvent(string Gym, string Id, string Type, string SubscriptionId, long Created, string Body, string? StatusAfter);

internal static class WebhookBench
{
    public static async Task<int> RunAsync(WebhookBenchSettings s)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = s.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = s.Base,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var tenants = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var gym in s.Gyms)
        {
            // The public profile carries no id; the platform console does.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/platform/tenants?kind=location&search={Uri.EscapeDataString(gym)}");
            request.Headers.Host = $"admin.{s.RootDomain}";
            request.Headers.Add("X-Platform-Key", s.PlatformKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            tenants[gym] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Single(t => t.GetProperty("identifier").GetString() == gym).GetProperty("id").GetGuid();
        }

        // ---- the histories, in order, then duplicates and a shuffle
        var random = new Random(s.Seed);
        var perMember = (int)Math.Round(s.Events / (1 + s.DuplicateShare) / s.Members);
        var unique = new List<BenchEvent>();
        var start = DateTimeOffset.UtcNow.AddDays(-400).ToUnixTimeSeconds();
        for (var m = 0; m < s.Members; m++)
        {
            var gym = s.Gyms[m % s.Gyms.Count];
            unique.AddRange(History(gym, tenants[gym], m, perMember, start + m * 7, random));
        }

        var duplicates = s.Events - unique.Count;
        var deliveries = new List<BenchEvent>(unique);
        for (var i = 0; i < duplicates; i++)
        {
            deliveries.Add(unique[random.Next(unique.Count)]);
        }

        Shuffle(deliveries, random);
        await using var database = NpgsqlDataSource.Create(s.DatabaseConnection);
        await MembershipStates.CreatePendingAsync(database, s, tenants);
        Console.WriteLine($"bench: {s.Members} members at {string.Join(", ", s.Gyms)}; {unique.Count} unique events + {duplicates} duplicates = {deliveries.Count} deliveries, shuffled; {s.Clients} concurrent clients on {s.Nodes.Count} node(s)");

        // ---- send (client i talks to node i mod n, each node over its own connection pool)
        var nodes = s.Nodes.Select(node => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = s.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromSeconds(60),
        }).ToArray();
        var latencies = new ConcurrentBag<double>();
        var finished = new ConcurrentBag<double>(); // seconds since the first delivery, per delivery answered 2xx
        var statuses = new ConcurrentDictionary<int, int>();
        var results = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, s.Clients).Select(async client =>
        {
            var node = nodes[client % nodes.Length];
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                var e = deliveries[index];
                for (var attempt = 1; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(e.Body, Encoding.UTF8, "application/json") };
                    request.Headers.Host = $"{e.Gym}.{s.RootDomain}";
                    // Stripe signs at delivery time.
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", EventUtility.GenerateSignatureHeader(e.Body, s.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await node.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (response.IsSuccessStatusCode)
                    {
                        results.AddOrUpdate(JsonDocument.Parse(body).RootElement.GetProperty("result").GetString()!, 1, (_, n) => n + 1);
                        finished.Add(clock.Elapsed.TotalSeconds);
                        break;
                    }

                    // As Stripe does: a non-2xx (e.g. 409 while a concurrent delivery of the same event is in flight) is retried.
                    if (attempt >= 5)
                    {
                        Console.Error.WriteLine($"bench: {e.Id} failed {attempt} times: {(int)response.StatusCode} {body}");
                        break;
                    }

                    await Task.Delay(50 * attempt);
                }
            }
        }));
        foreach (var node in nodes)
        {
            node.Dispose();
        }

        var sent = clock.Elapsed;
        // Acknowledged after storing (decision 0082): the events are applied by the queue job; the run is over when the
        // last one is. Acknowledged after processing, nothing waits and this returns at once.
        var applied = await WaitForQueueAsync(database, clock);
        clock.Stop();
        var sorted = latencies.OrderBy(l => l).ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var rate = deliveries.Count / sent.TotalSeconds;
        var appliedRate = deliveries.Count / applied.TotalSeconds;
        // The rate once the node is warm: the last two-thirds of the acknowledgements. The first third includes the
        // JIT's tiering of the request path (a node that has served for minutes has long finished it).
        var done = finished.OrderBy(t => t).ToArray();
        var third = done.Length / 3;
        var steadyRate = done.Length > 3 && done[^1] > done[third] ? (done.Length - 1 - third) / (done[^1] - done[third]) : rate;
        Console.WriteLine($"bench: {deliveries.Count} deliveries acknowledged in {sent.TotalSeconds:F1} s = {rate:F0} events/s; requests {sorted.Length}; "
            + $"p50 {Percentile(0.50):F1} ms, p90 {Percentile(0.90):F1} ms, p99 {Percentile(0.99):F1} ms, max {sorted[^1]:F1} ms; "
            + $"the last two-thirds at {steadyRate:F0} events/s");
        Console.WriteLine($"bench: every event applied {applied.TotalSeconds:F1} s after the first delivery = {appliedRate:F0} events/s end to end");
        Console.WriteLine($"bench: HTTP statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}; results {string.Join(", ", results.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");

        // ---- check what the app recorded against in-order processing
        var ok = statuses.Keys.All(k => k is 200 or 409) && results.Values.Sum() == deliveries.Count;
        ok &= await CheckInboxAsync(http, s, unique);

        ok &= await MembershipStates.CheckAsync(database, s, unique);
        Console.WriteLine(ok ? "bench: PASS" : "bench: FAIL");
        Console.WriteLine($"BENCH webhooks deliveries={deliveries.Count} unique={unique.Count} clients={s.Clients} nodes={s.Nodes.Count} seconds={sent.TotalSeconds:F1} events_per_s={rate:F0} steady_per_s={steadyRate:F0} "
            + $"applied_seconds={applied.TotalSeconds:F1} applied_per_s={appliedRate:F0} p50_ms={Percentile(0.5):F1} p99_ms={Percentile(0.99):F1} ok={ok}");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Waits until no stored event waits for the queue (polling the inbox every 50 ms, at most 10 minutes) and returns
    /// the time from the first delivery until then.
    /// </summary>
    private static async Task<TimeSpan> WaitForQueueAsync(NpgsqlDataSource database, Stopwatch clock)
    {
        var giveUp = clock.Elapsed + TimeSpan.FromMinutes(10);
        while (true)
        {
            await using var command = database.CreateCommand("""SELECT count(*) FROM billing.webhook_events WHERE "State" = 'Received'""");
            var waiting = (long)(await command.ExecuteScalarAsync())!;
            if (waiting == 0 || clock.Elapsed > giveUp)
            {
                if (waiting > 0)
                {
                    Console.Error.WriteLine($"bench: {waiting} stored events still wait for the queue after 10 minutes");
                }

                return clock.Elapsed;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Reads every gym's inbox back through the admin API: each unique event exactly once, processed, none failed or
    /// parked; and per subscription, the status carried by the newest recorded subscription event (by Stripe's
    /// <c>created</c>) equals the status in-order processing ends with.
    /// </summary>
    private static async Task<bool> CheckInboxAsync(HttpClient http, WebhookBenchSettings s, List<BenchEvent> unique)
    {
        var recorded = new Dictionary<string, (string State, int Attempts)>(StringComparer.Ordinal);
        foreach (var gym in s.Gyms)
        {
            for (var page = 1; ; page++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/billing/webhook-events?page={page}&pageSize=200");
                request.Headers.Host = $"{gym}.{s.RootDomain}";
                request.Headers.Add("X-Platform-Key", s.PlatformKey);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                var items = json.GetProperty("items").EnumerateArray().ToList();
                foreach (var item in items)
                {
                    var id = item.GetProperty("stripeEventId").GetString()!;
                    if (!recorded.TryAdd(id, (item.GetProperty("state").GetString()!, item.GetProperty("attempts").GetInt32())))
                    {
                        Console.Error.WriteLine($"bench: {id} recorded twice");
                        return false;
                    }
                }

                if (items.Count < 200)
                {
                    break;
                }
            }
        }

        // The demo seed's memberships go through the simulated checkout, so the inbox also holds the seed's own events:
        // only the events this run sent are judged; the others are counted and reported.
        var sent = unique.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var ours = recorded.Where(r => sent.Contains(r.Key)).Select(r => r.Value).ToList();
        var others = recorded.Count - ours.Count;
        var missing = sent.Count(id => !recorded.ContainsKey(id));
        var notProcessed = ours.Count(r => r.State != "processed");
        var retried = ours.Count(r => r.Attempts != 1);
        Console.WriteLine($"bench: inbox holds {ours.Count} of the {unique.Count} unique events sent (plus {others} others, "
            + $"the demo seed's own: not judged); missing {missing}; not processed {notProcessed}; processed more than once {retried}");
        return missing == 0 && notProcessed == 0 && retried == 0 && ours.Count == unique.Count;
    }

    private static IEnumerable<BenchEvent> History(string gym, Guid tenantId, int member, int count, long start, Random random)
    {
        var userId = new Guid(member, 0x4d, 0x42, [0, 0, 0, 0, 0, 0, 0, 1]);
        var subscription = $"sub_bench_{member:D5}";
        var customer = $"cus_bench_{member:D5}";
        var metadata = () => new JsonObject
        {
            ["tenant_id"] = tenantId.ToString(),
            ["user_id"] = userId.ToString(),
            ["purpose"] = "membership",
            ["plan"] = "no-lock-in",
        };
        var created = start;
        var periodStart = start;
        const long Fortnight = 14 * 86400;
        var step = 0;
        BenchEvent Make(string type, JsonObject dataObject, string? statusAfter, JsonObject? previous = null)
        {
            var id = $"evt_bench_{member:D5}_{step++:D2}";
            var data = new JsonObject { ["object"] = dataObject };
            if (previous is not null)
            {
                data["previous_attributes"] = previous;
            }

            var envelope = new JsonObject
            {
                ["id"] = id, ["object"] = "event", ["api_version"] = "2026-10-28.endive", ["created"] = created, ["type"] = type,
                ["livemode"] = false, ["pending_webhooks"] = 1, ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null }, ["data"] = data,
            };
            var e = new BenchEvent(gym, id, type, subscription, created, envelope.ToJsonString(), statusAfter);
            created += 1;
            return e;
        }

        JsonObject Subscription(string status, bool cancelAtPeriodEnd = false) => new()
        {
            ["id"] = subscription, ["object"] = "subscription", ["status"] = status, ["customer"] = customer, ["cancel_at_period_end"] = cancelAtPeriodEnd,
            ["metadata"] = metadata(),
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"si_bench_{member:D5}", ["object"] = "subscription_item", ["current_period_start"] = periodStart,
                    ["current_period_end"] = periodStart + Fortnight, ["price"] = new JsonObject { ["id"] = "price_bench", ["object"] = "price" }, ["quantity"] = 1,
                }),
            },
        };

        JsonObject Invoice(string status, string reason, long paid) => new()
        {
            ["id"] = $"in_bench_{member:D5}_{step:D2}", ["object"] = "invoice", ["status"] = status, ["billing_reason"] = reason, ["customer"] = customer,
            ["amount_due"] = 2490, ["amount_paid"] = paid, ["currency"] = "aud", ["attempt_count"] = 1,
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = metadata() },
            },
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"il_bench_{member:D5}_{step:D2}", ["object"] = "line_item", ["amount"] = 2490,
                    ["period"] = new JsonObject { ["start"] = periodStart, ["end"] = periodStart + Fortnight },
                }),
            },
        };

        yield return Make("checkout.session.completed", new JsonObject
        {
            ["id"] = $"cs_bench_{member:D5}", ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "complete",
            ["payment_status"] = "paid", ["customer"] = customer, ["subscription"] = subscription, ["amount_total"] = 7390, ["currency"] = "aud",
            ["client_reference_id"] = userId.ToString(), ["metadata"] = metadata(),
        }, null);
        yield return Make("customer.subscription.created", Subscription("active"), "active");
        yield return Make("invoice.paid", Invoice("paid", "subscription_create", 7390), null);
        var status = "active";
        while (step < count)
        {
            // Billing day: each renewal is paid (most), declined, or the member has cancelled and it ends.
            periodStart += Fortnight;
            var roll = random.NextDouble();
            if (roll < 0.15 && step + 2 <= count && status != "canceled")
            {
                yield return Make("invoice.payment_failed", Invoice("open", "subscription_cycle", 0), null);
                yield return Make("customer.subscription.updated", Subscription("past_due"), "past_due", new JsonObject { ["status"] = status });
                status = "past_due";
            }
            else if (roll < 0.20 && step + 1 <= count && status != "canceled")
            {
                yield return Make("customer.subscription.deleted", Subscription("canceled"), "canceled", new JsonObject { ["status"] = status });
                status = "canceled";
            }
            else if (status != "canceled" && step + 2 <= count)
            {
                yield return Make("invoice.paid", Invoice("paid", "subscription_cycle", 2490), null);
                yield return Make("customer.subscription.updated", Subscription("active"), "active", new JsonObject { ["status"] = status });
                status = "active";
            }
            else
            {
                // A charge refunded after the end (a goodwill refund): keeps every member at the same event count.
                yield return Make("charge.refunded", new JsonObject
                {
                    ["id"] = $"ch_bench_{member:D5}_{step:D2}", ["object"] = "charge", ["amount"] = 2490, ["amount_refunded"] = 2490, ["refunded"] = true,
                    ["currency"] = "aud", ["customer"] = customer, ["metadata"] = new JsonObject(),
                }, null);
            }
        }
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

/// <summary>
/// The membership side of the benchmark: every member starts with the pending membership the checkout endpoint would
/// have written, and after the run each membership's status must equal what in-order processing of that member's
/// events ends with (the newest subscription event's status).
/// </summary>
internal static class MembershipStates
{
    private const string Plan = "no-lock-in";

    public static Guid UserOf(int member) => new(member, 0x4d, 0x42, [0, 0, 0, 0, 0, 0, 0, 1]);

    public static async Task CreatePendingAsync(NpgsqlDataSource database, WebhookBenchSettings s, IReadOnlyDictionary<string, Guid> tenants)
    {
        var ids = new Guid[s.Members];
        var tenantIds = new Guid[s.Members];
        var users = new Guid[s.Members];
        var sessions = new string[s.Members];
        for (var m = 0; m < s.Members; m++)
        {
            ids[m] = Guid.CreateVersion7();
            tenantIds[m] = tenants[s.Gyms[m % s.Gyms.Count]];
            users[m] = UserOf(m);
            sessions[m] = $"cs_bench_{m:D5}";
        }

        await using var command = database.CreateCommand("""
            INSERT INTO memberships.memberships
                ("Id", "TenantId", "FranchiseId", "UserId", "LiveUserId", "PlanId", "PlanCode", "Status", "CheckoutSessionId",
                 "IsFrozen", "CreatedAt", "UpdatedAt", "Version")
            SELECT x.id, x.tenant, p."FranchiseId", x.member, x.member, p."Id", p."Code", 'Pending', x.session, false, now(), now(), 0
            FROM unnest(@ids, @tenants, @members, @sessions) AS x(id, tenant, member, session)
            JOIN memberships.plans p ON p."TenantId" = x.tenant AND p."Code" = @plan
            """);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("tenants", tenantIds);
        command.Parameters.AddWithValue("members", users);
        command.Parameters.AddWithValue("sessions", sessions);
        command.Parameters.AddWithValue("plan", Plan);
        var created = await command.ExecuteNonQueryAsync();
        if (created != s.Members)
        {
            throw new InvalidOperationException($"created {created} pending memberships for {s.Members} members (is the '{Plan}' plan seeded at every gym?)");
        }

        Console.WriteLine($"bench: {created} pending memberships set up, as the checkout endpoint leaves them");
    }

    public static async Task<bool> CheckAsync(NpgsqlDataSource database, WebhookBenchSettings s, List<BenchEvent> unique)
    {
        // In-order processing: each subscription ends with the status of its newest event.
        var expected = unique.Where(e => e.StatusAfter is not null).GroupBy(e => e.SubscriptionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Created).Last().StatusAfter switch
            {
                "active" => "Active",
                "past_due" => "PastDue",
                "canceled" => "Cancelled",
                var other => throw new InvalidOperationException($"unexpected status {other}"),
            }, StringComparer.Ordinal);

        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand("""
            SELECT "CheckoutSessionId", "Status", "SubscriptionId" FROM memberships.memberships WHERE "CheckoutSessionId" LIKE 'cs_bench_%'
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var member = int.Parse(reader.GetString(0)["cs_bench_".Length..], CultureInfo.InvariantCulture);
                actual[$"sub_bench_{member:D5}"] = reader.GetString(1);
            }
        }

        var mismatches = expected.Where(e => !actual.TryGetValue(e.Key, out var status) || status != e.Value).ToList();
        var summary = actual.Values.GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
        Console.WriteLine($"bench: final membership states {string.Join(", ", summary)}; equal to in-order processing for "
            + $"{expected.Count - mismatches.Count} of {expected.Count} members");
        foreach (var (subscription, status) in mismatches.Take(10))
        {
            Console.Error.WriteLine($"bench: {subscription} expected {status}, found {(actual.TryGetValue(subscription, out var found) ? found : "nothing")}");
        }

        return mismatches.Count == 0 && actual.Count == s.Members;
    }
}
