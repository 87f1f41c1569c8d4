using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Derrimut.Marketplace.Data;

/// <summary>The Marketplace module's tables, in schema <c>marketplace</c>. Money is whole cents (bigint) everywhere.</summary>
internal static class MarketplaceModel
{
    public const string Schema = "marketplace";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(b =>
        {
            b.ToTable("products", Schema, t =>
            {
                t.HasCheckConstraint("ck_products_price", "\"PriceCents\" >= 0");
                t.HasCheckConstraint("ck_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
            });
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(120).IsRequired();
            b.Property(x => x.Description).HasMaxLength(2000).IsRequired();
            b.Property(x => x.Brand).HasMaxLength(60);
            b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.ImageFile).HasMaxLength(80);
            b.HasIndex(x => new { x.TenantId, x.FranchiseProductId }).IsUnique();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.TenantId, x.IsActive, x.Category, x.Name });
            b.HasMany(x => x.Variants).WithOne(v => v.Product).HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProductVariant>(b =>
        {
            b.ToTable("product_variants", Schema, t => t.HasCheckConstraint("ck_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0"));
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(60).IsRequired();
            b.Property(x => x.Sku).HasMaxLength(40).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.Sku }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.ProductId });
            b.HasIndex(x => new { x.TenantId, x.FranchiseVariantId }).IsUnique();
            b.HasOne(x => x.Stock).WithOne().HasForeignKey<StockLevel>(s => s.VariantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StockLevel>(b =>
        {
            // The database's own guarantee that stock never goes below zero, whatever the code above it does.
            b.ToTable("stock_levels", Schema, t =>
            {
                t.HasCheckConstraint("ck_stock_levels_on_hand", "\"OnHand\" >= 0");
                t.HasCheckConstraint("ck_stock_levels_reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
            });
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.VariantId }).IsUnique();
            b.Ignore(x => x.Available);
        });
        modelBuilder.Entity<StockMovement>(b =>
        {
            b.ToTable("stock_movements", Schema);
            b.HasKey(x => x.Id);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Reason).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.VariantId, x.At });
            b.HasIndex(x => new { x.TenantId, x.OrderId });
        });
        modelBuilder.Entity<CartLine>(b =>
        {
            b.ToTable("cart_lines", Schema, t => t.HasCheckConstraint("ck_cart_lines_quantity", "\"Quantity\" > 0"));
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.UserId, x.VariantId }).IsUnique();
        });
        modelBuilder.Entity<OrderCounter>(b =>
        {
            b.ToTable("order_counters", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenantId, x.Day }).IsUnique();
        });
        modelBuilder.Entity<ShopSettings>(b =>
        {
            b.ToTable("shop_settings", Schema);
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.TenantId).IsUnique();
            b.Property(x => x.LowStockEmail).HasMaxLength(254);
            b.Ignore(x => x.Rule);
        });
        modelBuilder.Entity<Order>(b =>
        {
            b.ToTable("orders", Schema, t => t.HasCheckConstraint("ck_orders_refunded", "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"TotalCents\""));
            b.HasKey(x => x.Id);
            b.Property(x => x.Number).HasMaxLength(24).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.LocalDate, x.Sequence }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.UserId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
            // Sales over a period are range reads by when the order was paid (decision 0057).
            b.HasIndex(x => new { x.TenantId, x.PaidAt });
            b.HasIndex(x => new { x.TenantId, x.CheckoutSessionId });
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.ShipToName).HasMaxLength(100);
            b.Property(x => x.ShipToLine1).HasMaxLength(200);
            b.Property(x => x.ShipToLine2).HasMaxLength(200);
            b.Property(x => x.ShipToSuburb).HasMaxLength(100);
            b.Property(x => x.ShipToState).HasMaxLength(3);
            b.Property(x => x.ShipToPostcode).HasMaxLength(4);
            b.Property(x => x.CheckoutSessionId).HasMaxLength(255);
            b.Property(x => x.CheckoutUrl).HasMaxLength(2000);
            b.Property(x => x.PaymentIntentId).HasMaxLength(255);
            b.Property(x => x.Carrier).HasMaxLength(60);
            b.Property(x => x.TrackingNumber).HasMaxLength(60);
            b.Property(x => x.CancelReason).HasMaxLength(200);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OrderLine>(b =>
        {
            b.ToTable("order_lines", Schema, t =>
            {
                t.HasCheckConstraint("ck_order_lines_quantity", "\"Quantity\" > 0");
                t.HasCheckConstraint("ck_order_lines_refunded", "\"RefundedQuantity\" >= 0 AND \"RefundedQuantity\" <= \"Quantity\"");
            });
            b.HasKey(x => x.Id);
            b.Property(x => x.ProductName).HasMaxLength(120).IsRequired();
            b.Property(x => x.VariantName).HasMaxLength(60).IsRequired();
            b.Property(x => x.Sku).HasMaxLength(40).IsRequired();
            b.Ignore(x => x.Title);
        });
        modelBuilder.Entity<OrderRefund>(b =>
        {
            b.ToTable("order_refunds", Schema);
            b.HasKey(x => x.Id);
            b.Property(x => x.RefundId).HasMaxLength(255);
            b.Property(x => x.Note).HasMaxLength(200).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.OrderId });
        });
    
        modelBuilder.Entity<FranchiseProduct>(b =>
        {
            b.ToTable("franchise_products", Schema, t =>
            {
                t.HasCheckConstraint("ck_franchise_products_price", "\"PriceCents\" >= 0");
                t.HasCheckConstraint("ck_franchise_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
            });
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(120).IsRequired();
            b.Property(x => x.Description).HasMaxLength(2000).IsRequired();
            b.Property(x => x.Brand).HasMaxLength(60);
            b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.FranchiseId, x.Category, x.Name });
            b.HasMany(x => x.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FranchiseVariant>(b =>
        {
            b.ToTable("franchise_product_variants", Schema, t => t.HasCheckConstraint("ck_franchise_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0"));
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(60).IsRequired();
            b.Property(x => x.Sku).HasMaxLength(40).IsRequired();
            b.HasIndex(x => new { x.FranchiseId, x.Sku }).IsUnique();
        });
    }
}
