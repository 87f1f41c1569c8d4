namespace Derrimut.Marketplace.Features;

/// <summary>The location's shop settings, or the defaults when staff have set none.</summary>
internal sealed class ShopSettingsReader(DerrimutDbContext db)
{
    public async Task<ShippingRule> RuleAsync(CancellationToken cancellationToken) =>
        await db.Set<ShopSettings>().AsNoTracking().Select(s => new ShippingRule(s.ShippingEnabled, s.ShippingFlatCents, s.FreeShippingOverCents))
            .FirstOrDefaultAsync(cancellationToken) ?? ShippingRule.Default;

    public Task<string?> LowStockEmailAsync(CancellationToken cancellationToken) =>
        db.Set<ShopSettings>().AsNoTracking().Select(s => s.LowStockEmail).FirstOrDefaultAsync(cancellationToken);
}
