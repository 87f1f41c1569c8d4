using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The leak suite's shop part (decision 0044): a franchise's catalogue reaches its own locations and never another
/// franchise's — not its shop, not its franchise site, not a location's pull of "the franchise catalogue", not its
/// transfer destinations. Driven by the demo's real franchise admin (franchise access, not a location's).
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static IEnumerable<string> Names(JsonElement array) => array.EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

    [Fact]
    public async Task KeepAFranchiseCatalogueToThatFranchisesLocations()
    {
        var app = fixture.App;
        var ct = TestContext.Current.CancellationToken;
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var franchiseAdmin = await app.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        (await JsonAsync(await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/api/shop/franchise/products"), ct))).EnumerateArray()
            .ShouldContain(p => p.GetProperty("name").GetString() == "Whey Protein Isolate");

        var published = await JsonAsync(await franchiseAdmin.PostAsJsonAsync(SignedInClients.At("derrimut-group", "/api/shop/franchise/products"), new
        {
            name = $"Leak Probe {marker}", description = "Franchise only", category = "accessory", priceCents = 999, isActive = true,
            variants = new[] { new { name = "", sku = $"LEAK-{marker}" } },
        }, ct), HttpStatusCode.Created);
        var reached = published.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("locationName").GetString()!).ToList();
        reached.ShouldContain(n => n.Contains("St Albans", StringComparison.OrdinalIgnoreCase));
        reached.ShouldNotContain(n => n.Contains("Coburg", StringComparison.OrdinalIgnoreCase));

        var anonymous = app.ClientFor(Home);
        async Task<List<string>> ShopAt(string host) =>
            [.. Names((await JsonAsync(await anonymous.GetAsync(SignedInClients.At(host, $"/api/shop/products?search={marker}"), ct))).GetProperty("items"))];
        (await ShopAt(Home)).ShouldBe([$"Leak Probe {marker}"]);
        (await ShopAt("werribee")).ShouldBe([$"Leak Probe {marker}"]);
        (await ShopAt("coburg")).ShouldBeEmpty();

        // The other franchise: its site shows no catalogue of ours, its gym's pull brings none, its transfers list none of ours.
        var superadmin = await app.SignedInAsync($"superadmin@{D}", "northside");
        Names(await JsonAsync(await superadmin.GetAsync(SignedInClients.At("northside", "/api/shop/franchise/products"), ct))).ShouldNotContain(n => n.Contains(marker));
        var coburgAdmin = await app.SignedInAsync($"admin@coburg.{D}", "coburg");
        var pulled = await JsonAsync(await coburgAdmin.PostAsync(SignedInClients.At("coburg", "/api/shop/admin/franchise-catalogue/sync"), null, ct));
        pulled.GetProperty("added").GetInt32().ShouldBe(0);
        (await ShopAt("coburg")).ShouldBeEmpty();
        var coburgDestinations = await JsonAsync(await coburgAdmin.GetAsync(SignedInClients.At("coburg", "/api/shop/admin/stock/destinations"), ct));
        Names(coburgDestinations).ShouldNotContain(n => n.Contains("St Albans", StringComparison.OrdinalIgnoreCase));
        (await franchiseAdmin.GetAsync(SignedInClients.At("northside", "/api/shop/franchise/products"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coburgAdmin.PutAsJsonAsync(SignedInClients.At("northside", $"/api/shop/franchise/products/{published.GetProperty("product").GetProperty("id").GetGuid()}"),
            new { name = "x" }, ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        // St Albans' transfer form offers the franchise's other gyms only.
        var staff = await app.SignedInAsync(DemoAppFixture.StaffEmail, Home);
        var destinations = Names(await JsonAsync(await staff.GetAsync("/api/shop/admin/stock/destinations", ct))).ToList();
        destinations.ShouldContain(n => n.Contains("Werribee", StringComparison.OrdinalIgnoreCase));
        destinations.ShouldNotContain(n => n.Contains("Coburg", StringComparison.OrdinalIgnoreCase) || n.Contains("St Albans", StringComparison.OrdinalIgnoreCase));
    }
}
