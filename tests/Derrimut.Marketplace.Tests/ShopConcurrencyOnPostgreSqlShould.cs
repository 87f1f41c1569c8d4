using System.Collections.Concurrent;
using System.Diagnostics;
using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>
/// The PostgreSQL proofs, through HTTP: many buyers racing for the last units get exactly that many paid orders and
/// never oversell; many checkouts on one day get consecutive order numbers without a gap or a duplicate.
/// </summary>
public sealed class ShopConcurrencyOnPostgreSqlShould(PostgresShopFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresShopFixture>
{
    public const int Buyers = 200;

    public const int LastUnits = 10;

    public const int SameDayCheckouts = 50;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SellTheLastTenUnitsToExactlyTenOfTwoHundredBuyers()
    {
        var app = fixture.App;
        var gym = fixture.A1;
        var staff = await StaffAsync(app, gym);
        var product = await ProductAsync(staff, "Last Units Whey", 8995, LastUnits, "supplement");
        var variantId = product.Variants[0].VariantId;
        var buyers = new List<HttpClient>();
        for (var i = 0; i < Buyers; i++)
        {
            var (client, _) = await MemberAsync(app, gym);
            (await AddToCartAsync(client, variantId, 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
            buyers.Add(client);
        }

        // A sampler reads the stock row all through the race: it must never be seen below zero.
        var lowest = int.MaxValue;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                var (onHand, reserved) = await StockAsync(app, gym.Id, variantId);
                lowest = Math.Min(lowest, Math.Min(onHand, onHand - reserved));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(buyers.Select(b => CheckoutAsync(b)));
        clock.Stop();
        var statuses = responses.GroupBy(r => (int)r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{Buyers} concurrent checkouts in {clock.ElapsedMilliseconds} ms: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        statuses.Keys.ShouldNotContain(k => k >= 500);
        statuses.GetValueOrDefault(200).ShouldBe(LastUnits);
        statuses.GetValueOrDefault(400).ShouldBe(Buyers - LastUnits);

        var started = new List<CheckoutStarted>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            started.Add((await response.Content.ReadFromJsonAsync<CheckoutStarted>(Json, _ct))!);
        }

        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest).Take(5))
        {
            await ProblemAssert.NamesFieldAsync(response, "items[0].quantity");
        }

        (await StockAsync(app, gym.Id, variantId)).ShouldBe((LastUnits, LastUnits));
        await Task.WhenAll(started.Select(s => PayAsync(app, gym.Id, s)));
        await stopSampling.CancelAsync();
        await sampler;

        (await StockAsync(app, gym.Id, variantId)).ShouldBe((0, 0));
        lowest.ShouldBeGreaterThanOrEqualTo(0);
        var paid = await InGymAsync(app, gym.Id, (db, ct) => db.Set<Order>().CountAsync(o => o.Lines.Any(l => l.VariantId == variantId) && o.Status == OrderStatus.Confirmed, ct));
        paid.ShouldBe(LastUnits);
        var ledger = await InGymAsync(app, gym.Id, (db, ct) => db.Set<StockMovement>().Where(m => m.VariantId == variantId)
            .GroupBy(m => m.Kind).Select(g => new { g.Key, Sum = g.Sum(m => m.Quantity) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct));
        ledger[StockMovementKind.Received].ShouldBe(LastUnits);
        ledger[StockMovementKind.Reserved].ShouldBe(LastUnits);
        ledger[StockMovementKind.Sold].ShouldBe(-LastUnits);
    }

    [Fact]
    public async Task NumberFiftyConcurrentCheckoutsOnOneDayWithoutAGapOrADuplicate()
    {
        var app = fixture.App;
        var gym = fixture.B1;
        var staff = await StaffAsync(app, gym);
        var product = await ProductAsync(staff, "Numbered Shaker", 1495, SameDayCheckouts * 2, "accessory");
        var buyers = new List<HttpClient>();
        for (var i = 0; i < SameDayCheckouts; i++)
        {
            var (client, _) = await MemberAsync(app, gym);
            (await AddToCartAsync(client, product.Variants[0].VariantId, 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
            buyers.Add(client);
        }

        var numbers = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(buyers.Select(async b =>
        {
            var response = await CheckoutAsync(b);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            numbers.Add((await response.Content.ReadFromJsonAsync<CheckoutStarted>(Json))!.OrderNumber);
        }));
        output.WriteLine($"{SameDayCheckouts} concurrent checkouts in {clock.ElapsedMilliseconds} ms");

        var today = Today();
        numbers.Order(StringComparer.Ordinal).ShouldBe([.. Enumerable.Range(1, SameDayCheckouts).Select(n => $"ORD-{today}-{n:D3}")]);
    }
}
