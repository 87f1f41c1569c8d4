using System.Globalization;
using System.Reflection;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Reporting.Tests;

/// <summary>The real app on a fresh database, with the simulated gateway's tools, and two franchises of two gyms each.</summary>
public abstract class ReportingFixture : ProviderFixture
{
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    public TestTenant A1 { get; private set; } = null!;

    public TestTenant A2 { get; private set; } = null!;

    public TestTenant B1 { get; private set; } = null!;

    public TestTenant FranchiseA { get; private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Billing:SimulatedTools"] = "true" }));
        await _app.StartAsync();
        (FranchiseA, A1, A2, _, B1, _) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }
}

public sealed class SqliteReportingFixture : ReportingFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReportingFixture : ReportingFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>People, signed-in clients, and rows placed at exact instants.</summary>
internal static class ReportingKit
{
    public static readonly TimeZoneInfo Melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A confirmed person holding <paramref name="role"/> at the gym.</summary>
    public static async Task<Guid> PersonAsync(DerrimutWebFactory app, Guid tenantId, string email, string role = IdentityRoles.Member)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
                (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            }

            id = user.Id;
        }

        await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) => sp.GetRequiredService<ILocationAccessGrants>().JoinAsync(id, role, ct));
        return id;
    }

    /// <summary>A signed-in person in the role at the gym.</summary>
    public static async Task<HttpClient> SignedInAsync(DerrimutWebFactory app, TestTenant gym, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        await PersonAsync(app, gym.Id, email, role);
        return await app.SignedInAsync(email, gym.Identifier);
    }

    /// <summary>A signed-in franchise admin (franchise access with the admin role, as the demo's franchise admin has).</summary>
    public static async Task<HttpClient> FranchiseAdminAsync(DerrimutWebFactory app, TestTenant franchise)
    {
        var email = $"franchise-admin-{Guid.NewGuid():N}@example.com";
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            var user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Fran", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            id = user.Id;
        }

        await AddRowsAsync(app, franchise.Id, "Derrimut.Identity.Domain.FranchiseAccess", new { UserId = id, Roles = new List<string> { IdentityRoles.Admin } });
        return await app.SignedInAsync(email, franchise.Identifier);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>
    /// Adds a row of another module's entity at the gym, as that module's own code would have written it (stamped with
    /// the gym by SaveChanges). The entity types are internal to their modules, so the row is built from the EF model by
    /// name; numbers given for enum properties become the enum.
    /// </summary>
    public static Task AddRowsAsync(DerrimutWebFactory app, Guid tenantId, string entity, params object[] rows) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == entity).ClrType;
            foreach (var values in rows)
            {
                var row = Activator.CreateInstance(type)!;
                foreach (var property in values.GetType().GetProperties())
                {
                    var target = type.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance)
                        ?? throw new InvalidOperationException($"{entity} has no {property.Name}.");
                    var value = property.GetValue(values);
                    var targetType = Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType;
                    if (value is int number && targetType.IsEnum)
                    {
                        value = Enum.ToObject(targetType, number);
                    }

                    target.SetValue(row, value);
                }

                db.Add(row);
            }

            await db.SaveChangesAsync(ct);
        });

    /// <summary>The gym's local today and its start as an instant (Melbourne: the test gyms keep the default zone).</summary>
    public static (DateOnly Today, DateTimeOffset Start) Today()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Melbourne);
        var today = DateOnly.FromDateTime(local.DateTime);
        return (today, Local(today, 0, 0));
    }

    /// <summary>An instant given as the gym's local date and wall-clock time.</summary>
    public static DateTimeOffset Local(DateOnly date, int hour, int minute)
    {
        var wall = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(wall, Melbourne.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>An instant today that is already past (between the start of the gym's day and now), so it counts at any hour.</summary>
    public static DateTimeOffset EarlierToday()
    {
        var (_, start) = Today();
        return start + (DateTimeOffset.UtcNow - start) / 2;
    }

    /// <summary>An instant this month, already past.</summary>
    public static DateTimeOffset EarlierThisMonth()
    {
        var (today, _) = Today();
        var start = Local(new DateOnly(today.Year, today.Month, 1), 0, 0);
        return start + (DateTimeOffset.UtcNow - start) / 3;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal Figure(JsonElement report, string key) =>
        report.GetProperty("totals").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetDecimal();
}
