using Derrimut.Marketplace.Contracts;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>The location's own shipping rule.</summary>
public abstract partial class ShopShould
{
    [Fact]
    public async Task ChargeTheShippingRuleTheLocationSets()
    {
        var staff = await StaffAsync(App, fixture.A2);
        await ProblemAssert.NamesFieldAsync(await staff.PutAsJsonAsync("/api/shop/admin/settings",
            new { shippingEnabled = true, shippingFlatCents = -1, lowStockEmail = "not an email" }, _ct), "shippingFlatCents");
        var saved = await ReadAsync<ShopSettingsDto>(await staff.PutAsJsonAsync("/api/shop/admin/settings",
            new { shippingEnabled = true, shippingFlatCents = 995, freeShippingOverCents = 10_000, lowStockEmail = "shop@example.com" }, _ct));
        saved.ShippingFlatCents.ShouldBe(995);
        (await ReadAsync<ShopSettingsDto>(await staff.GetAsync("/api/shop/admin/settings", _ct))).FreeShippingOverCents.ShouldBe(10_000);

        var band = await ProductAsync(staff, "Rule Band", 4995, 5, "equipment");
        var (member, _) = await MemberAsync(App, fixture.A2);
        var address = new { name = "Mia", line1 = "1 Main Rd", suburb = "Werribee", state = "VIC", postcode = "3030" };
        await AddToCartAsync(member, band.Variants[0].VariantId, 1);
        (await ReadAsync<CheckoutStarted>(await CheckoutAsync(member, new { method = "ship", address }))).TotalCents.ShouldBe(4995 + 995);
        await AddToCartAsync(member, band.Variants[0].VariantId, 3);
        (await ReadAsync<CheckoutStarted>(await CheckoutAsync(member, new { method = "ship", address }))).TotalCents.ShouldBe(3 * 4995); // over $100: free

        await staff.PutAsJsonAsync("/api/shop/admin/settings", new { shippingEnabled = false, shippingFlatCents = 995 }, _ct);
        await AddToCartAsync(member, band.Variants[0].VariantId, 1);
        await ProblemAssert.NamesFieldAsync(await CheckoutAsync(member, new { method = "ship", address }), "delivery.method");
        // Another location of the franchise keeps its own (default) rule.
        var other = await StaffAsync(App, fixture.A1);
        (await ReadAsync<ShopSettingsDto>(await other.GetAsync("/api/shop/admin/settings", _ct))).ShippingFlatCents.ShouldBe(1295);
    }
}
