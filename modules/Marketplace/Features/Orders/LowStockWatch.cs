namespace Derrimut.Marketplace.Features.Orders;

/// <summary>
/// After stock leaves the shelf: variants that fell to their low-stock threshold get one email (until stock is
/// received again, which clears the mark).
/// </summary>
internal sealed class LowStockWatch(DerrimutDbContext db, OrderNotices notices, TimeProvider time)
{
    public async Task CheckAsync(IReadOnlyCollection<Guid> variantIds, CancellationToken cancellationToken)
    {
        var low = await db.Set<StockLevel>()
            .Where(s => variantIds.Contains(s.VariantId) && s.LowStockNotifiedAt == null)
            .Join(db.Set<ProductVariant>(), s => s.VariantId, v => v.Id, (s, v) => new { Stock = s, Variant = v, v.Product!.Name })
            .Where(x => x.Stock.OnHand - x.Stock.Reserved <= x.Variant.LowStockThreshold)
            .ToListAsync(cancellationToken);
        if (low.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var row in low)
        {
            row.Stock.LowStockNotifiedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await notices.LowStockAsync(
            [.. low.Select(x => (x.Variant.Name.Length == 0 ? x.Name : $"{x.Name}, {x.Variant.Name}", x.Variant.Sku, x.Stock.OnHand - x.Stock.Reserved))],
            cancellationToken);
    }

    /// <summary>Stock came in: the next dip below the threshold warns again.</summary>
    public Task ClearAsync(Guid variantId, CancellationToken cancellationToken) =>
        db.Set<StockLevel>().Where(s => s.VariantId == variantId && s.LowStockNotifiedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LowStockNotifiedAt, (DateTimeOffset?)null), cancellationToken);
}
