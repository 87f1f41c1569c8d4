using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Derrimut.Bookings.Contracts;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The leak suite's part for the reports' freezes, trainers' availability and the platform view (decision 0058): a
/// freeze and extra trainer hours written at st-albans change st-albans's reports and never werribee's; the
/// platform view shows each gym's own dashboard.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task KeepFreezesAndTrainersHoursInTheirOwnGymsReports()
    {
        var app = fixture.App;
        var ct = TestContext.Current.CancellationToken;
        var tenants = await app.Services.GetRequiredService<ITenantStore>().ListAsync(ct);
        var stAlbansId = tenants.Single(t => t.Identifier == Home).Id;
        var stAlbans = await app.SignedInAsync($"admin@st-albans.{D}", Home);
        var werribee = await app.SignedInAsync($"admin@werribee.{D}", "werribee");
        // A day long before the demo's records, so only this test's rows are on it.
        var day = new DateOnly(2023, 2, 15);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var range = $"from={date}&to={date}";

        async Task<(decimal Freezes, decimal Minutes)> FiguresAsync(HttpClient client, string host)
        {
            var membership = await JsonAsync(await client.GetAsync(SignedInClients.At(host, $"/api/reports/membership?{range}"), ct));
            var trainers = await JsonAsync(await client.GetAsync(SignedInClients.At(host, $"/api/reports/trainers?{range}"), ct));
            return (Figure(membership, "freezesStarted"), Figure(trainers, "availableMinutes"));
        }

        var werribeeBefore = await FiguresAsync(werribee, "werribee");
        var stAlbansBefore = await FiguresAsync(stAlbans, Home);

        var scopes = app.Services.GetRequiredService<ITenantScopeFactory>();
        var (membershipId, trainerId) = await scopes.RunAsync(stAlbansId, async (sp, c) => (
            await sp.GetRequiredService<IMembershipReadModel>().Memberships.Select(m => m.Id).FirstAsync(c),
            await sp.GetRequiredService<IBookingsReadModel>().Trainers.Select(t => t.Id).FirstAsync(c)));
        var melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), melbourne.GetUtcOffset(day.ToDateTime(new TimeOnly(10, 0)))).ToUniversalTime();
        await AddRowAsync(scopes, stAlbansId, "Derrimut.Memberships.Domain.MembershipAuditEntry",
            new { MembershipId = membershipId, Action = "freeze-requested", Detail = "leak probe", At = at }, ct);
        await AddRowAsync(scopes, stAlbansId, "Derrimut.Bookings.Domain.Availability.AvailabilityException",
            new { TrainerId = trainerId, Date = day, Kind = 2, Starts = (TimeOnly?)new TimeOnly(1, 0), Ends = (TimeOnly?)new TimeOnly(3, 0) }, ct);

        (await FiguresAsync(werribee, "werribee")).ShouldBe(werribeeBefore);
        var stAlbansAfter = await FiguresAsync(stAlbans, Home);
        stAlbansAfter.Freezes.ShouldBe(stAlbansBefore.Freezes + 1);
        stAlbansAfter.Minutes.ShouldBeGreaterThan(stAlbansBefore.Minutes);

        // The platform view shows each gym's own dashboard, never one gym's rows in another's column.
        var superadmin = await app.SignedInAsync($"superadmin@{D}", "admin");
        var platform = await JsonAsync(await superadmin.GetAsync(SignedInClients.At("admin", "/api/reports/platform"), ct));
        var gyms = platform.GetProperty("franchises").EnumerateArray().SelectMany(f => f.GetProperty("locations").EnumerateArray()).ToList();
        foreach (var (client, host) in new[] { (stAlbans, Home), (werribee, "werribee") })
        {
            var own = await JsonAsync(await client.GetAsync(SignedInClients.At(host, "/api/reports/dashboard"), ct));
            var there = gyms.Single(g => g.GetProperty("locationId").GetGuid() == own.GetProperty("locationId").GetGuid());
            there.GetProperty("activeMembers").GetInt32().ShouldBe(own.GetProperty("activeMembers").GetInt32(), host);
            there.GetProperty("joinsThisMonth").GetInt32().ShouldBe(own.GetProperty("joinsThisMonth").GetInt32(), host);
        }
    }

    private static decimal Figure(JsonElement report, string key) =>
        report.GetProperty("totals").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetDecimal();

    /// <summary>A row of another module's internal entity, built from the EF model by name (numbers become enums), saved in the gym's scope.</summary>
    private static Task<int> AddRowAsync(ITenantScopeFactory scopes, Guid tenantId, string entity, object values, CancellationToken ct) =>
        scopes.RunAsync(tenantId, async (sp, c) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == entity).ClrType;
            var row = Activator.CreateInstance(type)!;
            foreach (var property in values.GetType().GetProperties())
            {
                var target = type.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance)!;
                var value = property.GetValue(values);
                var targetType = Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType;
                target.SetValue(row, value is int number && targetType.IsEnum ? Enum.ToObject(targetType, number) : value);
            }

            db.Add(row);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
}
