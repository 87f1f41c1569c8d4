using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;

namespace Derrimut.Marketplace.Features.Checkout;

/// <summary>One thing to buy: a variant and how many.</summary>
internal sealed record WantedItem(Guid VariantId, int Quantity);

/// <summary>
/// Places an order and opens its payment: in ONE transaction it reserves every line's stock (conditional updates, in
/// variant order so two orders never wait on each other in a cycle), takes the day's next order number from the
/// location's counter row (an UPDATE that holds the row until commit, so numbers are consecutive and a rolled-back
/// order gives its number back) and saves the pending order; then it asks Billing for a payment checkout with one line
/// per order line. If the gateway refuses, the reservation is released and the order cancelled — nothing stays held.
/// Shared by the member's online checkout and the front desk's over-the-counter sale.
/// </summary>
internal sealed class OrderPlacement(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IPaymentGateway gateway,
    IPeopleReadModel people,
    StockLedger ledger,
    ShopSettingsReader settings,
    IGymClock clock,
    TimeProvider time,
    ISiteAddresses sites,
    ILogger<OrderPlacement> logger)
{
    public async Task<CheckoutStarted> PlaceAsync(
        Guid userId, IReadOnlyList<WantedItem> items, DeliveryMethod delivery, ShippingAddress? address, OrderChannel channel,
        string itemsField, CancellationToken cancellationToken)
    {
        if (tenant.Tenant is not { IsLocation: true } location)
        {
            throw new ValidationException("tenant", "Orders are placed at a gym location's site.");
        }

        if (items.Count == 0)
        {
            throw new ValidationException(itemsField, "There is nothing to buy.");
        }

        var variantIds = items.Select(i => i.VariantId).ToList();
        var variants = await db.Set<ProductVariant>().AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var errors = new ValidationErrors();
        for (var i = 0; i < items.Count; i++)
        {
            if (!variants.TryGetValue(items[i].VariantId, out var variant))
            {
                errors.Add($"{itemsField}[{i}].variantId", "This gym's shop has no such product.");
            }
            else if (!variant.IsActive || !variant.Product!.IsActive)
            {
                errors.Add($"{itemsField}[{i}].variantId", $"{Title(variant)} is no longer on sale.");
            }
        }

        errors.ThrowIfAny();
        var rule = await settings.RuleAsync(cancellationToken);
        if (delivery == DeliveryMethod.Ship && !rule.Enabled)
        {
            throw new ValidationException("delivery.method", "This gym does not ship; choose click-and-collect.");
        }

        var order = new Order { UserId = userId, Channel = channel, Delivery = delivery };
        if (delivery == DeliveryMethod.Ship && address is not null)
        {
            order.ShipToName = address.Name!.Trim();
            order.ShipToLine1 = address.Line1!.Trim();
            order.ShipToLine2 = string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim();
            order.ShipToSuburb = address.Suburb!.Trim();
            order.ShipToState = address.State!.Trim().ToUpperInvariant();
            order.ShipToPostcode = address.Postcode!.Trim();
        }

        foreach (var item in items)
        {
            var variant = variants[item.VariantId];
            var unit = variant.EffectivePriceCents(variant.Product!);
            var total = unit * item.Quantity;
            order.Lines.Add(new OrderLine
            {
                OrderId = order.Id,
                VariantId = variant.Id,
                ProductId = variant.ProductId,
                ProductName = variant.Product!.Name,
                VariantName = variant.Name,
                Sku = variant.Sku,
                UnitPriceCents = unit,
                Quantity = item.Quantity,
                GstFree = variant.Product.GstFree,
                LineTotalCents = total,
                GstCents = OrderFlow.GstOf(total, variant.Product.GstFree),
            });
        }

        order.GoodsCents = order.Lines.Sum(l => l.LineTotalCents);
        order.ShippingCents = rule.ChargeFor(delivery, order.GoodsCents);
        order.TotalCents = order.GoodsCents + order.ShippingCents;
        // Shipping follows the goods' GST treatment: taxable unless every line is GST-free.
        order.GstCents = order.Lines.Sum(l => l.GstCents) + OrderFlow.GstOf(order.ShippingCents, order.Lines.All(l => l.GstFree));

        var day = clock.Today;
        await EnsureCounterAsync(day, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var ordered = items.Select((item, index) => (item, index)).OrderBy(x => x.item.VariantId).ToList();
            foreach (var (item, index) in ordered)
            {
                if (!await ledger.TryReserveAsync(item.VariantId, item.Quantity, order.Id, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    var left = await AvailableAsync(item.VariantId, cancellationToken);
                    throw new ValidationException($"{itemsField}[{index}].quantity", left <= 0
                        ? $"{Title(variants[item.VariantId])} has just sold out at this gym."
                        : $"Only {left} of {Title(variants[item.VariantId])} left at this gym.");
                }
            }

            await db.Set<OrderCounter>().Where(c => c.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
            order.Sequence = await db.Set<OrderCounter>().Where(c => c.Day == day).Select(c => c.LastNumber).SingleAsync(cancellationToken);
            order.LocalDate = day;
            order.Number = OrderNumbers.Format(day, order.Sequence);
            db.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        ShopMetrics.OrderPlaced(tenant.Tenant!.Id, order.Channel == OrderChannel.Online ? "online" : "counter");

        var email = await people.People.Where(p => p.UserId == userId).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
        // The gateway's return links: this location's site as configured, never the request's host.
        var site = sites.ForCurrentSite("/").ToString().TrimEnd('/');
        var lines = order.Lines.Select(l => new CheckoutLine(l.Title, l.UnitPriceCents, l.Quantity)).ToList();
        if (order.ShippingCents > 0)
        {
            lines.Add(new CheckoutLine("Shipping", order.ShippingCents, 1));
        }

        StartedCheckout started;
        try
        {
            started = await gateway.CreatePaymentCheckoutAsync(new PaymentCheckoutRequest(
                location.Id, userId, CheckoutPurposes.ShopOrder, order.Id.ToString("D"),
                Description: $"Order {order.Number}",
                AmountCents: order.TotalCents,
                // One key per order: a retried call returns the same session, never a second one.
                IdempotencyKey: $"shop-order:{order.Id:N}",
                SuccessUrl: $"{site}/shop/orders/{order.Id:D}/confirmation?session={{CHECKOUT_SESSION_ID}}",
                CancelUrl: $"{site}/shop/cart?cancelled=true",
                CustomerEmail: string.IsNullOrEmpty(email) ? null : email,
                Lines: lines), cancellationToken);
        }
        catch (Exception ex) when (ex is PaymentGatewayException or OperationCanceledException or ValidationException)
        {
            logger.LogWarning(ex, "Payment could not start for order {Order}; releasing its stock", order.Number);
            await CancelUnpaidAsync(order.Id, "The payment could not be started.", CancellationToken.None);
            throw;
        }

        order.CheckoutSessionId = started.CheckoutId;
        order.CheckoutUrl = started.Url;
        order.CheckoutExpiresAt = started.ExpiresAt;
        await db.SaveChangesAsync(cancellationToken);
        return new CheckoutStarted(order.Id, order.Number, started.Url, order.TotalCents);
    }

    /// <summary>Cancels a still-pending order and gives its stock back, once (a conditional status change guards it).</summary>
    public async Task<bool> CancelUnpaidAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var now = time.GetUtcNow();
            var won = await db.Set<Order>().Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, OrderStatus.Cancelled)
                    .SetProperty(o => o.CancelReason, reason)
                    .SetProperty(o => o.UpdatedAt, now)
                    .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
            if (won == 1)
            {
                var lines = await db.Set<OrderLine>().AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.VariantId).ToListAsync(cancellationToken);
                foreach (var line in lines)
                {
                    await ledger.ReleaseAsync(line.VariantId, line.Quantity, orderId, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return won == 1;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Makes sure today's counter row exists, outside the order's transaction: two first orders of the day may both
    /// try to insert it; the unique (location, day) index keeps one, and the loser simply uses it.
    /// </summary>
    private async Task EnsureCounterAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (await db.Set<OrderCounter>().AnyAsync(c => c.Day == day, cancellationToken))
        {
            return;
        }

        var counter = new OrderCounter { Day = day };
        db.Add(counter);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    private Task<int> AvailableAsync(Guid variantId, CancellationToken cancellationToken) =>
        db.Set<StockLevel>().AsNoTracking().Where(s => s.VariantId == variantId).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(cancellationToken);

    private static string Title(ProductVariant variant) =>
        variant.Name.Length == 0 ? variant.Product!.Name : $"{variant.Product!.Name}, {variant.Name}";
}
