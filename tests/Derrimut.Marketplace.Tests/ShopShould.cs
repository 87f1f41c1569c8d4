using Derrimut.Billing.Contracts;
using Derrimut.BuildingBlocks.Events;
using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>The shop through its HTTP API on each provider: catalogue, cart, checkout, payment, fulfilment and refunds.</summary>
public abstract partial class ShopShould(ShopFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public async Task BrowseTheCatalogueBySearchCategoryAndPage()
    {
        var staff = await StaffAsync(App, fixture.A2);
        var marker = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            await ProductAsync(staff, $"Zesty {marker} Bar {i}", 395, 3, "supplement");
        }

        await ProductAsync(staff, $"Zesty {marker} Tee", 3500, 2, "apparel", false, "S", "M");
        var anonymous = App.ClientFor(fixture.A2.Identifier);

        var page1 = await ReadAsync<ShopProductPage>(await anonymous.GetAsync($"/api/shop/products?search=zesty%20{marker}&category=supplement&page=1&pageSize=2", _ct));
        page1.Total.ShouldBe(5);
        page1.Items.Count.ShouldBe(2);
        page1.Items.ShouldAllBe(p => p.Category == ProductCategory.Supplement && p.InStock);
        var page3 = await ReadAsync<ShopProductPage>(await anonymous.GetAsync($"/api/shop/products?search=ZESTY%20{marker}&category=supplement&page=3&pageSize=2", _ct));
        page3.Items.Count.ShouldBe(1);
        page1.Items.Select(p => p.Id).Intersect(page3.Items.Select(p => p.Id)).ShouldBeEmpty();

        var tee = (await ReadAsync<ShopProductPage>(await anonymous.GetAsync($"/api/shop/products?search={marker}%20tee", _ct))).Items.ShouldHaveSingleItem();
        tee.Variants.Select(v => v.Name).ShouldBe(["S", "M"]);
        tee.Variants.ShouldAllBe(v => v.InStock && v.Available == 2 && v.PriceCents == 3500);
        var one = await ReadAsync<ShopProductDto>(await anonymous.GetAsync($"/api/shop/products/{tee.Id}", _ct));
        one.Name.ShouldBe(tee.Name);
    }

    [Fact]
    public async Task NameTheFieldOfBadCatalogueAndCartInput()
    {
        var anonymous = App.ClientFor(fixture.A1.Identifier);
        await ProblemAssert.NamesFieldAsync(await anonymous.GetAsync("/api/shop/products?category=potions", _ct), "category");
        await ProblemAssert.NamesFieldAsync(await anonymous.GetAsync("/api/shop/products?pageSize=500", _ct), "pageSize");

        var staff = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staff, "Limited Creatine", 3995, 2);
        var (member, _) = await MemberAsync(App, fixture.A1);
        var tooMany = await ProblemAssert.NamesFieldAsync(await AddToCartAsync(member, product.Variants[0].VariantId, 3), "quantity");
        tooMany.GetProperty("errors").GetProperty("quantity")[0].GetString().ShouldBe("Only 2 left at this gym.");
        await ProblemAssert.NamesFieldAsync(await AddToCartAsync(member, Guid.NewGuid(), 1), "variantId");
        await ProblemAssert.NamesFieldAsync(await member.PostAsJsonAsync("/api/shop/cart/items", new { quantity = 1 }, _ct), "variantId");

        var retired = await ProductAsync(staff, "Retired Shaker", 1495, 5, "accessory");
        (await staff.PutAsJsonAsync($"/api/shop/admin/products/{retired.Id}", new
        {
            name = retired.Name, description = "", category = "accessory", priceCents = 1495, isActive = false,
            variants = new[] { new { id = retired.Variants[0].VariantId, name = "", sku = retired.Variants[0].Sku } },
        }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var inactive = await ProblemAssert.NamesFieldAsync(await AddToCartAsync(member, retired.Variants[0].VariantId, 1), "variantId");
        inactive.GetProperty("errors").GetProperty("variantId")[0].GetString()!.ShouldContain("no longer on sale");
        (await App.ClientFor(fixture.A1.Identifier).GetAsync($"/api/shop/products/{retired.Id}", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await AddToCartAsync(member, product.Variants[0].VariantId, 1);
        await ProblemAssert.NamesFieldAsync(await CheckoutAsync(member, new { method = "ship", address = new { name = "Mia", line1 = "1 Main Rd", suburb = "Sydney", state = "VIC", postcode = "2000" } }), "delivery.address.postcode");
        await ProblemAssert.NamesFieldAsync(await CheckoutAsync(member, new { method = "ship", address = new { name = "Mia", line1 = "1 Main Rd", suburb = "London", state = "UK", postcode = "SW1A" } }), "delivery.address.state");
        await ProblemAssert.NamesFieldAsync(await CheckoutAsync(member, new { method = "drone" }), "delivery.method");
        await ProblemAssert.NamesFieldAsync(await CheckoutAsync(member, new { method = "ship" }), "delivery.address");
        (await StockAsync(App, fixture.A1.Id, product.Variants[0].VariantId)).ShouldBe((2, 0));
    }

    [Fact]
    public async Task OpenTheGatewayCheckoutWithOneLinePerCartLineAndReserveTheStock()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var whey = await ProductAsync(staff, "Whey Isolate", 8995, 10, "supplement", false, "Chocolate", "Vanilla");
        var oats = await ProductAsync(staff, "Rolled Oats", 695, 10, "supplement", gstFree: true);
        var (member, userId) = await MemberAsync(App, fixture.A1);
        (await AddToCartAsync(member, whey.Variants[0].VariantId, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AddToCartAsync(member, whey.Variants[1].VariantId, 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cart = await ReadAsync<CartDto>(await AddToCartAsync(member, oats.Variants[0].VariantId, 3));
        cart.Lines.Count.ShouldBe(3);
        cart.GoodsCents.ShouldBe(3 * 8995 + 3 * 695);

        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        started.OrderNumber.ShouldStartWith($"ORD-{Today()}-");
        started.TotalCents.ShouldBe(3 * 8995 + 3 * 695); // click-and-collect: no shipping
        var checkout = (await SimulatedCheckoutAsync(App, fixture.A1.Id, started))!;
        checkout.Purpose.ShouldBe(CheckoutPurposes.ShopOrder);
        checkout.Lines!.Select(l => (l.Name, l.UnitAmountCents, l.Quantity)).OrderBy(l => l.Name).ShouldBe(
        [
            ("Rolled Oats", 695, 3),
            ("Whey Isolate, Chocolate", 8995, 2),
            ("Whey Isolate, Vanilla", 8995, 1),
        ]);
        (await StockAsync(App, fixture.A1.Id, whey.Variants[0].VariantId)).ShouldBe((10, 2));
        (await ReadAsync<CartDto>(await member.GetAsync("/api/shop/cart", _ct))).Lines.ShouldBeEmpty();

        var order = await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        order.Status.ShouldBe(OrderStatus.Pending);
        order.UserId.ShouldBe(userId);
        // GST: one eleventh of the taxable whey; the oats are GST-free.
        order.GstCents.ShouldBe(Derrimut.BuildingBlocks.Money.Gst.ComponentOf(3 * 8995));
        order.Lines.Single(l => l.Sku == oats.Variants[0].Sku).GstCents.ShouldBe(0);
    }

    [Fact]
    public async Task TurnAPaidCheckoutIntoASaleExactlyOnce()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var gloves = await ProductAsync(staff, "Lifting Gloves", 2995, 5, "accessory", false, "M");
        var (member, userId) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, gloves.Variants[0].VariantId, 2);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));

        await PayAsync(App, fixture.A1.Id, started);

        var order = await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.PaidAt.ShouldNotBeNull();
        (await StockAsync(App, fixture.A1.Id, gloves.Variants[0].VariantId)).ShouldBe((3, 0));

        // Stripe delivers at least once: the same completion again changes nothing.
        var again = new CheckoutCompleted($"evt_{Guid.NewGuid():N}", DateTimeOffset.UtcNow, fixture.A1.Id, userId, CheckoutPurposes.ShopOrder, null,
            started.OrderId.ToString(), CheckoutIdOf(started), CheckoutMode.Payment, CheckoutPaymentStatus.Paid, null, null, "pi_again", null, started.TotalCents, 0, "aud");
        await DeliverAsync(again);
        (await StockAsync(App, fixture.A1.Id, gloves.Variants[0].VariantId)).ShouldBe((3, 0));
        var sold = await InGymAsync(App, fixture.A1.Id, (db, ct) => db.Set<StockMovement>().CountAsync(m => m.OrderId == started.OrderId && m.Kind == StockMovementKind.Sold, ct));
        sold.ShouldBe(1);
        (await ReadAsync<List<OrderSummaryDto>>(await member.GetAsync("/api/shop/orders/mine", _ct))).ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Confirmed);
        Directory.GetFiles(App.MailPickup).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ReleaseTheReservationWhenTheCheckoutExpires()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var straps = await ProductAsync(staff, "Lifting Straps", 1995, 4, "accessory");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, straps.Variants[0].VariantId, 4);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        (await StockAsync(App, fixture.A1.Id, straps.Variants[0].VariantId)).ShouldBe((4, 4));
        var (other, _) = await MemberAsync(App, fixture.A1);
        await ProblemAssert.NamesFieldAsync(await AddToCartAsync(other, straps.Variants[0].VariantId, 1), "quantity");

        await ExpireAsync(App, fixture.A1.Id, started);

        (await StockAsync(App, fixture.A1.Id, straps.Variants[0].VariantId)).ShouldBe((4, 0));
        (await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct))).Status.ShouldBe(OrderStatus.Cancelled);
        (await AddToCartAsync(other, straps.Variants[0].VariantId, 4)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShowAChangedPriceBeforePaying()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var roller = await ProductAsync(staff, "Foam Roller", 3495, 5, "equipment");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, roller.Variants[0].VariantId, 1);
        (await staff.PutAsJsonAsync($"/api/shop/admin/products/{roller.Id}", new
        {
            name = roller.Name, description = "", category = "equipment", priceCents = 3995, isActive = true,
            variants = new[] { new { id = roller.Variants[0].VariantId, name = "", sku = roller.Variants[0].Sku } },
        }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var cart = await ReadAsync<CartDto>(await member.GetAsync("/api/shop/cart", _ct));
        cart.Lines.ShouldHaveSingleItem().PriceChanged.ShouldBeTrue();
        var refused = await CheckoutAsync(member);
        var problem = await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString()!.ShouldContain("$39.95");
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        started.TotalCents.ShouldBe(3995);
    }

    [Fact]
    public async Task ShipToAnAustralianAddressWithTheLocationsShippingRule()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var band = await ProductAsync(staff, "Band Set", 4995, 5, "equipment");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, band.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member, new
        {
            method = "ship", address = new { name = "Mia Member", line1 = "12 Station St", suburb = "Sunshine", state = "vic", postcode = "3020" },
        }));
        started.TotalCents.ShouldBe(4995 + 1295);
        var checkout = (await SimulatedCheckoutAsync(App, fixture.A1.Id, started))!;
        checkout.Lines!.Select(l => l.Name).ShouldBe(["Band Set", "Shipping"]);
        var order = await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        order.Delivery.ShouldBe(DeliveryMethod.Ship);
        order.ShipTo!.State.ShouldBe("VIC");
        order.ShippingCents.ShouldBe(1295);
    }

    [Fact]
    public async Task LetStaffMoveAnOrderAlongAndEmailTheMember()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var tee = await ProductAsync(staff, "Club Tee", 3500, 5, "apparel", false, "L");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, tee.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "readyForCollection" }, _ct), "status");
        await PayAsync(App, fixture.A1.Id, started);

        var board = await ReadAsync<OrderBoardPage>(await staff.GetAsync("/api/shop/admin/orders?status=confirmed", _ct));
        board.Items.ShouldContain(o => o.Id == started.OrderId);
        var mailsBefore = Directory.GetFiles(App.MailPickup).Length;
        var ready = await ReadAsync<OrderDto>(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "readyForCollection" }, _ct));
        ready.Status.ShouldBe(OrderStatus.ReadyForCollection);
        ready.NextStatuses.ShouldBe([OrderStatus.Collected]);
        Directory.GetFiles(App.MailPickup).Length.ShouldBe(mailsBefore + 1);
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "shipped" }, _ct), "status");
        (await member.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "collected" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct))).Status.ShouldBe(OrderStatus.ReadyForCollection);
    }

    [Fact]
    public async Task NeedTrackingToShip()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var hoodie = await ProductAsync(staff, "Hoodie", 6995, 3, "apparel", false, "M");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, hoodie.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member, new
        {
            method = "ship", address = new { name = "Wes", line1 = "3 High St", suburb = "Werribee", state = "VIC", postcode = "3030" },
        }));
        await PayAsync(App, fixture.A1.Id, started);
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "shipped" }, _ct), "trackingNumber");
        var shipped = await ReadAsync<OrderDto>(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status",
            new { status = "shipped", carrier = "Australia Post", trackingNumber = "AP123456789AU" }, _ct));
        shipped.TrackingNumber.ShouldBe("AP123456789AU");
        (await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct))).Carrier.ShouldBe("Australia Post");
    }

    [Fact]
    public async Task RefundALineThroughTheGatewayAndReturnItsStock()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var shaker = await ProductAsync(staff, "Shaker", 1495, 6, "accessory");
        var pre = await ProductAsync(staff, "Pre-Workout", 5495, 6, "supplement");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, shaker.Variants[0].VariantId, 2);
        await AddToCartAsync(member, pre.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        await PayAsync(App, fixture.A1.Id, started);
        var order = await ReadAsync<OrderDto>(await staff.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        var shakerLine = order.Lines.Single(l => l.VariantId == shaker.Variants[0].VariantId);

        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{order.Id}/refunds",
            new { lines = new[] { new { lineId = shakerLine.Id, quantity = 3 } }, restock = true }, _ct), "lines[0].quantity");
        var part = await ReadAsync<OrderDto>(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{order.Id}/refunds",
            new { lines = new[] { new { lineId = shakerLine.Id, quantity = 1 } }, restock = true }, _ct));
        part.RefundedCents.ShouldBe(1495);
        part.Status.ShouldBe(OrderStatus.Confirmed);
        (await StockAsync(App, fixture.A1.Id, shaker.Variants[0].VariantId)).ShouldBe((5, 0));

        var rest = await ReadAsync<OrderDto>(await staff.PostAsJsonAsync($"/api/shop/admin/orders/{order.Id}/refunds", new { restock = false }, _ct));
        rest.Status.ShouldBe(OrderStatus.Refunded);
        rest.RefundedCents.ShouldBe(order.TotalCents);
        (await StockAsync(App, fixture.A1.Id, pre.Variants[0].VariantId)).ShouldBe((5, 0)); // written off, not restocked
    }

    [Fact]
    public async Task LandARefundMadeInStripesDashboardOnTheOrder()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var bar = await ProductAsync(staff, "Protein Bar Box", 4200, 5, "supplement");
        var (member, userId) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, bar.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        await PayAsync(App, fixture.A1.Id, started);

        var refund = new RefundIssued($"evt_{Guid.NewGuid():N}", DateTimeOffset.UtcNow, fixture.A1.Id, userId, CheckoutPurposes.ShopOrder, started.OrderId.ToString(),
            "ch_dashboard", "pi_dashboard", 4200, 2000, 182, FullyRefunded: false, "aud");
        await DeliverAsync(refund);
        await DeliverAsync(refund with { StripeEventId = $"evt_{Guid.NewGuid():N}" }); // cumulative: the same total again adds nothing

        var order = await ReadAsync<OrderDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        order.RefundedCents.ShouldBe(2000);
        (await InGymAsync(App, fixture.A1.Id, (db, ct) => db.Set<OrderRefund>().CountAsync(r => r.OrderId == started.OrderId, ct))).ShouldBe(1);
    }

    [Fact]
    public async Task NumberTheDaysOrdersConsecutively()
    {
        var staff = await StaffAsync(App, fixture.B1);
        var creatine = await ProductAsync(staff, "Creatine", 3995, 10, "supplement");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (member, _) = await MemberAsync(App, fixture.B1);
            await AddToCartAsync(member, creatine.Variants[0].VariantId, 1);
            numbers.Add((await ReadAsync<CheckoutStarted>(await CheckoutAsync(member))).OrderNumber);
        }

        var first = int.Parse(numbers[0][^3..], System.Globalization.CultureInfo.InvariantCulture);
        numbers.ShouldBe([.. Enumerable.Range(first, 3).Select(n => $"ORD-{Today()}-{n:D3}")]);
    }

    [Fact]
    public async Task IssueATaxInvoiceWithGstPerLine()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var whey = await ProductAsync(staff, "Invoice Whey", 11000, 3, "supplement");
        var oats = await ProductAsync(staff, "Invoice Oats", 500, 3, "supplement", gstFree: true);
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, whey.Variants[0].VariantId, 1);
        await AddToCartAsync(member, oats.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        await ProblemAssert.IsAsync(await member.GetAsync($"/api/shop/orders/{started.OrderId}/invoice", _ct), HttpStatusCode.Conflict, "conflict");
        await PayAsync(App, fixture.A1.Id, started);

        var invoice = await ReadAsync<TaxInvoiceDto>(await member.GetAsync($"/api/shop/orders/{started.OrderId}/invoice", _ct));
        invoice.SellerName.ShouldNotBeNullOrEmpty();
        invoice.OrderNumber.ShouldBe(started.OrderNumber);
        invoice.Lines.Single(l => l.ProductName == "Invoice Whey").GstCents.ShouldBe(1000);
        invoice.Lines.Single(l => l.ProductName == "Invoice Oats").GstCents.ShouldBe(0);
        invoice.GstCents.ShouldBe(1000);
        invoice.TotalCents.ShouldBe(11500);
    }

    [Fact]
    public async Task KeepEachGymsShopToItself()
    {
        var staffA1 = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staffA1, "A1 Only Gloves", 2995, 5, "accessory");
        var (memberA1, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(memberA1, product.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(memberA1));

        // Same franchise, other location: nothing of A1's shop is visible or usable.
        foreach (var gym in new[] { fixture.A2, fixture.B1 })
        {
            var anonymous = App.ClientFor(gym.Identifier);
            (await anonymous.GetAsync($"/api/shop/products/{product.Id}", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ReadAsync<ShopProductPage>(await anonymous.GetAsync("/api/shop/products?search=A1%20Only", _ct))).Total.ShouldBe(0);
            var (member, _) = await MemberAsync(App, gym);
            await ProblemAssert.NamesFieldAsync(await AddToCartAsync(member, product.Variants[0].VariantId, 1), "variantId");
            var staff = await StaffAsync(App, gym);
            (await staff.GetAsync($"/api/shop/orders/{started.OrderId}", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ReadAsync<OrderBoardPage>(await staff.GetAsync("/api/shop/admin/orders", _ct))).Items.ShouldNotContain(o => o.Id == started.OrderId);
            (await ReadAsync<List<StockRowDto>>(await staff.GetAsync("/api/shop/admin/stock", _ct))).ShouldNotContain(r => r.VariantId == product.Variants[0].VariantId);
            await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync("/api/shop/admin/stock/receive", new { variantId = product.Variants[0].VariantId, quantity = 5 }, _ct), "variantId");
            (await staff.PostAsJsonAsync($"/api/shop/admin/orders/{started.OrderId}/status", new { status = "processing" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // A member's own order is theirs alone, even at the same gym.
        var (otherMember, _) = await MemberAsync(App, fixture.A1);
        (await otherMember.GetAsync($"/api/shop/orders/{started.OrderId}", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherMember.GetAsync("/api/shop/admin/orders", _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A1's member signed in, asking at A2's host, sees no cart lines of A1.
        var cartAtA2 = await memberA1.GetAsync(SignedInClients.At(fixture.A2.Identifier, "/api/shop/cart"), _ct);
        cartAtA2.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TransferStockToASisterLocationOnly()
    {
        var staffA1 = await StaffAsync(App, fixture.A1);
        var staffA2 = await StaffAsync(App, fixture.A2);
        var a1 = await ProductAsync(staffA1, "Transfer Tee", 3000, 6, "apparel", false, "M");
        var sku = a1.Variants[0].Sku;
        var created = await staffA2.PostAsJsonAsync("/api/shop/admin/products", new
        {
            name = "Transfer Tee", description = "", category = "apparel", priceCents = 3200, isActive = true, variants = new[] { new { name = "M", sku } },
        }, _ct);
        var a2 = await ReadAsync<ShopProductDto>(created, HttpStatusCode.Created);

        var row = await ReadAsync<StockRowDto>(await staffA1.PostAsJsonAsync("/api/shop/admin/stock/transfer",
            new { variantId = a1.Variants[0].VariantId, toLocationId = fixture.A2.Id, quantity = 4 }, _ct));
        row.OnHand.ShouldBe(2);
        (await StockAsync(App, fixture.A2.Id, a2.Variants[0].VariantId)).ShouldBe((4, 0));
        await ProblemAssert.NamesFieldAsync(await staffA1.PostAsJsonAsync("/api/shop/admin/stock/transfer",
            new { variantId = a1.Variants[0].VariantId, toLocationId = fixture.B1.Id, quantity = 1 }, _ct), "toLocationId");
        await ProblemAssert.NamesFieldAsync(await staffA1.PostAsJsonAsync("/api/shop/admin/stock/transfer",
            new { variantId = a1.Variants[0].VariantId, toLocationId = fixture.A2.Id, quantity = 3 }, _ct), "quantity");
        await ProblemAssert.NamesFieldAsync(await staffA1.PostAsJsonAsync("/api/shop/admin/stock/adjust",
            new { variantId = a1.Variants[0].VariantId, change = -3, reason = "Count" }, _ct), "change");
        (await ReadAsync<StockRowDto>(await staffA1.PostAsJsonAsync("/api/shop/admin/stock/adjust",
            new { variantId = a1.Variants[0].VariantId, change = -1, reason = "Damaged" }, _ct))).OnHand.ShouldBe(1);
        var movements = await ReadAsync<List<StockMovementDto>>(await staffA1.GetAsync($"/api/shop/admin/stock/{a1.Variants[0].VariantId}/movements", _ct));
        movements.Select(m => m.Kind).ShouldBe([StockMovementKind.Adjusted, StockMovementKind.TransferredOut, StockMovementKind.Received], ignoreOrder: true);
    }

    [Fact]
    public async Task RefuseStockBelowZeroInTheDatabaseItself()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staff, "Constraint Check", 1000, 1, "accessory");
        var variantId = product.Variants[0].VariantId;
        await Should.ThrowAsync<DbUpdateException>(() => InGymAsync(App, fixture.A1.Id, async (db, ct) =>
        {
            var row = await db.Set<StockLevel>().SingleAsync(s => s.VariantId == variantId, ct);
            row.OnHand = -1;
            return await db.SaveChangesAsync(ct);
        }));
        await Should.ThrowAsync<DbUpdateException>(() => InGymAsync(App, fixture.A1.Id, async (db, ct) =>
        {
            var row = await db.Set<StockLevel>().SingleAsync(s => s.VariantId == variantId, ct);
            row.Reserved = 2;
            return await db.SaveChangesAsync(ct);
        }));
        (await StockAsync(App, fixture.A1.Id, variantId)).ShouldBe((1, 0));
    }

    [Fact]
    public async Task SellOverTheCounterFromTheSameShelf()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staff, "Counter Shaker", 1495, 2, "accessory");
        var (_, memberId) = await MemberAsync(App, fixture.A1);
        var started = await ReadAsync<CheckoutStarted>(await staff.PostAsJsonAsync("/api/shop/admin/counter-sales",
            new { memberId, items = new[] { new { variantId = product.Variants[0].VariantId, quantity = 2 } } }, _ct));
        await ProblemAssert.NamesFieldAsync(await staff.PostAsJsonAsync("/api/shop/admin/counter-sales",
            new { memberId, items = new[] { new { variantId = product.Variants[0].VariantId, quantity = 1 } } }, _ct), "items[0].quantity");
        await PayAsync(App, fixture.A1.Id, started);
        var order = await ReadAsync<OrderDto>(await staff.GetAsync($"/api/shop/orders/{started.OrderId}", _ct));
        order.Channel.ShouldBe(OrderChannel.Counter);
        order.Status.ShouldBe(OrderStatus.Confirmed);
        (await StockAsync(App, fixture.A1.Id, product.Variants[0].VariantId)).ShouldBe((0, 0));
    }

    private Task DeliverAsync<TEvent>(TEvent billingEvent)
        where TEvent : IBillingEvent =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(billingEvent.TenantId, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var handler in sp.GetServices<IIntegrationEventHandler<TEvent>>())
            {
                await handler.HandleAsync(billingEvent, ct);
            }

            await transaction.CommitAsync(ct);
        });
}

public sealed class ShopOnSqliteShould(SqliteShopFixture fixture) : ShopShould(fixture), IClassFixture<SqliteShopFixture>;

public sealed class ShopOnPostgreSqlShould(PostgresShopFixture fixture) : ShopShould(fixture), IClassFixture<PostgresShopFixture>;
