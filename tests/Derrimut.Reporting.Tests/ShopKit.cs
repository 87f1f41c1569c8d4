using Derrimut.Billing.Contracts;
using Derrimut.Identity.Contracts;
using Derrimut.Marketplace.Contracts;
using static Derrimut.Reporting.Tests.ReportingKit;

namespace Derrimut.Reporting.Tests;

/// <summary>Shop rows made the shop's own way: products and stock through the staff API, orders paid on the simulated gateway.</summary>
internal static class ShopKit
{
    public static async Task<ShopProductDto> ProductAsync(HttpClient staff, string name, long priceCents, int stock, bool gstFree = false)
    {
        var created = await staff.PostAsJsonAsync("/api/shop/admin/products", new
        {
            name, description = $"{name} for testing", brand = "Test", category = "supplement", priceCents, gstFree, isActive = true,
            variants = new[] { new { name = "", sku = $"SKU-{Guid.NewGuid():N}"[..16] } },
        });
        var product = await ReadAsync<ShopProductDto>(created, HttpStatusCode.Created);
        var received = await staff.PostAsJsonAsync("/api/shop/admin/stock/receive", new { variantId = product.Variants[0].VariantId, quantity = stock, reason = "Delivery" });
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        return product;
    }

    /// <summary>A member buys the lines, pays on the simulated gateway (its webhook events are delivered in process), and the paid order is read back.</summary>
    public static async Task<OrderDto> PaidOrderAsync(DerrimutWebFactory app, TestTenant gym, Guid variantId, int quantity, params (Guid VariantId, int Quantity)[] more)
    {
        var member = await SignedInAsync(app, gym, IdentityRoles.Member);
        foreach (var (variant, count) in more.Prepend((variantId, quantity)))
        {
            var added = await member.PostAsJsonAsync("/api/shop/cart/items", new { variantId = variant, quantity = count });
            added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        }

        var started = await ReadAsync<CheckoutStarted>(await member.PostAsJsonAsync("/api/shop/checkout", new { delivery = new { method = "collect" } }));
        var checkoutId = started.CheckoutUrl.Split('/')[^1].Split('?')[0];
        await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<ISimulatedPayments>().PayCheckoutAsync(gym.Id, checkoutId, ct));
        var order = await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}"));
        order.Status.ShouldBe(OrderStatus.Confirmed);
        return order;
    }
}
