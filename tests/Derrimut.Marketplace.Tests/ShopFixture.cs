using System.Globalization;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Identity.Contracts;
using Derrimut.Marketplace.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Marketplace.Tests;

/// <summary>The real app on a fresh database, with the simulated gateway's tools, and two franchises of two gyms each.</summary>
public abstract class ShopFixture : ProviderFixture
{
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    public TestTenant A1 { get; private set; } = null!;

    public TestTenant A2 { get; private set; } = null!;

    public TestTenant B1 { get; private set; } = null!;

    /// <summary>The franchise of <see cref="A1"/> and <see cref="A2"/>.</summary>
    public TestTenant FranchiseA { get; private set; } = null!;

    /// <summary>The franchise of <see cref="B1"/>.</summary>
    public TestTenant FranchiseB { get; private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Billing:SimulatedTools"] = "true" }));
        await _app.StartAsync();
        (FranchiseA, A1, A2, FranchiseB, B1, _) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }
}

public sealed class SqliteShopFixture : ShopFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresShopFixture : ShopFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>Arranges people, products and stock, and drives the simulated gateway.</summary>
internal static class ShopKit
{
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

    /// <summary>
    /// A signed-in super admin on <paramref name="site"/>'s host (a franchise's site: the franchise catalogue's
    /// permission, which the demo's franchise admin holds by their franchise access; the leak suite covers that path).
    /// </summary>
    public static async Task<HttpClient> SuperAdminAsync(DerrimutWebFactory app, TestTenant site)
    {
        var email = $"sa-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            var user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Super", IsSuperAdmin = true, CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        }

        return await app.SignedInAsync(email, site.Identifier);
    }

    /// <summary>A signed-in member of the gym and their id.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> MemberAsync(DerrimutWebFactory app, TestTenant gym)
    {
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var id = await PersonAsync(app, gym.Id, email);
        return (await app.SignedInAsync(email, gym.Identifier), id);
    }

    /// <summary>A signed-in staff member of the gym.</summary>
    public static async Task<HttpClient> StaffAsync(DerrimutWebFactory app, TestTenant gym)
    {
        var email = $"s-{Guid.NewGuid():N}@example.com";
        await PersonAsync(app, gym.Id, email, IdentityRoles.Staff);
        return await app.SignedInAsync(email, gym.Identifier);
    }

    /// <summary>Creates a product through the staff API and receives stock for each variant.</summary>
    public static async Task<ShopProductDto> ProductAsync(
        HttpClient staff, string name, long priceCents, int stockEach, string category = "supplement", bool gstFree = false, params string[] variantNames)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var variants = (variantNames.Length == 0 ? [""] : variantNames)
            .Select((v, i) => new { name = v, sku = $"SKU-{suffix}-{i}" }).ToArray();
        var created = await staff.PostAsJsonAsync("/api/shop/admin/products", new
        {
            name, description = $"{name} for testing", brand = "Test", category, priceCents, gstFree, isActive = true, variants,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var product = (await created.Content.ReadFromJsonAsync<ShopProductDto>(Json))!;
        foreach (var variant in product.Variants)
        {
            if (stockEach > 0)
            {
                var received = await staff.PostAsJsonAsync("/api/shop/admin/stock/receive", new { variantId = variant.VariantId, quantity = stockEach, reason = "Delivery" });
                received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
            }
        }

        return product;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> AddToCartAsync(HttpClient member, Guid variantId, int quantity) =>
        member.PostAsJsonAsync("/api/shop/cart/items", new { variantId, quantity });

    public static Task<HttpResponseMessage> CheckoutAsync(HttpClient member, object? delivery = null) =>
        member.PostAsJsonAsync("/api/shop/checkout", new { delivery = delivery ?? new { method = "collect" } });

    public static string CheckoutIdOf(CheckoutStarted started) => started.CheckoutUrl.Split('/')[^1].Split('?')[0];

    /// <summary>Pays the order's checkout on the simulated gateway (its webhook events are delivered in process).</summary>
    public static Task PayAsync(DerrimutWebFactory app, Guid tenantId, CheckoutStarted started) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            sp.GetRequiredService<SimulatedBilling>().PayAsync(tenantId, CheckoutIdOf(started), ct));

    /// <summary>The payer gives up: the simulated checkout ends with <c>checkout.session.expired</c>.</summary>
    public static Task ExpireAsync(DerrimutWebFactory app, Guid tenantId, CheckoutStarted started) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            sp.GetRequiredService<SimulatedBilling>().DeclineAsync(tenantId, CheckoutIdOf(started), ct));

    public static Task<SimulatedCheckout?> SimulatedCheckoutAsync(DerrimutWebFactory app, Guid tenantId, CheckoutStarted started) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            sp.GetRequiredService<SimulatedBilling>().FindCheckoutAsync(tenantId, CheckoutIdOf(started), ct));

    /// <summary>Runs <paramref name="work"/> on the gym's own DbContext.</summary>
    public static Task<T> InGymAsync<T>(DerrimutWebFactory app, Guid tenantId, Func<DerrimutDbContext, CancellationToken, Task<T>> work) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) => work(sp.GetRequiredService<DerrimutDbContext>(), ct));

    public static Task<(int OnHand, int Reserved)> StockAsync(DerrimutWebFactory app, Guid tenantId, Guid variantId) =>
        InGymAsync(app, tenantId, async (db, ct) =>
        {
            var row = await db.Set<Derrimut.Marketplace.Data.StockLevel>().AsNoTracking().SingleAsync(s => s.VariantId == variantId, ct);
            return (row.OnHand, row.Reserved);
        });

    public static string Today(string zone = "Australia/Melbourne") =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
