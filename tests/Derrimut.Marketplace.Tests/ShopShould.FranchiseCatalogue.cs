using Derrimut.Marketplace.Contracts;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>The franchise's catalogue, published to its locations (decision 0044); stock counts; transfer destinations.</summary>
public abstract partial class ShopShould
{
    private static object FranchiseForm(string name, long priceCents, string sku, bool isActive = true, object[]? variants = null) => new
    {
        name, description = $"{name}, the franchise's", brand = "Franchise", category = "supplement", priceCents, isActive,
        variants = variants ?? [new { name = "1 kg", sku }],
    };

    private async Task<FranchisePublication> PublishAsync(HttpClient franchise, object form)
    {
        var response = await franchise.PostAsJsonAsync("/api/shop/franchise/products", form, _ct);
        return await ReadAsync<FranchisePublication>(response, HttpStatusCode.Created);
    }

    private async Task<ShopProductDto?> FindAtAsync(TestTenant gym, string search) =>
        (await ReadAsync<ShopProductPage>(await App.ClientFor(gym.Identifier).GetAsync($"/api/shop/products?search={Uri.EscapeDataString(search)}", _ct))).Items.SingleOrDefault();

    [Fact]
    public async Task PublishTheFranchiseCatalogueToItsOwnLocationsOnly()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var franchiseA = await SuperAdminAsync(App, fixture.FranchiseA);
        var published = await PublishAsync(franchiseA, FranchiseForm($"Casein {marker}", 5995, $"CAS-{marker}"));
        published.Locations.Where(l => l.LocationId == fixture.A1.Id || l.LocationId == fixture.A2.Id).Count().ShouldBe(2);
        published.Locations.ShouldAllBe(l => l.Published);
        published.Locations.ShouldNotContain(l => l.LocationId == fixture.B1.Id);

        foreach (var gym in new[] { fixture.A1, fixture.A2 })
        {
            var there = (await FindAtAsync(gym, marker)).ShouldNotBeNull();
            there.FromFranchise.ShouldBeTrue();
            there.PriceCents.ShouldBe(5995);
            there.Variants.ShouldHaveSingleItem().Sku.ShouldBe($"CAS-{marker}".ToUpperInvariant());
            there.InStock.ShouldBeFalse(); // stock is each location's own: none received yet
        }

        // Never visible to another franchise's locations, nor on its franchise's site; never writable from there.
        (await FindAtAsync(fixture.B1, marker)).ShouldBeNull();
        var franchiseB = await SuperAdminAsync(App, fixture.FranchiseB);
        (await ReadAsync<List<FranchiseProductDto>>(await franchiseB.GetAsync("/api/shop/franchise/products", _ct))).ShouldNotContain(p => p.Name.Contains(marker));
        (await franchiseB.PutAsJsonAsync($"/api/shop/franchise/products/{published.Product!.Id}", FranchiseForm($"Stolen {marker}", 1, $"CAS-{marker}"), _ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadAsync<List<FranchiseProductDto>>(await franchiseA.GetAsync("/api/shop/franchise/products", _ct))).ShouldContain(p => p.Name == $"Casein {marker}");
        // The catalogue is kept on the franchise's site, not a location's.
        (await (await SuperAdminAsync(App, fixture.A1)).GetAsync("/api/shop/franchise/products", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ProblemAssert.NamesFieldAsync(await franchiseA.PostAsJsonAsync("/api/shop/franchise/products", FranchiseForm("", 100, $"X-{marker}"), _ct), "name");
        var clash = await franchiseA.PostAsJsonAsync("/api/shop/franchise/products", FranchiseForm($"Twin {marker}", 100, $"CAS-{marker}"), _ct);
        clash.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task LetALocationSetItsOwnPriceAndKeepItsOwnStockWhileTheFranchiseKeepsTheRest()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var franchise = await SuperAdminAsync(App, fixture.FranchiseA);
        var published = await PublishAsync(franchise, FranchiseForm($"Bars {marker}", 3000, $"BAR-{marker}"));
        var staffA1 = await StaffAsync(App, fixture.A1);
        var atA1 = (await FindAtAsync(fixture.A1, marker))!;
        var variantA1 = atA1.Variants[0];

        // The franchise's fields are refused by name; the price is the location's to set.
        object LocalForm(string name, long price, bool active = true) => new
        {
            name, description = $"{(name.StartsWith("Renamed", StringComparison.Ordinal) ? $"Bars {marker}" : name)}, the franchise's", brand = "Franchise", category = "supplement", priceCents = price, isActive = active,
            variants = new[] { new { id = variantA1.VariantId, name = "1 kg", sku = variantA1.Sku } },
        };
        await ProblemAssert.NamesFieldAsync(await staffA1.PutAsJsonAsync($"/api/shop/admin/products/{atA1.Id}", LocalForm($"Renamed {marker}", 3000), _ct), "name");
        var own = await ReadAsync<ShopProductDto>(await staffA1.PutAsJsonAsync($"/api/shop/admin/products/{atA1.Id}", LocalForm($"Bars {marker}", 2500), _ct));
        own.OwnPrice.ShouldBeTrue();

        // The franchise renames and reprices: A1 keeps its own price, A2 follows the franchise.
        var renamed = FranchiseForm($"Protein Bars {marker}", 3200, $"BAR-{marker}", variants: [new { id = published.Product!.Variants[0].Id, name = "1 kg", sku = $"BAR-{marker}" }]);
        (await franchise.PutAsJsonAsync($"/api/shop/franchise/products/{published.Product.Id}", renamed, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var a1 = (await FindAtAsync(fixture.A1, marker))!;
        (a1.Name, a1.PriceCents).ShouldBe(($"Protein Bars {marker}", 2500L));
        var a2 = (await FindAtAsync(fixture.A2, marker))!;
        (a2.Name, a2.PriceCents, a2.OwnPrice).ShouldBe(($"Protein Bars {marker}", 3200L, false));

        // Stock stays per location: A1 receives, A2 still has none; a member at A1 pays A1's price.
        (await staffA1.PostAsJsonAsync("/api/shop/admin/stock/receive", new { variantId = variantA1.VariantId, quantity = 4 }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAtAsync(fixture.A1, marker))!.Variants[0].Available.ShouldBe(4);
        (await FindAtAsync(fixture.A2, marker))!.Variants[0].Available.ShouldBe(0);
        var (member, _) = await MemberAsync(App, fixture.A1);
        (await AddToCartAsync(member, variantA1.VariantId, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        started.TotalCents.ShouldBe(2 * 2500);
        await PayAsync(App, fixture.A1.Id, started);
        (await StockAsync(App, fixture.A1.Id, variantA1.VariantId)).ShouldBe((2, 0));

        // A location may stop selling a franchise product; republishing does not put it back on sale there.
        (await staffA1.PutAsJsonAsync($"/api/shop/admin/products/{atA1.Id}", LocalForm($"Protein Bars {marker}", 2500, active: false), _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await franchise.PostAsync("/api/shop/franchise/publish", null, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAtAsync(fixture.A1, marker)).ShouldBeNull();
        (await FindAtAsync(fixture.A2, marker)).ShouldNotBeNull();

        // ...and add products of its own, which only it sells.
        await ProductAsync(staffA1, $"Local Kombucha {marker}", 650, 3);
        (await FindAtAsync(fixture.A1, $"Kombucha {marker}")).ShouldNotBeNull().FromFranchise.ShouldBeFalse();
        (await FindAtAsync(fixture.A2, $"Kombucha {marker}")).ShouldBeNull();
    }

    [Fact]
    public async Task AdoptALocationsOwnProductSoldUnderAFranchiseSkuAndBringTheCatalogueToALocationOpenedLater()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var staffA2 = await StaffAsync(App, fixture.A2);
        var local = await ProductAsync(staffA2, $"Straps {marker}", 1800, 4, "accessory");
        var franchise = await SuperAdminAsync(App, fixture.FranchiseA);
        await PublishAsync(franchise, FranchiseForm($"Lifting Straps {marker}", 1995, local.Variants[0].Sku));

        var adopted = (await FindAtAsync(fixture.A2, marker)).ShouldNotBeNull();
        adopted.Id.ShouldBe(local.Id);
        (adopted.Name, adopted.FromFranchise, adopted.OwnPrice, adopted.PriceCents).ShouldBe(($"Lifting Straps {marker}", true, true, 1800L));
        adopted.Variants[0].Available.ShouldBe(4);

        var later = await TenantBuilder.CreateLocationAsync(App.PlatformClient(), $"later-{marker}", fixture.FranchiseA.Id);
        var staffLater = await StaffAsync(App, later);
        var sync = await ReadAsync<FranchiseSyncResult>(await staffLater.PostAsync("/api/shop/admin/franchise-catalogue/sync", null, _ct));
        sync.Added.ShouldBeGreaterThanOrEqualTo(1);
        sync.Problems.ShouldBeEmpty();
        (await FindAtAsync(later, marker)).ShouldNotBeNull().PriceCents.ShouldBe(1995);
        // Pulling again changes nothing new.
        (await ReadAsync<FranchiseSyncResult>(await staffLater.PostAsync("/api/shop/admin/franchise-catalogue/sync", null, _ct))).Added.ShouldBe(0);
        // And stock can now be sent there by SKU.
        var destinations = await ReadAsync<List<TransferDestinationDto>>(await staffA2.GetAsync("/api/shop/admin/stock/destinations", _ct));
        destinations.Select(d => d.LocationId).ShouldContain(later.Id);
        (await staffA2.PostAsJsonAsync("/api/shop/admin/stock/transfer", new { variantId = local.Variants[0].VariantId, toLocationId = later.Id, quantity = 1 }, _ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAtAsync(later, marker))!.Variants[0].Available.ShouldBe(1);
    }

    [Fact]
    public async Task OfferOnlyTheFranchisesOtherLocationsAsTransferDestinations()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var destinations = await ReadAsync<List<TransferDestinationDto>>(await staff.GetAsync("/api/shop/admin/stock/destinations", _ct));
        destinations.Select(d => d.LocationId).ShouldContain(fixture.A2.Id);
        destinations.Select(d => d.LocationId).ShouldNotContain(fixture.A1.Id);
        destinations.Select(d => d.LocationId).ShouldNotContain(fixture.B1.Id);
    }

    [Fact]
    public async Task RecordAStockCountAsLedgerAdjustmentsAllOrNothing()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var whey = await ProductAsync(staff, "Count Whey", 5000, 10, "supplement");
        var tee = await ProductAsync(staff, "Count Tee", 3000, 5, "apparel", false, "M");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, whey.Variants[0].VariantId, 2);
        await ReadAsync<CheckoutStarted>(await CheckoutAsync(member)); // holds 2 of 10

        // One bad line refuses the whole count, by field.
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync("/api/shop/admin/stock/counts", new
        {
            note = "December",
            lines = new object[] { new { variantId = tee.Variants[0].VariantId, counted = 4 }, new { variantId = whey.Variants[0].VariantId, counted = 1 } },
        }, _ct), "lines[1].counted");
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync("/api/shop/admin/stock/counts", new { lines = new[] { new { variantId = Guid.NewGuid(), counted = 1 } } }, _ct), "lines[0].variantId");
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync("/api/shop/admin/stock/counts", new { lines = new[] { new { variantId = tee.Variants[0].VariantId, counted = -1 } } }, _ct), "lines[0].counted");
        (await StockAsync(App, fixture.A1.Id, tee.Variants[0].VariantId)).ShouldBe((5, 0));

        var result = await ReadAsync<StockCountResultBody>(await staff.PostAsJsonAsync("/api/shop/admin/stock/counts", new
        {
            note = "December",
            lines = new object[] { new { variantId = tee.Variants[0].VariantId, counted = 4 }, new { variantId = whey.Variants[0].VariantId, counted = 11 } },
        }, _ct));
        result.Adjusted.ShouldBe(2);
        (await StockAsync(App, fixture.A1.Id, tee.Variants[0].VariantId)).ShouldBe((4, 0));
        (await StockAsync(App, fixture.A1.Id, whey.Variants[0].VariantId)).ShouldBe((11, 2));
        var movements = await ReadAsync<List<StockMovementDto>>(await staff.GetAsync($"/api/shop/admin/stock/{tee.Variants[0].VariantId}/movements", _ct));
        movements.ShouldContain(m => m.Kind == StockMovementKind.Adjusted && m.Quantity == -1 && m.Reason == "Stock count: December");
        (await ReadAsync<List<StockMovementDto>>(await staff.GetAsync($"/api/shop/admin/stock/{whey.Variants[0].VariantId}/movements", _ct)))
            .ShouldContain(m => m.Kind == StockMovementKind.Adjusted && m.Quantity == 1);
    }

    private sealed record StockCountResultBody(int Adjusted);
}
