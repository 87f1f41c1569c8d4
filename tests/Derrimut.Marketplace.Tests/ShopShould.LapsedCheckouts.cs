using Derrimut.Billing.Contracts;
using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;
using Derrimut.Marketplace.Jobs;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

public abstract partial class ShopShould
{
    [Fact]
    public async Task PutBackTheStockOfOrdersThatCanNoLongerBePaid()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var bands = await ProductAsync(staff, "Resistance Bands", 2495, 8, "accessory");
        var variant = bands.Variants[0].VariantId;
        async Task<CheckoutStarted> OrderTwoAsync()
        {
            var (member, _) = await MemberAsync(App, fixture.A1);
            (await AddToCartAsync(member, variant, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
            return await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        }

        var open = await OrderTwoAsync();
        var lapsed = await OrderTwoAsync();
        var neverOpened = await OrderTwoAsync();
        var stillOpening = await OrderTwoAsync();
        var now = DateTimeOffset.UtcNow;
        // The gateway's expiry event never came for one; the node placing two others died before their checkout opened,
        // one long enough ago to give up on, one just now.
        await InGymAsync(App, fixture.A1.Id, async (db, ct) =>
        {
            await db.Set<Order>().Where(o => o.Id == lapsed.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CheckoutExpiresAt, now.AddMinutes(-1)), ct);
            foreach (var (order, age) in new[] { (neverOpened, LapsedCheckoutsJob.CheckoutNeverOpenedGrace + TimeSpan.FromMinutes(1)), (stillOpening, TimeSpan.FromMinutes(1)) })
            {
                await db.Set<Order>().Where(o => o.Id == order.OrderId).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.CheckoutSessionId, (string?)null)
                    .SetProperty(o => o.CheckoutUrl, (string?)null)
                    .SetProperty(o => o.CheckoutExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(o => o.CreatedAt, now - age), ct);
            }

            return 0;
        });
        (await StockAsync(App, fixture.A1.Id, variant)).ShouldBe((8, 8));

        var job = ActivatorUtilities.CreateInstance<LapsedCheckoutsJob>(App.Services);
        await job.RunOnceAsync(_ct);
        await job.RunOnceAsync(_ct); // a second run finds nothing left to do

        var states = await InGymAsync(App, fixture.A1.Id, (db, ct) => db.Set<Order>().AsNoTracking()
            .Where(o => o.Id == open.OrderId || o.Id == lapsed.OrderId || o.Id == neverOpened.OrderId || o.Id == stillOpening.OrderId)
            .ToDictionaryAsync(o => o.Id, o => (o.Status, o.CancelReason), ct));
        states[open.OrderId].Status.ShouldBe(OrderStatus.Pending, "its checkout is open: the gateway decides");
        states[stillOpening.OrderId].Status.ShouldBe(OrderStatus.Pending, "its placement may still be opening the checkout");
        states[lapsed.OrderId].ShouldBe((OrderStatus.Cancelled, "The checkout expired without payment."));
        states[neverOpened.OrderId].ShouldBe((OrderStatus.Cancelled, "The payment was never started."));
        (await StockAsync(App, fixture.A1.Id, variant)).ShouldBe((8, 4), "the two cancelled orders' units are back on the shelf");
    }
}
