using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;

namespace Derrimut.Marketplace.Seeding;

/// <summary>
/// Development demo data: the Derrimut franchise publishes its catalogue to its locations (Northside's coburg keeps
/// its own); every location sells a realistic catalogue (protein and pre-workout in flavours and sizes,
/// shakers, gloves, straps, apparel in sizes) with stock on its shelf; st-albans and werribee also have orders in
/// every status, dated relative to today, numbered from the day's counter like real ones, and the stock ledger to
/// match (sold stock left the shelf, a pending order holds its reservation).
/// </summary>
internal sealed class MarketplaceSeeder : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    internal sealed record DemoVariant(string Name, string Sku, long? PriceCents, int Stock);

    internal sealed record DemoProduct(
        string Name, string Brand, ProductCategory Category, long PriceCents, long? CompareAtCents, bool GstFree, string Description, DemoVariant[] Variants);

    internal static readonly DemoProduct[] Catalogue =
    [
        new("Whey Protein Isolate", "Derrimut Nutrition", ProductCategory.Supplement, 8995, 9995, false,
            "Fast-absorbing whey isolate, 27 g protein per 30 g serve. Mixes smooth in water or milk.",
            [new("Chocolate, 1 kg", "WPI-CHOC-1KG", null, 24), new("Vanilla, 1 kg", "WPI-VAN-1KG", null, 18), new("Cookies & Cream, 1 kg", "WPI-CNC-1KG", null, 12),
             new("Chocolate, 2 kg", "WPI-CHOC-2KG", 15995, 8)]),
        new("Plant Protein", "Green Lift", ProductCategory.Supplement, 6495, null, false,
            "Pea and brown rice protein, 22 g per serve, no dairy, no soy.",
            [new("Salted Caramel, 1 kg", "PLANT-SC-1KG", null, 10), new("Berry, 1 kg", "PLANT-BRY-1KG", null, 3)]),
        new("Pre-Workout Ignite", "Derrimut Nutrition", ProductCategory.Supplement, 5495, null, false,
            "200 mg caffeine, citrulline and beta-alanine per scoop. Not for under-18s.",
            [new("Sour Apple, 40 serves", "PRE-APPLE-40", null, 15), new("Blue Raspberry, 40 serves", "PRE-BLUE-40", null, 9)]),
        new("Creatine Monohydrate", "Derrimut Nutrition", ProductCategory.Supplement, 3995, null, false,
            "Pure creatine monohydrate, 5 g per serve, unflavoured.",
            [new("300 g", "CREA-300", null, 20)]),
        new("Rolled Oats", "Derrimut Nutrition", ProductCategory.Supplement, 695, null, true,
            "Australian wholegrain rolled oats, 1 kg. A basic food, so GST-free.",
            [new("1 kg", "OATS-1KG", null, 30)]),
        new("Shaker Bottle 700 ml", "Derrimut 24:7", ProductCategory.Accessory, 1495, null, false,
            "Leak-proof shaker with a mixing ball and a storage compartment.",
            [new("Black", "SHAKE-700-BLK", null, 40), new("Pink", "SHAKE-700-PNK", null, 25)]),
        new("Lifting Gloves", "GripPro", ProductCategory.Accessory, 2995, 3995, false,
            "Padded palm, wrist wrap, breathable mesh back.",
            [new("S", "GLOVE-S", null, 6), new("M", "GLOVE-M", null, 10), new("L", "GLOVE-L", null, 8), new("XL", "GLOVE-XL", null, 2)]),
        new("Lifting Straps", "GripPro", ProductCategory.Accessory, 1995, null, false,
            "Cotton straps with neoprene padding for deadlifts and rows.",
            [new("", "STRAP-STD", null, 14)]),
        new("Resistance Band Set", "Derrimut 24:7", ProductCategory.Equipment, 4995, null, false,
            "Five latex bands from 5 to 40 kg with door anchor and handles.",
            [new("", "BAND-SET-5", null, 7)]),
        new("Foam Roller", "Derrimut 24:7", ProductCategory.Equipment, 3495, null, false,
            "High-density 45 cm roller for recovery and mobility.",
            [new("", "ROLLER-45", null, 5)]),
        new("Derrimut 24:7 Tee", "Derrimut 24:7", ProductCategory.Apparel, 3500, null, false,
            "Soft cotton tee with the club logo.",
            [new("S", "TEE-BLK-S", null, 8), new("M", "TEE-BLK-M", null, 12), new("L", "TEE-BLK-L", null, 12), new("XL", "TEE-BLK-XL", null, 6), new("XXL", "TEE-BLK-XXL", null, 1)]),
        new("Training Hoodie", "Derrimut 24:7", ProductCategory.Apparel, 6995, 7995, false,
            "Brushed fleece hoodie for early sessions.",
            [new("S", "HOOD-S", null, 4), new("M", "HOOD-M", null, 6), new("L", "HOOD-L", null, 6), new("XL", "HOOD-XL", null, 3)]),
    ];

    public int Order => 70;

    /// <summary>The demo franchise that publishes its catalogue (Northside's coburg keeps a catalogue of its own).</summary>
    public const string PublishingFranchise = "derrimut-group";

    /// <summary>
    /// The Derrimut franchise's catalogue (decision 0044), in the franchise's scope. Tenants exist by now (Organizations
    /// seeds them in its platform step, which runs first), and every location is seeded after every platform step, so
    /// each location finds the catalogue to bring in.
    /// </summary>
    public async Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData
            || await context.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(PublishingFranchise, cancellationToken) is not { Kind: TenantKind.Franchise } franchise)
        {
            return;
        }

        await context.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(franchise, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            if (await db.Set<FranchiseProduct>().AnyAsync(ct))
            {
                return;
            }

            foreach (var demo in Catalogue)
            {
                var product = new FranchiseProduct
                {
                    Name = demo.Name, Brand = demo.Brand, Category = demo.Category, PriceCents = demo.PriceCents, CompareAtPriceCents = demo.CompareAtCents,
                    GstFree = demo.GstFree, Description = demo.Description,
                };
                product.Variants.AddRange(demo.Variants.Select((v, i) => new FranchiseVariant { ProductId = product.Id, Name = v.Name, Sku = v.Sku, PriceCents = v.PriceCents, SortOrder = i }));
                db.Add(product);
            }

            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData || !tenant.IsLocation)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        if (await db.Set<Product>().AnyAsync(cancellationToken))
        {
            return; // already seeded
        }

        var time = context.Services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        db.Add(new ShopSettings { LowStockEmail = $"admin@{tenant.Identifier}.{Domain}" });
        var variants = await db.Set<FranchiseProduct>().AnyAsync(cancellationToken)
            ? await FromFranchiseCatalogueAsync(tenant, context.Services, db, now, cancellationToken)
            : OwnCatalogue(db, now);
        await db.SaveChangesAsync(cancellationToken);
        if (tenant.Identifier is "st-albans" or "werribee")
        {
            await SeedOrdersAsync(tenant, context.Services, db, variants, now, cancellationToken);
        }
    }

    /// <summary>A location of a franchise without a catalogue: its own products (the same demo range).</summary>
    private static List<(Product Product, ProductVariant Variant)> OwnCatalogue(DerrimutDbContext db, DateTimeOffset now)
    {
        var variants = new List<(Product Product, ProductVariant Variant)>();
        foreach (var demo in Catalogue)
        {
            var product = new Product
            {
                Name = demo.Name, Brand = demo.Brand, Category = demo.Category, PriceCents = demo.PriceCents, CompareAtPriceCents = demo.CompareAtCents,
                GstFree = demo.GstFree, Description = demo.Description,
            };
            var order = 0;
            foreach (var v in demo.Variants)
            {
                var variant = new ProductVariant
                {
                    ProductId = product.Id, Name = v.Name, Sku = v.Sku, PriceCents = v.PriceCents, SortOrder = order++, LowStockThreshold = 3,
                    Stock = new StockLevel { OnHand = v.Stock },
                };
                product.Variants.Add(variant);
                variants.Add((product, variant));
                db.Add(new StockMovement { VariantId = variant.Id, Kind = StockMovementKind.Received, Quantity = v.Stock, Reason = "Opening stock", At = now.AddDays(-30) });
            }

            db.Add(product);
        }

        return variants;
    }

    /// <summary>
    /// A location of the publishing franchise: the franchise catalogue brought in (as staff would), opening stock on
    /// its own shelf, plus what a location may do on its own — st-albans sells a product of its own, werribee sells the
    /// shaker at its own price.
    /// </summary>
    private static async Task<List<(Product Product, ProductVariant Variant)>> FromFranchiseCatalogueAsync(
        TenantInfo tenant, IServiceProvider services, DerrimutDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<Features.Franchise.FranchiseCatalogueSync>().SyncAsync(null, cancellationToken);
        var products = await db.Set<Product>().Include(p => p.Variants).ThenInclude(v => v.Stock).ToListAsync(cancellationToken);
        var bySku = products.SelectMany(p => p.Variants.Select(v => (Product: p, Variant: v))).ToDictionary(x => x.Variant.Sku, StringComparer.Ordinal);
        var variants = new List<(Product Product, ProductVariant Variant)>();
        foreach (var v in Catalogue.SelectMany(d => d.Variants))
        {
            var (product, variant) = bySku[v.Sku];
            variant.LowStockThreshold = 3;
            variant.Stock!.OnHand = v.Stock;
            variants.Add((product, variant));
            db.Add(new StockMovement { VariantId = variant.Id, Kind = StockMovementKind.Received, Quantity = v.Stock, Reason = "Opening stock", At = now.AddDays(-30) });
        }

        if (tenant.Identifier == "werribee")
        {
            var shaker = bySku["SHAKE-700-BLK"].Product;
            shaker.PriceCents = 1295;
            shaker.OwnPrice = true;
        }

        if (tenant.Identifier == "st-albans")
        {
            var cap = new Product
            {
                Name = "St Albans Run Club Cap", Brand = "Derrimut 24:7 St Albans", Category = ProductCategory.Apparel, PriceCents = 2995,
                Description = "Lightweight running cap of the St Albans Sunday run club. Sold only at St Albans.",
            };
            var variant = new ProductVariant { ProductId = cap.Id, Name = "One size", Sku = "STA-CAP-RUN", LowStockThreshold = 3, Stock = new StockLevel { OnHand = 9 } };
            cap.Variants.Add(variant);
            db.Add(cap);
            db.Add(new StockMovement { VariantId = variant.Id, Kind = StockMovementKind.Received, Quantity = 9, Reason = "Opening stock", At = now.AddDays(-30) });
        }

        return variants;
    }

    /// <summary>One order in every status, for the location's demo members, over the last fortnight.</summary>
    private static async Task SeedOrdersAsync(
        TenantInfo tenant, IServiceProvider services, DerrimutDbContext db, List<(Product Product, ProductVariant Variant)> variants, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var emails = new[] { $"member@{tenant.Identifier}.{Domain}", $"member2@{tenant.Identifier}.{Domain}" };
        var members = await services.GetRequiredService<IPeopleReadModel>().People.Where(p => emails.Contains(p.Email)).Select(p => p.UserId).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            return;
        }

        var zone = GymTime.ZoneOf(tenant);
        var plan = new (OrderStatus Status, DeliveryMethod Delivery, int DaysAgo, int[] Picks)[]
        {
            (OrderStatus.Collected, DeliveryMethod.Collect, 13, [0, 5]),
            (OrderStatus.Delivered, DeliveryMethod.Ship, 11, [10, 8]),
            (OrderStatus.Refunded, DeliveryMethod.Collect, 9, [2]),
            (OrderStatus.Cancelled, DeliveryMethod.Collect, 6, [1]),
            (OrderStatus.Shipped, DeliveryMethod.Ship, 4, [19, 6]),
            (OrderStatus.ReadyForCollection, DeliveryMethod.Collect, 2, [3, 5]),
            (OrderStatus.Processing, DeliveryMethod.Ship, 1, [12]),
            (OrderStatus.Confirmed, DeliveryMethod.Collect, 1, [7, 13]),
            (OrderStatus.Pending, DeliveryMethod.Collect, 0, [9]),
        };
        var counters = new Dictionary<DateOnly, OrderCounter>();
        var placedAt = new List<(Guid OrderId, DateTimeOffset At)>();
        var i = 0;
        foreach (var (status, delivery, daysAgo, picks) in plan)
        {
            var at = now.AddDays(-daysAgo).AddHours(-i);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            if (!counters.TryGetValue(day, out var counter))
            {
                counter = await db.Set<OrderCounter>().FirstOrDefaultAsync(c => c.Day == day, cancellationToken) ?? new OrderCounter { Day = day };
                if (db.Entry(counter).State == EntityState.Detached)
                {
                    db.Add(counter);
                }

                counters[day] = counter;
            }

            counter.LastNumber++;
            var order = new Order
            {
                UserId = members[i % members.Count], Status = status, Delivery = delivery, LocalDate = day, Sequence = counter.LastNumber,
                Number = OrderNumbers.Format(day, counter.LastNumber), PaidAt = OrderFlow.IsPaid(status) ? at.AddMinutes(3) : null,
                PaymentIntentId = OrderFlow.IsPaid(status) ? $"pi_demo_{Guid.NewGuid():N}" : null,
                CancelReason = status == OrderStatus.Cancelled ? "The checkout expired without payment." : null,
            };
            if (delivery == DeliveryMethod.Ship)
            {
                (order.ShipToName, order.ShipToLine1, order.ShipToSuburb, order.ShipToState, order.ShipToPostcode) = ("Demo Member", "12 Station Street", "Sunshine", "VIC", "3020");
            }

            if (status is OrderStatus.Shipped or OrderStatus.Delivered)
            {
                (order.Carrier, order.TrackingNumber) = ("Australia Post", $"AP{Random.Shared.Next(100_000_000, 999_999_999)}AU");
            }

            foreach (var pick in picks)
            {
                var (product, variant) = variants[pick % variants.Count];
                var unit = variant.EffectivePriceCents(product);
                order.Lines.Add(new OrderLine
                {
                    OrderId = order.Id, VariantId = variant.Id, ProductId = product.Id, ProductName = product.Name, VariantName = variant.Name, Sku = variant.Sku,
                    UnitPriceCents = unit, Quantity = 1, GstFree = product.GstFree, LineTotalCents = unit, GstCents = OrderFlow.GstOf(unit, product.GstFree),
                    RefundedQuantity = status == OrderStatus.Refunded ? 1 : 0,
                });
                if (status == OrderStatus.Pending)
                {
                    variant.Stock!.Reserved += 1;
                    db.Add(new StockMovement { VariantId = variant.Id, Kind = StockMovementKind.Reserved, Quantity = 1, OrderId = order.Id, At = at });
                }
                else if (OrderFlow.IsPaid(status) && status != OrderStatus.Refunded)
                {
                    variant.Stock!.OnHand -= 1;
                    db.Add(new StockMovement { VariantId = variant.Id, Kind = StockMovementKind.Sold, Quantity = -1, OrderId = order.Id, At = at });
                }
            }

            var rule = ShippingRule.Default;
            order.GoodsCents = order.Lines.Sum(l => l.LineTotalCents);
            order.ShippingCents = rule.ChargeFor(delivery, order.GoodsCents);
            order.TotalCents = order.GoodsCents + order.ShippingCents;
            order.GstCents = order.Lines.Sum(l => l.GstCents) + OrderFlow.GstOf(order.ShippingCents, order.Lines.All(l => l.GstFree));
            order.RefundedCents = status == OrderStatus.Refunded ? order.TotalCents : 0;
            db.Add(order);
            placedAt.Add((order.Id, at));
            if (status == OrderStatus.Refunded)
            {
                db.Add(new OrderRefund { OrderId = order.Id, AmountCents = order.TotalCents, Note = "Changed their mind (unopened)", At = at.AddDays(1) });
            }

            i++;
        }

        await db.SaveChangesAsync(cancellationToken);
        // CreatedAt is stamped with the save time; date the demo orders as the plan says.
        foreach (var (orderId, at) in placedAt)
        {
            await db.Set<Order>().Where(o => o.Id == orderId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, at).SetProperty(o => o.UpdatedAt, at), cancellationToken);
        }
    }
}
