using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceShop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marketplace_cart_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceSeenCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_cart_lines", x => x.Id);
                    table.CheckConstraint("ck_cart_lines_quantity", "\"Quantity\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "marketplace_order_counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_order_counters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_order_refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_order_refunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ShipToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShipToLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipToLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipToSuburb = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShipToState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ShipToPostcode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    GoodsCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippingCents = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_orders", x => x.Id);
                    table.CheckConstraint("ck_orders_refunded", "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"TotalCents\"");
                });

            migrationBuilder.CreateTable(
                name: "marketplace_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CompareAtPriceCents = table.Column<long>(type: "INTEGER", nullable: true),
                    GstFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImageFile = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_products", x => x.Id);
                    table.CheckConstraint("ck_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
                    table.CheckConstraint("ck_products_price", "\"PriceCents\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "marketplace_shop_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShippingEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShippingFlatCents = table.Column<long>(type: "INTEGER", nullable: false),
                    FreeShippingOverCents = table.Column<long>(type: "INTEGER", nullable: true),
                    LowStockEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_shop_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_stock_movements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OtherLocationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_stock_movements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_order_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    VariantName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitPriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    GstFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    LineTotalCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GstCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedQuantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_order_lines", x => x.Id);
                    table.CheckConstraint("ck_order_lines_quantity", "\"Quantity\" > 0");
                    table.CheckConstraint("ck_order_lines_refunded", "\"RefundedQuantity\" >= 0 AND \"RefundedQuantity\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_marketplace_order_lines_marketplace_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "marketplace_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_product_variants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    LowStockThreshold = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_product_variants", x => x.Id);
                    table.CheckConstraint("ck_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_marketplace_product_variants_marketplace_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "marketplace_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "marketplace_stock_levels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    LowStockNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_stock_levels", x => x.Id);
                    table.CheckConstraint("ck_stock_levels_on_hand", "\"OnHand\" >= 0");
                    table.CheckConstraint("ck_stock_levels_reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
                    table.ForeignKey(
                        name: "FK_marketplace_stock_levels_marketplace_product_variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "marketplace_product_variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_cart_lines_TenantId",
                table: "marketplace_cart_lines",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_cart_lines_TenantId_UserId_VariantId",
                table: "marketplace_cart_lines",
                columns: new[] { "TenantId", "UserId", "VariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_counters_TenantId",
                table: "marketplace_order_counters",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_counters_TenantId_Day",
                table: "marketplace_order_counters",
                columns: new[] { "TenantId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_lines_OrderId",
                table: "marketplace_order_lines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_lines_TenantId",
                table: "marketplace_order_lines",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_refunds_TenantId",
                table: "marketplace_order_refunds",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_order_refunds_TenantId_OrderId",
                table: "marketplace_order_refunds",
                columns: new[] { "TenantId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId",
                table: "marketplace_orders",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_CheckoutSessionId",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "CheckoutSessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_LocalDate_Sequence",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "LocalDate", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_Number",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_Status_CreatedAt",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_orders_TenantId_UserId_CreatedAt",
                table: "marketplace_orders",
                columns: new[] { "TenantId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_product_variants_ProductId",
                table: "marketplace_product_variants",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_product_variants_TenantId",
                table: "marketplace_product_variants",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_product_variants_TenantId_ProductId",
                table: "marketplace_product_variants",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_product_variants_TenantId_Sku",
                table: "marketplace_product_variants",
                columns: new[] { "TenantId", "Sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_products_TenantId",
                table: "marketplace_products",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_products_TenantId_IsActive_Category_Name",
                table: "marketplace_products",
                columns: new[] { "TenantId", "IsActive", "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_shop_settings_TenantId",
                table: "marketplace_shop_settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_levels_TenantId",
                table: "marketplace_stock_levels",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_levels_TenantId_VariantId",
                table: "marketplace_stock_levels",
                columns: new[] { "TenantId", "VariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_levels_VariantId",
                table: "marketplace_stock_levels",
                column: "VariantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_movements_TenantId",
                table: "marketplace_stock_movements",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_movements_TenantId_OrderId",
                table: "marketplace_stock_movements",
                columns: new[] { "TenantId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_stock_movements_TenantId_VariantId_At",
                table: "marketplace_stock_movements",
                columns: new[] { "TenantId", "VariantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marketplace_cart_lines");

            migrationBuilder.DropTable(
                name: "marketplace_order_counters");

            migrationBuilder.DropTable(
                name: "marketplace_order_lines");

            migrationBuilder.DropTable(
                name: "marketplace_order_refunds");

            migrationBuilder.DropTable(
                name: "marketplace_shop_settings");

            migrationBuilder.DropTable(
                name: "marketplace_stock_levels");

            migrationBuilder.DropTable(
                name: "marketplace_stock_movements");

            migrationBuilder.DropTable(
                name: "marketplace_orders");

            migrationBuilder.DropTable(
                name: "marketplace_product_variants");

            migrationBuilder.DropTable(
                name: "marketplace_products");
        }
    }
}
