using System.Text.RegularExpressions;

namespace Derrimut.E2E;

/// <summary>
/// The shop's staff pages (Marketplace module): the franchise admin sees the franchise catalogue on the franchise's
/// site; a gym's admin sees franchise products marked on the products page, picks a sister gym as a transfer
/// destination, records a stock count and saves the shipping rule. Every page checked with axe.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task LetTheFranchiseAndAGymRunTheShopsCatalogueStockAndShipping()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;

        // The franchise's own site: its catalogue.
        await page.GotoAsync(Server.Site("derrimut-group") + "/admin/shop/franchise-catalogue");
        await SignInAsync(page, $"franchise-admin@{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Franchise catalogue", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("franchise-products")).ToContainTextAsync("Whey Protein Isolate");
        await Expect(page).ToHaveTitleAsync(new Regex("^Franchise catalogue"));
        await Accessibility.CheckAsync(page, "shop-franchise-catalogue");
        await Screenshots.SaveAsync(page, "35-shop-franchise-catalogue");

        // A gym: franchise products are marked; its own product is not.
        var (staffContext, staff, staffErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = staffContext;
        await staff.GotoAsync(Server.Site("st-albans") + "/admin/shop/products");
        await SignInAsync(staff, $"admin@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Products", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Rowheader, new() { Name = "Whey Protein Isolate (franchise catalogue)" })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Rowheader, new() { Name = "St Albans Run Club Cap", Exact = true })).ToBeVisibleAsync();
        await Expect(staff).ToHaveTitleAsync(new Regex("^Shop products"));
        await Accessibility.CheckAsync(staff, "shop-products");

        // Stock: the transfer goes to a sister gym picked by name.
        await staff.GotoAsync(Server.Site("st-albans") + "/admin/shop/stock");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Stock", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff.GetByLabel("Transfer to (another gym of the franchise)").Locator("option", new() { HasText = "Werribee" })).ToHaveCountAsync(1);
        await Expect(staff.GetByLabel("Transfer to (another gym of the franchise)").Locator("option", new() { HasText = "Coburg" })).ToHaveCountAsync(0);
        await Expect(staff).ToHaveTitleAsync(new Regex("^Shop stock"));
        await Accessibility.CheckAsync(staff, "shop-stock");

        // A stock count: one product counted one short becomes a ledger adjustment.
        await staff.GotoAsync(Server.Site("st-albans") + "/admin/shop/counts");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Stock count", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff).ToHaveTitleAsync(new Regex("^Stock count"));
        await Accessibility.CheckAsync(staff, "shop-stock-count");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Record count" })).ToBeEnabledAsync();
        await staff.GetByLabel("Note (e.g. \"December stocktake\")").FillAsync("Cap shelf");
        var cap = staff.GetByLabel("Counted St Albans Run Club Cap, One size");
        var onHand = int.Parse(await staff.GetByTestId("count-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "STA-CAP-RUN" }).Locator("td").Nth(1).InnerTextAsync(),
            System.Globalization.CultureInfo.InvariantCulture);
        await cap.FillAsync((onHand - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cap.BlurAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record count" }).ClickAsync();
        await Expect(staff.GetByText("Count recorded.")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("count-result")).ToContainTextAsync($"STA-CAP-RUN: {onHand} → {onHand - 1} (-1)");
        await Accessibility.CheckAsync(staff, "shop-stock-count-recorded");
        await Screenshots.SaveAsync(staff, "36-shop-stock-count");

        // The shipping rule.
        await staff.GotoAsync(Server.Site("st-albans") + "/admin/shop/shipping");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Shipping and low-stock email", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff).ToHaveTitleAsync(new Regex("^Shop shipping"));
        await Accessibility.CheckAsync(staff, "shop-shipping");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Save shipping rule" })).ToBeEnabledAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save shipping rule" }).ClickAsync();
        await Expect(staff.GetByText("Shipping rule saved.")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("shipping-rule-summary")).ToContainTextAsync("Shipping costs");
        await Screenshots.SaveAsync(staff, "37-shop-shipping");
        errors.ShouldBeEmpty();
        staffErrors.ShouldBeEmpty();
    }
}
