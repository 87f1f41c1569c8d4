using System.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

// The yardstick of etc/bench/hotreads.sh: a minimal ASP.NET Core app (slim builder, no middleware, no logging below
// Warning) answering Derrimut's two hottest tenant-scoped reads with hand-written SQL through raw Npgsql, returning
// byte-for-byte the documents Derrimut returns. It is what "close to the machine" is measured against.
//   RAW_CONNECTION=<the app's connection string> dotnet Derrimut.Benchmarks.RawApp.dll --urls http://127.0.0.1:5085
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, RawJson.Default));
var connection = Environment.GetEnvironmentVariable("RAW_CONNECTION")
    ?? throw new InvalidOperationException("RAW_CONNECTION (the app's PostgreSQL connection string) is required.");
await using var dataSource = NpgsqlDataSource.Create(connection);
var melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
var app = builder.Build();

// A gym's public profile, as GET /api/organizations/current answers it on the gym's own site.
app.MapGet("/raw/gyms/{identifier}/profile", async (string identifier, CancellationToken ct) =>
{
    await using var command = dataSource.CreateCommand("""
        SELECT "Identifier", "Name", "Kind", address_street, address_suburb, address_state, address_postcode, "Phone", "Email",
               "TimeZone", "Currency", "OpeningHours", "IsOpen24x7", "Amenities", "PhotoUrl"
        FROM organizations.organizations WHERE "Identifier" = $1
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = identifier });
    await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
    if (!await reader.ReadAsync(ct))
    {
        return Results.NotFound();
    }

    var hours = JsonSerializer.Deserialize(reader.GetString(11), RawJson.Default.StoredHoursArray) ?? [];
    return Results.Ok(new RawProfile(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2) == "Location" ? "location" : "franchise",
        reader.IsDBNull(3) ? null : new RawAddress(reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.GetString(9),
        reader.GetString(10),
        [.. hours.Select(h => new RawHours(
            ((DayOfWeek)h.Day).ToString().ToLowerInvariant(),
            TimeOnly.Parse(h.Opens, CultureInfo.InvariantCulture).ToString("HH:mm", CultureInfo.InvariantCulture),
            h.ClosesAtMidnight ? "24:00" : TimeOnly.Parse(h.Closes, CultureInfo.InvariantCulture).ToString("HH:mm", CultureInfo.InvariantCulture)))],
        reader.GetBoolean(12),
        JsonSerializer.Deserialize(reader.GetString(13), RawJson.Default.StringArray) ?? [],
        reader.IsDBNull(14) ? null : reader.GetString(14)));
});

// A member's own membership at a gym, as GET /api/memberships/mine answers it: the live (else latest) membership with
// its plan's name and the member's name at this gym, then the ledger -- two statements in one round trip.
app.MapGet("/raw/gyms/{locationId:guid}/members/{userId:guid}/membership", async (Guid locationId, Guid userId, CancellationToken ct) =>
{
    await using var batch = dataSource.CreateBatch();
    batch.BatchCommands.Add(new NpgsqlBatchCommand("""
        SELECT m."Id", m."PlanCode", COALESCE(p."Name", m."PlanCode"), m."Status", m."IsFrozen", m."FrozenUntil", m."StartedAt",
               m."MinimumTermEndsAt", m."NextBillingAt", m."CancelsAt", m."EndedAt", m."CheckoutUrl", m."CustomerId", m."SubscriptionId",
               COALESCE((SELECT l."InvitedName" FROM identity.location_memberships l
                         WHERE l."TenantId" = $1 AND l."InvitedName" IS NOT NULL AND l."UserId" = u."Id" LIMIT 1), u."DisplayName"),
               COALESCE(u."Email", '')
        FROM memberships.memberships m
        LEFT JOIN memberships.plans p ON p."TenantId" = $1 AND p."Id" = m."PlanId"
        LEFT JOIN identity.users u ON u."Id" = m."UserId"
        WHERE m."TenantId" = $1 AND m."UserId" = $2
        ORDER BY m."LiveUserId" IS NOT NULL DESC, m."Id" DESC
        LIMIT 1
        """) { Parameters = { new() { Value = locationId }, new() { Value = userId } } });
    batch.BatchCommands.Add(new NpgsqlBatchCommand("""
        SELECT "Id", "Kind", "OccurredAt", "AmountCents", "GstCents", "Description"
        FROM memberships.ledger_entries WHERE "TenantId" = $1 AND "UserId" = $2
        """) { Parameters = { new() { Value = locationId }, new() { Value = userId } } });
    await using var reader = await batch.ExecuteReaderAsync(ct);
    if (!await reader.ReadAsync(ct))
    {
        return Results.NoContent();
    }

    static DateTimeOffset? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
    static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    var id = reader.GetGuid(0);
    var planCode = reader.GetString(1);
    var planName = reader.GetString(2);
    var status = reader.GetString(3);
    var isFrozen = reader.GetBoolean(4);
    var (frozenUntil, startedAt, termEnds, nextBilling, cancelsAt, endedAt) = (At(reader, 5), At(reader, 6), At(reader, 7), At(reader, 8), At(reader, 9), At(reader, 10));
    var checkoutUrl = Text(reader, 11);
    var (customerId, subscriptionId) = (Text(reader, 12), Text(reader, 13));
    var (memberName, memberEmail) = (Text(reader, 14) ?? "", reader.GetString(15));

    await reader.NextResultAsync(ct);
    var ledger = new List<RawLedgerLine>();
    while (await reader.ReadAsync(ct))
    {
        var occurredAt = reader.GetFieldValue<DateTimeOffset>(2);
        ledger.Add(new RawLedgerLine(
            reader.GetGuid(0),
            reader.GetString(1) switch { "Charge" => "charge", "Refund" => "refund", _ => "failedPayment" },
            occurredAt,
            TimeZoneInfo.ConvertTime(occurredAt, melbourne).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetString(5)));
    }

    // Newest first, ties by id in .NET's Guid order, exactly as the app sorts them.
    ledger.Sort((a, b) => b.OccurredAt != a.OccurredAt ? b.OccurredAt.CompareTo(a.OccurredAt) : b.Id.CompareTo(a.Id));
    return Results.Ok(new RawMembership(
        id, userId, memberName, memberEmail, planCode, planName, JsonNamingPolicy.CamelCase.ConvertName(status), isFrozen, frozenUntil,
        startedAt, termEnds, nextBilling, cancelsAt, endedAt, status == "Pending" ? checkoutUrl : null, ledger, customerId, subscriptionId));
});

app.Run();

internal sealed record RawAddress(string Street, string Suburb, string State, string Postcode);
internal sealed record RawHours(string Day, string Opens, string Closes);
internal sealed record StoredHours(int Day, string Opens, string Closes, bool ClosesAtMidnight);
internal sealed record RawProfile(
    string Identifier, string Name, string Kind, RawAddress? Address, string? Phone, string? Email, string TimeZone, string Currency,
    IReadOnlyList<RawHours> OpeningHours, bool IsOpen24x7, IReadOnlyList<string> Amenities, string? PhotoUrl);
internal sealed record RawLedgerLine(Guid Id, string Kind, DateTimeOffset OccurredAt, string OccurredAtLocal, long AmountCents, long GstCents, string Description);
internal sealed record RawMembership(
    Guid Id, Guid UserId, string MemberName, string MemberEmail, string PlanCode, string PlanName, string Status, bool IsFrozen,
    DateTimeOffset? FrozenUntil, DateTimeOffset? StartedAt, DateTimeOffset? MinimumTermEndsAt, DateTimeOffset? NextBillingAt,
    DateTimeOffset? CancelsAt, DateTimeOffset? EndedAt, string? CheckoutUrl, IReadOnlyList<RawLedgerLine> Ledger,
    string? GatewayCustomerId, string? GatewaySubscriptionId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RawProfile))]
[JsonSerializable(typeof(RawMembership))]
[JsonSerializable(typeof(StoredHours[]), TypeInfoPropertyName = "StoredHoursArray")]
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class RawJson : JsonSerializerContext;
