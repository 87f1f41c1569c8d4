namespace Derrimut.Marketplace.Data;

/// <summary>
/// Every change to a location's stock: one conditional UPDATE of the variant's stock row (which only matches when the
/// change keeps the row valid, so two buyers racing for the last unit cannot both win — the loser's update matches no
/// row), plus a ledger line saved by the caller's <c>SaveChanges</c> in the same transaction. The check constraints
/// on <c>stock_levels</c> back this up in the database itself.
/// </summary>
internal sealed class StockLedger(DerrimutDbContext db, TimeProvider time)
{
    /// <summary>Holds <paramref name="quantity"/> for an order; false when fewer are available.</summary>
    public async Task<bool> TryReserveAsync(Guid variantId, int quantity, Guid orderId, CancellationToken cancellationToken)
    {
        var changed = await Stock(variantId).Where(s => s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + quantity), cancellationToken);
        if (changed == 1)
        {
            Record(variantId, StockMovementKind.Reserved, quantity, orderId: orderId);
        }

        return changed == 1;
    }

    /// <summary>Gives back what an unpaid order held.</summary>
    public async Task ReleaseAsync(Guid variantId, int quantity, Guid orderId, CancellationToken cancellationToken)
    {
        var changed = await Stock(variantId).Where(s => s.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved - quantity), cancellationToken);
        if (changed == 1)
        {
            Record(variantId, StockMovementKind.Released, -quantity, orderId: orderId);
        }
    }

    /// <summary>Turns an order's reservation into a sale: the units leave the shelf and the hold ends.</summary>
    public async Task<bool> SellReservedAsync(Guid variantId, int quantity, Guid orderId, CancellationToken cancellationToken)
    {
        var changed = await Stock(variantId).Where(s => s.Reserved >= quantity && s.OnHand >= quantity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.OnHand, x => x.OnHand - quantity)
                .SetProperty(x => x.Reserved, x => x.Reserved - quantity), cancellationToken);
        if (changed == 1)
        {
            Record(variantId, StockMovementKind.Sold, -quantity, orderId: orderId);
        }

        return changed == 1;
    }

    /// <summary>Adds received or returned units to the shelf.</summary>
    public async Task AddAsync(Guid variantId, int quantity, StockMovementKind kind, string? reason, Guid? orderId, Guid? byUserId, CancellationToken cancellationToken, Guid? otherLocationId = null)
    {
        await EnsureRowAsync(variantId, cancellationToken);
        var changed = await Stock(variantId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand + quantity), cancellationToken);
        if (changed != 1)
        {
            throw new NotFoundException("This gym has no stock record for that variant.");
        }

        Record(variantId, kind, quantity, reason, orderId, byUserId, otherLocationId);
    }

    /// <summary>Takes units off the shelf (a count that found fewer, a transfer out); false when that would leave fewer than are reserved.</summary>
    public async Task<bool> TryRemoveAsync(Guid variantId, int quantity, StockMovementKind kind, string? reason, Guid? byUserId, CancellationToken cancellationToken, Guid? otherLocationId = null)
    {
        var changed = await Stock(variantId).Where(s => s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand - quantity), cancellationToken);
        if (changed == 1)
        {
            Record(variantId, kind, -quantity, reason, null, byUserId, otherLocationId);
        }

        return changed == 1;
    }

    /// <summary>
    /// A stock count: on hand becomes <paramref name="counted"/>, provided it is still <paramref name="expectedOnHand"/>
    /// (a sale in between makes this false, and the caller reads again) and covers what is reserved. The ledger line
    /// is an adjustment by the difference, with the count's reason.
    /// </summary>
    public async Task<bool> TrySetCountedAsync(Guid variantId, int expectedOnHand, int counted, string reason, Guid byUserId, CancellationToken cancellationToken)
    {
        var changed = await Stock(variantId).Where(s => s.OnHand == expectedOnHand && s.Reserved <= counted)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, counted), cancellationToken);
        if (changed == 1 && counted != expectedOnHand)
        {
            Record(variantId, StockMovementKind.Adjusted, counted - expectedOnHand, reason, byUserId: byUserId);
        }

        return changed == 1;
    }

    /// <summary>Creates the variant's stock row at zero when it has none (new variants get one when created).</summary>
    public async Task EnsureRowAsync(Guid variantId, CancellationToken cancellationToken)
    {
        if (!await Stock(variantId).AnyAsync(cancellationToken))
        {
            db.Add(new StockLevel { VariantId = variantId });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private IQueryable<StockLevel> Stock(Guid variantId) => db.Set<StockLevel>().Where(s => s.VariantId == variantId);

    private void Record(Guid variantId, StockMovementKind kind, int quantity, string? reason = null, Guid? orderId = null, Guid? byUserId = null, Guid? otherLocationId = null) =>
        db.Add(new StockMovement
        {
            VariantId = variantId,
            Kind = kind,
            Quantity = quantity,
            Reason = reason,
            OrderId = orderId,
            ByUserId = byUserId,
            OtherLocationId = otherLocationId,
            At = time.GetUtcNow(),
        });
}
