using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>The app started with demo data, as a developer sees it.</summary>
public abstract class DemoShopFixture : ProviderFixture
{
    public const string Domain = "derrimut.localhost";

    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database));
        await _app.StartAsync(demoData: true);
    }
}

public sealed class SqliteDemoShopFixture : DemoShopFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDemoShopFixture : DemoShopFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The demo shop: a realistic catalogue with stock at every location, and orders in every status.</summary>
public abstract class DemoShopShould(DemoShopFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("st-albans")]
    [InlineData("werribee")]
    [InlineData("derrimut")]
    public async Task SellARealisticCatalogueWithStockAtEveryLocation(string gym)
    {
        var anonymous = fixture.App.ClientFor(gym);
        var page = await ReadAsync<ShopProductPage>(await anonymous.GetAsync("/api/shop/products?pageSize=60", _ct));
        page.Total.ShouldBeGreaterThanOrEqualTo(12);
        page.Items.Select(p => p.Category).Distinct().Count().ShouldBe(4);
        page.Items.ShouldContain(p => p.Name == "Whey Protein Isolate" && p.Variants.Count == 4 && p.CompareAtPriceCents > p.PriceCents);
        page.Items.ShouldContain(p => p.Category == ProductCategory.Apparel && p.Variants.Any(v => v.Name == "XL"));
        page.Items.ShouldContain(p => p.GstFree);
        page.Items.Count(p => p.InStock).ShouldBeGreaterThan(10);
        var shakers = await ReadAsync<ShopProductPage>(await anonymous.GetAsync("/api/shop/products?search=shaker", _ct));
        shakers.Items.ShouldHaveSingleItem().Variants.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SellTheDerrimutFranchiseCatalogueWithAGymsOwnProductAndOwnPrice()
    {
        async Task<IReadOnlyList<ShopProductDto>> ShopAsync(string gym) =>
            (await ReadAsync<ShopProductPage>(await fixture.App.ClientFor(gym).GetAsync("/api/shop/products?pageSize=60", _ct))).Items;
        var stAlbans = await ShopAsync("st-albans");
        stAlbans.Single(p => p.Name == "Whey Protein Isolate").FromFranchise.ShouldBeTrue();
        stAlbans.Single(p => p.Name == "St Albans Run Club Cap").FromFranchise.ShouldBeFalse();
        var werribee = await ShopAsync("werribee");
        werribee.ShouldNotContain(p => p.Name == "St Albans Run Club Cap");
        var shaker = werribee.Single(p => p.Name == "Shaker Bottle 700 ml");
        (shaker.FromFranchise, shaker.OwnPrice, shaker.PriceCents).ShouldBe((true, true, 1295L));
        stAlbans.Single(p => p.Name == "Shaker Bottle 700 ml").PriceCents.ShouldBe(1495);
        // Northside's coburg is another franchise: its own catalogue, none of Derrimut's.
        var coburg = await ShopAsync("coburg");
        coburg.ShouldContain(p => p.Name == "Whey Protein Isolate");
        coburg.ShouldAllBe(p => !p.FromFranchise);
    }

    [Theory]
    [InlineData("st-albans")]
    [InlineData("werribee")]
    public async Task HaveOrdersInEveryStatusWithMatchingStock(string gym)
    {
        var tenant = (await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(gym, _ct))!;
        var orders = await InGymAsync(fixture.App, tenant.Id, (db, ct) => db.Set<Order>().AsNoTracking().Include(o => o.Lines).ToListAsync(ct));
        orders.Select(o => o.Status).Distinct().Order().ShouldBe(Enum.GetValues<OrderStatus>());
        orders.ShouldAllBe(o => System.Text.RegularExpressions.Regex.IsMatch(o.Number, @"^ORD-\d{8}-\d{3}$"));
        orders.Select(o => o.Number).Distinct().Count().ShouldBe(orders.Count);
        orders.ShouldContain(o => o.CreatedAt < DateTimeOffset.UtcNow.AddDays(-10));
        orders.Where(o => o.Status == OrderStatus.Shipped).ShouldAllBe(o => o.TrackingNumber != null && o.Carrier != null);

        var stock = await InGymAsync(fixture.App, tenant.Id, (db, ct) => db.Set<StockLevel>().AsNoTracking().ToListAsync(ct));
        stock.ShouldAllBe(s => s.OnHand >= 0 && s.Reserved >= 0 && s.Reserved <= s.OnHand);
        var pending = orders.Single(o => o.Status == OrderStatus.Pending);
        stock.Sum(s => s.Reserved).ShouldBe(pending.Lines.Sum(l => l.Quantity));

        var member = await fixture.App.SignedInAsync($"member@{gym}.{DemoShopFixture.Domain}", gym);
        var mine = await ReadAsync<List<OrderSummaryDto>>(await member.GetAsync("/api/shop/orders/mine", _ct));
        mine.ShouldNotBeEmpty();
        mine.ShouldAllBe(o => orders.Any(x => x.Id == o.Id));
    }
}

public sealed class DemoShopOnSqliteShould(SqliteDemoShopFixture fixture) : DemoShopShould(fixture), IClassFixture<SqliteDemoShopFixture>;

public sealed class DemoShopOnPostgreSqlShould(PostgresDemoShopFixture fixture) : DemoShopShould(fixture), IClassFixture<PostgresDemoShopFixture>;
