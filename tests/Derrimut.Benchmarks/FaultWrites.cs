using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

// The members' own writes in a fault run (issue 18): PT sessions booked and click-and-collect orders placed by signed-in
// members through the proxy, each with an Idempotency-Key, and what the database must show for them afterwards.
// FaultLoad.cs runs them at BENCH_BOOKINGS_PER_S and BENCH_ORDERS_PER_S beside the other kinds.

/// <summary>A member signed in through the real form, with the browser's cookies.</summary>
internal sealed record SignedInMember(Guid Id, string Email, CookieJar Jar);

/// <summary>What the database showed for one kind of write after the run.</summary>
internal sealed record WriteCheck(long Acknowledged, long Lost, long Duplicates, bool Passed, IReadOnlyList<string> Report);

/// <summary>
/// PT sessions booked by signed-in members (<c>POST /api/bookings</c>). Every booking has a slot of its own, planned
/// before the load from the trainers' own slot lists (<c>GET /api/trainers/{id}/slots</c>) five weeks and more ahead,
/// clear of the demo's sessions and of each other by the gym's buffer: concurrent bookings do not compete for a
/// trainer's time, so a "slot taken" 409 says the database saw that slot held already — by a stranger (none here) or by
/// an earlier attempt of the same request. Members take turns, so a member's own sessions never overlap either. An
/// acknowledged booking (201) is confirmed (included with the membership) or pending with its payment checkout opened
/// (the simulated gateway): the database must show it so, holding the trainer's time.
/// </summary>
internal sealed class PtSessionBookings
{
    private readonly Guid _tenant;
    private readonly IReadOnlyList<SignedInMember> _members;
    private readonly IReadOnlyList<PlannedSession> _plan;
    private readonly ConcurrentDictionary<string, BookingAttempt> _attempts = new(StringComparer.Ordinal);
    private long _replays;

    private PtSessionBookings(Guid tenant, IReadOnlyList<SignedInMember> members, IReadOnlyList<PlannedSession> plan)
    {
        _tenant = tenant;
        _members = members;
        _plan = plan;
    }

    public Tally Tally { get; } = new("bookings");

    public int PlannedSlots => _plan.Count;

    /// <summary>Plans <paramref name="needed"/> slots (fewer when the trainers' hours do not hold them in about a year).</summary>
    public static async Task<PtSessionBookings> PrepareAsync(HttpClient http, NpgsqlDataSource database, string host, Guid tenant, IReadOnlyList<SignedInMember> members, int needed)
    {
        var trainers = new List<Guid>();
        await using (var command = database.CreateCommand("""SELECT "Id" FROM bookings.trainers WHERE "TenantId" = @tenant AND "IsListed" ORDER BY "Id" """))
        {
            command.Parameters.AddWithValue("tenant", tenant);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                trainers.Add(reader.GetGuid(0));
            }
        }

        // The gym's buffer between a trainer's commitments; the product's default when the gym has not set one.
        var buffer = TimeSpan.FromMinutes(15);
        await using (var command = database.CreateCommand("""SELECT "BufferMinutes" FROM bookings.policies WHERE "TenantId" = @tenant"""))
        {
            command.Parameters.AddWithValue("tenant", tenant);
            if (await command.ExecuteScalarAsync() is int minutes)
            {
                buffer = TimeSpan.FromMinutes(minutes);
            }
        }

        var perTrainer = new List<List<PlannedSession>>();
        foreach (var trainer in trainers)
        {
            var chosen = new List<PlannedSession>();
            var lastEnd = DateTimeOffset.MinValue;
            // Five weeks out: past the demo's sessions (a week either side of today) and the classes' 28-day timetable.
            var from = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(35);
            for (var chunk = 0; chunk < 12 && chosen.Count < needed; chunk++, from = from.AddDays(31))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    $"/api/trainers/{trainer}/slots?from={from:yyyy-MM-ddTHH:mm:ssZ}&to={from.AddDays(31):yyyy-MM-ddTHH:mm:ssZ}");
                request.Headers.Host = host;
                members[0].Jar.Apply(request);
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {request.RequestUri} answered {(int)response.StatusCode}");
                }

                var slots = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                    .Select(e => (Start: e.GetProperty("start").GetString()!, StartsAt: e.GetProperty("start").GetDateTimeOffset(),
                        EndsAt: e.GetProperty("end").GetDateTimeOffset(), Type: e.GetProperty("sessionType").GetString()!))
                    .GroupBy(e => e.StartsAt).OrderBy(g => g.Key);
                foreach (var atStart in slots)
                {
                    if (atStart.Key < lastEnd + buffer || chosen.Count >= needed)
                    {
                        continue;
                    }

                    // Session types in turn, so the load books every kind the trainer offers.
                    var options = atStart.ToList();
                    var slot = options[chosen.Count % options.Count];
                    chosen.Add(new PlannedSession(trainer, slot.Type, slot.Start, slot.StartsAt.ToUniversalTime()));
                    lastEnd = slot.EndsAt;
                }
            }

            perTrainer.Add(chosen);
        }

        // Trainers in turn, so consecutive bookings land with different trainers when the gym has several.
        var plan = new List<PlannedSession>();
        for (var i = 0; plan.Count < needed && perTrainer.Any(p => i < p.Count); i++)
        {
            plan.AddRange(perTrainer.Where(p => i < p.Count).Select(p => p[i]));
        }

        return new PtSessionBookings(tenant, members, plan.Take(needed).ToList());
    }

    /// <summary>Booking number <paramref name="n"/>: its own planned slot, the members in turn, one key for every attempt.</summary>
    public async Task BookAsync(WriteClient writes, string host, int n)
    {
        if (_plan.Count == 0)
        {
            return;
        }

        // Past the plan the slots come round again: those bookings meet a genuine "slot taken", counted as answered.
        var slot = _plan[n % _plan.Count];
        var member = _members[n % _members.Count];
        var attempt = new BookingAttempt(Guid.NewGuid().ToString("N"), slot, member.Id);
        _attempts[attempt.Key] = attempt;
        var body = JsonSerializer.Serialize(new { trainerId = slot.TrainerId, sessionType = slot.SessionType, start = slot.Start });
        var result = await writes.UntilAcknowledgedAsync(Tally, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Host = host;
            request.Headers.Add("Idempotency-Key", attempt.Key);
            return request;
        }, member.Jar, TakenAnswer);
        attempt.Answer = result.Answer;
        if (!result.Acknowledged)
        {
            return;
        }

        if (result.Replayed)
        {
            Interlocked.Increment(ref _replays);
        }

        var booking = JsonDocument.Parse(result.Body).RootElement.GetProperty("booking");
        attempt.BookingId = booking.GetProperty("id").GetGuid();
        attempt.Status = booking.GetProperty("status").GetString();
    }

    /// <summary>A 409 that is not "in flight" is the database's answer that the time is held: final, not retried.</summary>
    private static string? TakenAnswer(int status, string body) =>
        status != 409 || body.Contains("idempotent-request-in-flight", StringComparison.Ordinal) ? null
        : body.Contains("included session", StringComparison.Ordinal) ? "included session taken"
        : "slot taken";

    public async Task<WriteCheck> CheckAsync(NpgsqlDataSource database)
    {
        var attempts = _attempts.Values.ToList();
        var report = new List<string>();
        if (attempts.Count == 0)
        {
            return new WriteCheck(0, 0, 0, true, ["faults: bookings: none sent"]);
        }

        var sessions = new List<SessionRow>();
        await using (var command = database.CreateCommand("""
            SELECT s."Id", s."MemberId", s."TrainerId", s."StartsAt", s."Status", s."PaymentStatus", s."CheckoutSessionId" IS NOT NULL,
                   (SELECT count(*) FROM bookings.calendar_blocks b WHERE b."CommitmentId" = s."Id")
            FROM bookings.pt_sessions s WHERE s."TenantId" = @tenant AND s."StartsAt" >= @from
            """))
        {
            command.Parameters.AddWithValue("tenant", _tenant);
            command.Parameters.AddWithValue("from", _plan.Min(p => p.StartsAt));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sessions.Add(new SessionRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetString(4), reader.GetString(5), reader.GetBoolean(6), reader.GetInt64(7)));
            }
        }

        var byId = sessions.ToDictionary(s => s.Id);
        var live = sessions.Where(s => s.Status != "Cancelled").ToList();
        var liveAt = live.ToLookup(s => (s.TrainerId, s.StartsAt.UtcTicks));
        var acknowledged = attempts.Where(a => a.BookingId is not null).ToList();
        var lost = 0;
        var wrong = 0;
        foreach (var a in acknowledged)
        {
            if (!byId.TryGetValue(a.BookingId!.Value, out var row) || row.Status == "Cancelled")
            {
                lost++;
                report.Add($"faults: bookings: LOST {a.BookingId} ({a.Slot.Start}, key {a.Key}): {(row is null ? "no such session" : "cancelled")}");
                continue;
            }

            // Acknowledged means: the member's session at the asked time, holding the trainer's time, and either
            // confirmed (included with the membership) or pending with its payment checkout opened.
            var holds = row.MemberId == a.MemberId && row.StartsAt == a.Slot.StartsAt && row.Blocks > 0
                && ((row.Status == "Confirmed" && row.Payment == "IncludedWithMembership") || (row.Status == "Pending" && row.HasCheckout));
            if (!holds)
            {
                wrong++;
                report.Add($"faults: bookings: WRONG STATE {row.Id} ({a.Slot.Start}): {row.Status}/{row.Payment}, checkout {row.HasCheckout}, {row.Blocks} blocks");
            }
        }

        // Every planned slot is one request's: a second live session there, or a live session at a time nobody asked
        // for, is a write that ran twice.
        var asked = attempts.Select(a => (a.Slot.TrainerId, a.Slot.StartsAt.UtcTicks)).ToHashSet();
        var twice = liveAt.Sum(g => Math.Max(0, g.Count() - 1));
        var unexplained = live.Count(s => !asked.Contains((s.TrainerId, s.StartsAt.UtcTicks)));
        var acknowledgedIds = acknowledged.Select(a => a.BookingId!.Value).ToHashSet();
        var sharedIds = acknowledged.Count - acknowledgedIds.Count;
        var duplicates = twice + unexplained + sharedIds;
        // Held though no request for that slot was acknowledged: the write happened and its client was told otherwise.
        var heldUnacknowledged = live.Where(s => !acknowledgedIds.Contains(s.Id)).ToList();
        var byOwnEarlierAttempt = attempts.Count(a => a.Answer == "slot taken"
            && liveAt[(a.Slot.TrainerId, a.Slot.StartsAt.UtcTicks)].Any(s => s.MemberId == a.MemberId && !acknowledgedIds.Contains(s.Id)));
        // What such a session was left as says where the request failed: pending without a checkout means after the
        // session's own commit and before its payment was opened.
        var held = heldUnacknowledged.Take(5).Select(s => $"faults: bookings: held without an acknowledgement: {s.Id} at {s.StartsAt:u}, "
            + $"{s.Status}/{s.Payment}, checkout {(s.HasCheckout ? "opened" : "never opened")}, {s.Blocks} blocks").ToList();
        var cancelled = sessions.Count(s => s.Status == "Cancelled");
        var answers = string.Join(", ", Tally.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} ×{o.Value}"));
        report.Add($"faults: bookings: {attempts.Count} keys on {_plan.Count} planned slots, {acknowledged.Count} acknowledged "
            + $"({Interlocked.Read(ref _replays)} by a replayed answer; {acknowledged.Count(a => a.Status == "confirmed")} confirmed as included, "
            + $"{acknowledged.Count(a => a.Status == "pending")} pending payment), {Tally.AnsweredForGood} answered ({(answers.Length == 0 ? "none" : answers)}), "
            + $"{Tally.Unacknowledged} never acknowledged");
        report.Add($"faults: bookings: in the database {live.Count} sessions hold their time, {lost} acknowledged but missing, {wrong} in the wrong state, "
            + $"{duplicates} recorded twice, {heldUnacknowledged.Count} held without an acknowledgement ({byOwnEarlierAttempt} of them answered "
            + $"\"slot taken\" over the same request's earlier attempt), {cancelled} cancelled (payment could not start, or a hold released)");
        report.AddRange(held);
        return new WriteCheck(acknowledged.Count, lost, duplicates, lost == 0 && wrong == 0 && duplicates == 0, report);
    }

    private sealed record PlannedSession(Guid TrainerId, string SessionType, string Start, DateTimeOffset StartsAt);

    private sealed record SessionRow(Guid Id, Guid MemberId, Guid TrainerId, DateTimeOffset StartsAt, string Status, string Payment, bool HasCheckout, long Blocks);

    private sealed class BookingAttempt(string key, PlannedSession slot, Guid memberId)
    {
        public string Key { get; } = key;

        public PlannedSession Slot { get; } = slot;

        public Guid MemberId { get; } = memberId;

        public Guid? BookingId { get; set; }

        public string? Status { get; set; }

        public string? Answer { get; set; }
    }
}

/// <summary>
/// Click-and-collect orders by signed-in members: one unit into the cart (<c>POST /api/shop/cart/items</c>), then
/// <c>POST /api/shop/checkout</c>, each with its own Idempotency-Key. A member has one cart, so a member's orders go one
/// after another (the members in turn); the others' keep coming at the offered rate. Nine orders in ten take the
/// product with the most stock left by the run's own reckoning, so the demo's shelves last the run; one in ten asks
/// for the scarcest product's last units, so buyers race for them and the database must refuse the losers ("sold out",
/// an answered outcome). An acknowledged order is pending with its payment checkout opened and the unit reserved.
/// </summary>
internal sealed class ClickAndCollectOrders
{
    private readonly Guid _tenant;
    private readonly DateTimeOffset _since;
    private readonly IReadOnlyList<SignedInMember> _members;
    private readonly Dictionary<Guid, SemaphoreSlim> _carts;
    private readonly List<ShelfItem> _shelf;
    private readonly ShelfItem? _scarce;
    private readonly ConcurrentDictionary<string, OrderAttempt> _attempts = new(StringComparer.Ordinal);
    private long _replays;

    private ClickAndCollectOrders(Guid tenant, DateTimeOffset since, IReadOnlyList<SignedInMember> members, List<ShelfItem> shelf)
    {
        _tenant = tenant;
        _since = since;
        _members = members;
        _carts = members.ToDictionary(m => m.Id, _ => new SemaphoreSlim(1, 1));
        _scarce = shelf.Count > 1 ? shelf.MinBy(i => i.Available) : null;
        _shelf = [.. shelf.Where(i => i != _scarce)];
    }

    public Tally Cart { get; } = new("cart");

    public Tally Orders { get; } = new("orders");

    public int UnitsOnShelf => _shelf.Sum(i => i.Available) + (_scarce?.Available ?? 0);

    public static async Task<ClickAndCollectOrders> PrepareAsync(NpgsqlDataSource database, Guid tenant, DateTimeOffset since, IReadOnlyList<SignedInMember> members)
    {
        var shelf = new List<ShelfItem>();
        await using var command = database.CreateCommand("""
            SELECT v."Id", v."Sku", s."OnHand" - s."Reserved"
            FROM marketplace.product_variants v
            JOIN marketplace.products p ON p."Id" = v."ProductId"
            JOIN marketplace.stock_levels s ON s."VariantId" = v."Id"
            WHERE v."TenantId" = @tenant AND v."IsActive" AND p."IsActive" AND s."OnHand" - s."Reserved" > 0
            ORDER BY v."Sku"
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            shelf.Add(new ShelfItem(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return new ClickAndCollectOrders(tenant, since, members, shelf);
    }

    /// <summary>Order number <paramref name="n"/>: the member's cart, then the checkout; the cart emptied again when no
    /// order came of it, so the member's next order holds only its own item.</summary>
    public async Task PlaceAsync(WriteClient writes, string host, int n)
    {
        if (_shelf.Count == 0 && _scarce is null)
        {
            return;
        }

        var member = _members[n % _members.Count];
        var item = Pick(n);
        var attempt = new OrderAttempt(Guid.NewGuid().ToString("N"), member.Id, item);
        _attempts[attempt.Key] = attempt;
        var cart = _carts[member.Id];
        await cart.WaitAsync();
        try
        {
            var line = JsonSerializer.Serialize(new { variantId = item.VariantId, quantity = 1 });
            var cartKey = Guid.NewGuid().ToString("N");
            var added = await writes.UntilAcknowledgedAsync(Cart, () => Keyed(HttpMethod.Post, "/api/shop/cart/items", line, cartKey, host), member.Jar, SoldOutAnswer);
            if (!added.Acknowledged)
            {
                attempt.Answer = added.Answer;
                return;
            }

            attempt.CheckedOut = true;
            var placed = await writes.UntilAcknowledgedAsync(Orders, () => Keyed(HttpMethod.Post, "/api/shop/checkout", """{"delivery":{"method":"collect"}}""", attempt.Key, host),
                member.Jar, SoldOutAnswer);
            attempt.Answer = placed.Answer;
            if (placed.Acknowledged)
            {
                if (placed.Replayed)
                {
                    Interlocked.Increment(ref _replays);
                }

                attempt.OrderId = JsonDocument.Parse(placed.Body).RootElement.GetProperty("orderId").GetGuid();
                return;
            }

            // Sold out (or never answered): take the item out again, as the member would, so it does not ride along
            // into their next order.
            var removeKey = Guid.NewGuid().ToString("N");
            await writes.UntilAcknowledgedAsync(Cart, () => Keyed(HttpMethod.Delete, $"/api/shop/cart/items/{item.VariantId}", null, removeKey, host), member.Jar);
        }
        finally
        {
            cart.Release();
        }
    }

    private ShelfItem Pick(int n)
    {
        lock (_shelf)
        {
            var item = n % 10 == 9 && _scarce is not null ? _scarce : _shelf.Count == 0 ? _scarce! : _shelf.MaxBy(i => i.Available - i.Planned)!;
            item.Planned++;
            return item;
        }
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string? json, string key, string host)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Host = host;
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>The shop's "sold out" / "only N left" (a 400 on the quantity): an answer, not a failure.</summary>
    private static string? SoldOutAnswer(int status, string body) =>
        status == 400 && (body.Contains("sold out", StringComparison.Ordinal) || body.Contains("out of stock", StringComparison.Ordinal)
                          || body.Contains(" left at this gym", StringComparison.Ordinal))
            ? "sold out"
            : null;

    public async Task<WriteCheck> CheckAsync(NpgsqlDataSource database)
    {
        var attempts = _attempts.Values.ToList();
        var report = new List<string>();
        if (attempts.Count == 0)
        {
            return new WriteCheck(0, 0, 0, true, ["faults: orders: none sent"]);
        }

        var orders = new Dictionary<Guid, OrderRow>();
        await using (var command = database.CreateCommand("""
            SELECT o."Id", o."UserId", o."Status", o."CheckoutSessionId" IS NOT NULL, l."VariantId", l."Quantity"
            FROM marketplace.orders o LEFT JOIN marketplace.order_lines l ON l."OrderId" = o."Id"
            WHERE o."TenantId" = @tenant AND o."CreatedAt" >= @since AND o."Channel" = 'Online' AND o."UserId" = ANY(@members)
            """))
        {
            command.Parameters.AddWithValue("tenant", _tenant);
            command.Parameters.AddWithValue("since", _since.AddMinutes(-1));
            command.Parameters.AddWithValue("members", _members.Select(m => m.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetGuid(0);
                if (!orders.TryGetValue(id, out var row))
                {
                    orders[id] = row = new OrderRow(id, reader.GetGuid(1), reader.GetString(2), reader.GetBoolean(3), []);
                }

                if (!reader.IsDBNull(4))
                {
                    row.Lines.Add((reader.GetGuid(4), reader.GetInt32(5)));
                }
            }
        }

        var acknowledged = attempts.Where(a => a.OrderId is not null).ToList();
        var lost = 0;
        var wrong = 0;
        foreach (var a in acknowledged)
        {
            if (!orders.TryGetValue(a.OrderId!.Value, out var row) || row.Status == "Cancelled")
            {
                lost++;
                report.Add($"faults: orders: LOST {a.OrderId} (key {a.Key}): {(row is null ? "no such order" : "cancelled")}");
                continue;
            }

            // Exactly what the member put in the cart for this order: one unit of one item, reserved until paid.
            if (row.UserId != a.MemberId || row.Status != "Pending" || !row.HasCheckout || row.Lines.Count != 1
                || row.Lines[0].VariantId != a.Item.VariantId || row.Lines[0].Quantity != 1)
            {
                wrong++;
                report.Add($"faults: orders: WRONG {row.Id}: {row.Status}, checkout {row.HasCheckout}, lines "
                    + string.Join("; ", row.Lines.Select(l => $"{l.VariantId} ×{l.Quantity}")) + $", expected {a.Item.Sku} ×1");
            }
        }

        // Two keys acknowledged with one order, or more orders than checkouts that may have run: an order placed twice.
        var acknowledgedIds = acknowledged.Select(a => a.OrderId!.Value).ToHashSet();
        var sharedIds = acknowledged.Count - acknowledgedIds.Count;
        var unaccounted = orders.Keys.Count(id => !acknowledgedIds.Contains(id));
        var duplicates = sharedIds + Math.Max(0, unaccounted - (int)Orders.MayHaveRun);

        // The shelf: never below zero, never more reserved than on it, reservations exactly those of pending orders,
        // and no product sold beyond what was there when the run began.
        var stockProblems = 0;
        await using (var command = database.CreateCommand("""
            SELECT v."Sku", s."VariantId", s."OnHand", s."Reserved",
                   COALESCE((SELECT sum(l."Quantity") FROM marketplace.order_lines l JOIN marketplace.orders o ON o."Id" = l."OrderId"
                             WHERE l."VariantId" = s."VariantId" AND o."Status" = 'Pending'), 0)
            FROM marketplace.stock_levels s JOIN marketplace.product_variants v ON v."Id" = s."VariantId"
            WHERE s."TenantId" = @tenant
            """))
        {
            command.Parameters.AddWithValue("tenant", _tenant);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (sku, onHand, reserved, pending) = (reader.GetString(0), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4));
                if (onHand < 0 || reserved < 0 || reserved > onHand || reserved != pending)
                {
                    stockProblems++;
                    report.Add($"faults: orders: STOCK {sku}: on hand {onHand}, reserved {reserved}, pending orders hold {pending}");
                }
            }
        }

        var shelf = _shelf.Concat(_scarce is null ? [] : [_scarce]).ToDictionary(i => i.VariantId);
        var oversold = orders.Values.Where(o => o.Status != "Cancelled").SelectMany(o => o.Lines)
            .GroupBy(l => l.VariantId).Count(g => shelf.TryGetValue(g.Key, out var i) && g.Sum(l => l.Quantity) > i.Available);
        var answers = string.Join(", ", Cart.Outcomes.Concat(Orders.Outcomes).GroupBy(o => o.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Sum(o => o.Value)}"));
        report.Add($"faults: orders: {attempts.Count} orders begun ({_members.Count} members' carts, {UnitsOnShelf} units on the shelf at the start; "
            + $"the scarcest: {_scarce?.Sku ?? "-"} ×{_scarce?.Available ?? 0}), {attempts.Count(a => a.CheckedOut)} checked out, {acknowledged.Count} acknowledged "
            + $"({Interlocked.Read(ref _replays)} by a replayed answer), {Cart.AnsweredForGood + Orders.AnsweredForGood} answered ({(answers.Length == 0 ? "none" : answers)}), "
            + $"{Orders.Unacknowledged} checkouts never acknowledged");
        report.Add($"faults: orders: in the database {orders.Count} orders by the run's members, {lost} acknowledged but missing, {wrong} with other contents, "
            + $"{duplicates} placed twice, {unaccounted} without an acknowledgement; stock: {stockProblems} products out of step, {oversold} oversold");
        return new WriteCheck(acknowledged.Count, lost, duplicates, lost == 0 && wrong == 0 && duplicates == 0 && stockProblems == 0 && oversold == 0, report);
    }

    private sealed class ShelfItem(Guid variantId, string sku, int available)
    {
        public Guid VariantId { get; } = variantId;

        public string Sku { get; } = sku;

        public int Available { get; } = available;

        public int Planned { get; set; }
    }

    private sealed record OrderRow(Guid Id, Guid UserId, string Status, bool HasCheckout, List<(Guid VariantId, int Quantity)> Lines);

    private sealed class OrderAttempt(string key, Guid memberId, ShelfItem item)
    {
        public string Key { get; } = key;

        public Guid MemberId { get; } = memberId;

        public ShelfItem Item { get; } = item;

        public bool CheckedOut { get; set; }

        public Guid? OrderId { get; set; }

        public string? Answer { get; set; }
    }
}
