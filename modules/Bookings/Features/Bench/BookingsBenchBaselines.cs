using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Features.Trainers;
using Derrimut.BuildingBlocks.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Npgsql;

namespace Derrimut.Bookings.Features.Bench;

/// <summary>
/// The bookings benchmark's baselines (etc/bench/bookings.sh), mapped only when <c>Benchmarks:BareEndpoints</c> is true:
/// <list type="bullet">
/// <item>"my upcoming bookings" as raw Npgsql: the same rows, joins and JSON as <c>GET /api/bookings/mine/upcoming</c>,
/// one hand-written command on a connection with the app's own connection string (so the same pool and settings), with
/// no tenancy pipeline, no sign-in, no EF Core — the member and location are in the path;</item>
/// <item>slot search with no tenancy pipeline: the same handler and queries, the location a plain WHERE on its id.</item>
/// </list>
/// </summary>
internal static class BookingsBenchBaselines
{
    private const string PolicySql = """SELECT p."FreeCancellationHours" FROM bookings.policies p WHERE p."TenantId" = $1""";

    private const string UpcomingSql = """
        SELECT s."Id", s."TrainerId", t."DisplayName", s."MemberId", u."DisplayName", s."SessionTypeCode", s."SessionTypeName",
               s."StartsAt", s."EndsAt", s."Minutes", s."Status", s."PaymentStatus", s."PriceCents", s."LateCancellation", s."CheckoutUrl"
        FROM bookings.pt_sessions s
        JOIN bookings.trainers t ON t."Id" = s."TrainerId" AND t."TenantId" = $1
        LEFT JOIN identity.users u ON u."Id" = s."MemberId"
        WHERE s."TenantId" = $1 AND s."MemberId" = $2 AND s."EndsAt" > $3 AND s."Status" IN ('Pending', 'Confirmed')
        ORDER BY s."StartsAt"
        LIMIT 50
        """;

    private static string? _connectionString;

    /// <summary>
    /// The signed-in pipeline alone: <c>GET /api/bookings/bench/signed-in</c> goes through tenant resolution, cookie
    /// authentication, the person's access at the location and the same permission policy as "my upcoming bookings",
    /// then answers an empty list without touching the database, so the benchmark can split the signed-in read's cost
    /// into "being signed in" and "the query".
    /// </summary>
    public static void MapSignedInEmpty(RouteGroupBuilder bookings) =>
        bookings.MapGet("/bench/signed-in", (ClaimsPrincipal me) => Results.Ok(new[] { me.RequireUserId() }))
            .RequireAuthorization(BookingsPermissions.ManageOwnBookings)
            .ExcludeFromDescription();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/bench/bare/bookings/upcoming/{locationId:guid}/{memberId:guid}", async (Guid locationId, Guid memberId, IServiceProvider services, TimeProvider time, CancellationToken ct) =>
            {
                // The app's connection string, read once from a context (the same pool, No Reset On Close, auto-prepare…).
                _connectionString ??= services.GetRequiredService<DerrimutDbContext>().Database.GetConnectionString();
                var zone = GymTime.ZoneOf((string?)null);
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                // One round trip for both statements (positional parameters allow one statement per command).
                await using var batch = new NpgsqlBatch(connection);
                var policy = new NpgsqlBatchCommand(PolicySql);
                policy.Parameters.Add(new NpgsqlParameter { Value = locationId });
                var upcoming = new NpgsqlBatchCommand(UpcomingSql);
                upcoming.Parameters.Add(new NpgsqlParameter { Value = locationId });
                upcoming.Parameters.Add(new NpgsqlParameter { Value = memberId });
                upcoming.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
                batch.BatchCommands.Add(policy);
                batch.BatchCommands.Add(upcoming);
                await using var reader = await batch.ExecuteReaderAsync(ct);
                var freeHours = await reader.ReadAsync(ct) ? reader.GetInt32(0) : new Domain.Sessions.BookingPolicy().FreeCancellationHours;
                await reader.NextResultAsync(ct);
                var result = new List<BookingDto>();
                while (await reader.ReadAsync(ct))
                {
                    var status = Enum.Parse<BookingStatus>(reader.GetString(10));
                    var starts = reader.GetFieldValue<DateTimeOffset>(7);
                    result.Add(new BookingDto(
                        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5), reader.GetString(6), TimeZoneInfo.ConvertTime(starts, zone), TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(8), zone),
                        reader.GetInt32(9), status, Enum.Parse<BookingPaymentStatus>(reader.GetString(11)), reader.GetInt64(12), reader.GetBoolean(13),
                        status == BookingStatus.Pending && !reader.IsDBNull(14) ? reader.GetString(14) : null,
                        TimeZoneInfo.ConvertTime(starts - TimeSpan.FromHours(freeHours), zone)));
                }

                return Results.Ok(result);
            })
            .SkipTenantResolution()
            .ExcludeFromDescription();

        app.MapGet("/bench/bare/bookings/slots/{locationId:guid}/{trainerId:guid}", (Guid locationId, Guid trainerId, DateTimeOffset? from, DateTimeOffset? to, string? sessionType,
                BookingReads reads, CancellationToken ct) =>
            {
                reads.BareLocationId = locationId;
                return new GetSlotsHandler(reads).HandleAsync(trainerId, from, to, sessionType, ct);
            })
            .SkipTenantResolution()
            .ExcludeFromDescription();
    }
}
