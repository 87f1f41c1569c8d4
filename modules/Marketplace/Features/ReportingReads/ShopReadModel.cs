using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;

namespace Derrimut.Marketplace.Features.ReportingReads;

internal sealed class ShopReadModel(DerrimutDbContext db) : IShopReadModel
{
    public IQueryable<ShopOrderRow> Orders => db.Set<Order>().AsNoTracking().Select(o => new ShopOrderRow
    {
        Id = o.Id, Number = o.Number, Status = o.Status, Channel = o.Channel, PaidAt = o.PaidAt, TotalCents = o.TotalCents, GstCents = o.GstCents,
        RefundedCents = o.RefundedCents,
    });

    public IQueryable<ShopOrderLineRow> OrderLines => db.Set<OrderLine>().AsNoTracking().Select(l => new ShopOrderLineRow
    {
        OrderId = l.OrderId, ProductId = l.ProductId, ProductName = l.ProductName, Quantity = l.Quantity, RefundedQuantity = l.RefundedQuantity,
        LineTotalCents = l.LineTotalCents, GstCents = l.GstCents,
    });

    // GST back = amount × the order's GST ÷ its total, rounded half up in integer cents (the same in every provider's SQL).
    public IQueryable<ShopRefundRow> Refunds =>
        from r in db.Set<OrderRefund>().AsNoTracking()
        join o in db.Set<Order>().AsNoTracking() on r.OrderId equals o.Id
        select new ShopRefundRow
        {
            OrderId = r.OrderId, AmountCents = r.AmountCents, At = r.At,
            GstCents = o.TotalCents <= 0 ? 0 : (2 * r.AmountCents * o.GstCents + o.TotalCents) / (2 * o.TotalCents),
        };

    public IQueryable<ShopStockRow> Stock =>
        from v in db.Set<ProductVariant>().AsNoTracking()
        join p in db.Set<Product>().AsNoTracking() on v.ProductId equals p.Id
        join s in db.Set<StockLevel>().AsNoTracking() on v.Id equals s.VariantId into levels
        from s in levels.DefaultIfEmpty()
        select new ShopStockRow
        {
            VariantId = v.Id, ProductId = p.Id, ProductName = p.Name, VariantName = v.Name, Category = p.Category,
            OnHand = s == null ? 0 : s.OnHand, Reserved = s == null ? 0 : s.Reserved, LowStockThreshold = v.LowStockThreshold,
            PriceCents = v.PriceCents ?? p.PriceCents, OnSale = p.IsActive && v.IsActive && !p.WithdrawnHere,
        };
}
